/** Escaping for text outputs: no control character from the input ever reaches a terminal or a log. */
import { defaultIgnorableClass } from "../internal/invisible.js"

const controlChar = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff${defaultIgnorableClass}]`,
  "gu",
)

/**
 * Replace control (line breaks and tabs included: every field shown is one line, and a raw newline would
 * let input forge lines such as GitHub workflow commands), line / paragraph separators, and every
 * character that renders as nothing (bidi controls, zero-width characters, variation selectors, tag
 * characters …: internal/invisible.ts) with visible escapes: `\n`, `\r`, `\t`, else `\u{…}` as messages
 * write them (internal/quote.ts), so a character reads the same in a message and in its source excerpt.
 */
export const escapeControl = (text: string): string =>
  text.replace(controlChar, (c) => {
    if (c === "\n") return "\\n"
    if (c === "\r") return "\\r"
    if (c === "\t") return "\\t"
    return `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`
  })

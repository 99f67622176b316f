/** Escaping for text outputs: no control character from the input ever reaches a terminal or a log. */
import { defaultIgnorableClass } from "../internal/invisible.js"

const controlChar = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${defaultIgnorableClass}]`, "gu")

/**
 * Replace control (line breaks and tabs included: every field shown is one line, and a raw newline would
 * let input forge lines such as GitHub workflow commands), line / paragraph separators, and every
 * character that renders as nothing (bidi controls, zero-width characters, variation selectors, tag
 * characters …: internal/invisible.ts) with visible escapes.
 */
export const escapeControl = (text: string): string =>
  text.replace(controlChar, (c) => {
    if (c === "\n") return "\\n"
    if (c === "\r") return "\\r"
    if (c === "\t") return "\\t"
    const code = c.codePointAt(0) ?? 0
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`
    return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`
  })

/** Escaping for text outputs: no control character from the input ever reaches a terminal or a log. */

const controlChar = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g

/**
 * Replace control (line breaks and tabs included: every field shown is one line, and a raw newline would
 * let input forge lines such as GitHub workflow commands), bidi and zero-width characters with visible
 * escapes.
 */
export const escapeControl = (text: string): string =>
  text.replace(controlChar, (c) => {
    if (c === "\n") return "\\n"
    if (c === "\r") return "\\r"
    if (c === "\t") return "\\t"
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`
  })

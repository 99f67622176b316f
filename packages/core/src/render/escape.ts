/** Escaping for text outputs: no control character from the input ever reaches a terminal or a log. */

const controlChar = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g

/** Replace control, bidi and zero-width characters (terminal and spoofing hazards) with visible escapes. */
export const escapeControl = (text: string): string =>
  text.replace(controlChar, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`
  })

/**
 * Received values inside diagnostic messages: truncated and with control characters escaped, so a
 * hostile manifest can neither flood a terminal nor inject escape sequences or invisible text
 * (design/reliability.md, "Unicode spoofing and control chars").
 */

/** Longest excerpt of a received value in a message, in code points (the ellipsis not counted). */
export const excerptLength = 40

/**
 * Code points escaped as `\u{…}` (or `\n`, `\t`, `\r`): C0 and C1 controls, DEL, zero-width and
 * directional marks, line / paragraph separators, bidi embeddings / overrides / isolates, BOM.
 */
const isUnsafe = (cp: number): boolean =>
  cp < 0x20 ||
  (cp >= 0x7f && cp <= 0x9f) ||
  cp === 0xad ||
  cp === 0x61c ||
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x2028 && cp <= 0x202e) ||
  (cp >= 0x2060 && cp <= 0x2069) ||
  cp === 0xfeff ||
  (cp >= 0xd800 && cp <= 0xdfff)

const escapeCodePoint = (cp: number): string => {
  if (cp === 0x0a) return "\\n"
  if (cp === 0x09) return "\\t"
  if (cp === 0x0d) return "\\r"
  return `\\u{${cp.toString(16).toUpperCase()}}`
}

/**
 * `text` made safe for one line of output: unsafe code points escaped, cut after `max` code points
 * with `…`. Reads at most `max + 1` code points of `text`, whatever its length.
 */
export const excerpt = (text: string, max: number = excerptLength): string => {
  let out = ""
  let count = 0
  let i = 0
  while (i < text.length) {
    if (count === max) return `${out}…`
    const cp = text.codePointAt(i) ?? 0
    i += cp > 0xffff ? 2 : 1
    out += isUnsafe(cp) ? escapeCodePoint(cp) : String.fromCodePoint(cp)
    count++
  }
  return out
}

/** A received string as it appears in a message: `` `excerpt` ``. */
export const quote = (text: string, max: number = excerptLength): string => `\`${excerpt(text, max)}\``

/** Any received JSON value in a message: strings quoted, numbers and literals as written, containers by kind. */
export const show = (value: unknown): string => {
  if (typeof value === "string") return quote(value)
  if (typeof value === "number" || typeof value === "boolean") return `\`${String(value)}\``
  if (value === null) return "`null`"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "a mapping"
  return "nothing"
}

/** The JSON type of a received value, in words ("a number", "a string" …). */
export const kindOf = (value: unknown): string => {
  if (typeof value === "string") return "a string"
  if (typeof value === "number") return "a number"
  if (typeof value === "boolean") return "a boolean"
  if (value === null) return "null"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "a mapping"
  return "nothing"
}

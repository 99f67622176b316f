/**
 * Excerpt: the only way client-supplied text enters a response. Control, format and lone surrogate
 * characters are escaped (no terminal or log injection, no invisible characters) and the result is
 * cut to a bound.
 */

/** Longest excerpt, in code points, before the ellipsis. */
export const excerptLength = 40

// Controls (C0, DEL, C1), format characters (zero-width, bidi, BOM …), line/paragraph separators, lone surrogates.
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

/** `\u00ad`: JSON's escape of one UTF-16 code unit (an astral character is written as its surrogate pair). */
const jsonEscape = (unit: number): string => `\\u${unit.toString(16).padStart(4, "0")}`

/** The text escaped and cut to `max` code points (an ellipsis marks a cut), in double quotes. */
export const excerpt = (text: string, max: number = excerptLength): string => {
  const points = [...text.slice(0, 2 * max + 2)]
  const cut = points.length > max ? `${points.slice(0, max).join("")}…` : points.join("")
  const escaped = cut
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(unsafe, (c) => jsonEscape(c.charCodeAt(0)) + (c.length > 1 ? jsonEscape(c.charCodeAt(1)) : ""))
  return `"${escaped}"`
}

/** Longest message taken from the core into a response (its messages are ~120 characters by contract). */
export const messageLength = 300

/** A core message cut to `max` code units, as a guard: the core already escapes and truncates what it quotes. */
export const clip = (text: string, max: number = messageLength): string =>
  text.length > max ? `${text.slice(0, max)}…` : text

/**
 * Code points as messages name them: `U+202E RIGHT-TO-LEFT OVERRIDE`, with the Unicode name of the
 * characters the identifier rules report most often (controls, invisible and bidi characters, spaces),
 * else the code point alone.
 */

/**
 * Names of the characters messages name most often (for C0 controls, the standard aliases of those a
 * reader may recognise: NUL, the bell and escape of terminal sequences, the whitespace controls).
 */
const names: ReadonlyMap<number, string> = new Map([
  [0x00, "NULL"],
  [0x07, "ALERT"],
  [0x08, "BACKSPACE"],
  [0x09, "CHARACTER TABULATION"],
  [0x0a, "LINE FEED"],
  [0x0c, "FORM FEED"],
  [0x0d, "CARRIAGE RETURN"],
  [0x1b, "ESCAPE"],
  [0x20, "SPACE"],
  [0x7f, "DELETE"],
  [0x85, "NEXT LINE"],
  [0x9b, "CONTROL SEQUENCE INTRODUCER"],
  [0xa0, "NO-BREAK SPACE"],
  [0xad, "SOFT HYPHEN"],
  [0x34f, "COMBINING GRAPHEME JOINER"],
  [0x61c, "ARABIC LETTER MARK"],
  [0x1680, "OGHAM SPACE MARK"],
  [0x180e, "MONGOLIAN VOWEL SEPARATOR"],
  [0x2000, "EN QUAD"],
  [0x2001, "EM QUAD"],
  [0x2002, "EN SPACE"],
  [0x2003, "EM SPACE"],
  [0x2004, "THREE-PER-EM SPACE"],
  [0x2005, "FOUR-PER-EM SPACE"],
  [0x2006, "SIX-PER-EM SPACE"],
  [0x2007, "FIGURE SPACE"],
  [0x2008, "PUNCTUATION SPACE"],
  [0x2009, "THIN SPACE"],
  [0x200a, "HAIR SPACE"],
  [0x200b, "ZERO WIDTH SPACE"],
  [0x200c, "ZERO WIDTH NON-JOINER"],
  [0x200d, "ZERO WIDTH JOINER"],
  [0x200e, "LEFT-TO-RIGHT MARK"],
  [0x200f, "RIGHT-TO-LEFT MARK"],
  [0x2028, "LINE SEPARATOR"],
  [0x2029, "PARAGRAPH SEPARATOR"],
  [0x202a, "LEFT-TO-RIGHT EMBEDDING"],
  [0x202b, "RIGHT-TO-LEFT EMBEDDING"],
  [0x202c, "POP DIRECTIONAL FORMATTING"],
  [0x202d, "LEFT-TO-RIGHT OVERRIDE"],
  [0x202e, "RIGHT-TO-LEFT OVERRIDE"],
  [0x202f, "NARROW NO-BREAK SPACE"],
  [0x205f, "MEDIUM MATHEMATICAL SPACE"],
  [0x2060, "WORD JOINER"],
  [0x2061, "FUNCTION APPLICATION"],
  [0x2062, "INVISIBLE TIMES"],
  [0x2063, "INVISIBLE SEPARATOR"],
  [0x2064, "INVISIBLE PLUS"],
  [0x2066, "LEFT-TO-RIGHT ISOLATE"],
  [0x2067, "RIGHT-TO-LEFT ISOLATE"],
  [0x2068, "FIRST STRONG ISOLATE"],
  [0x2069, "POP DIRECTIONAL ISOLATE"],
  [0x3000, "IDEOGRAPHIC SPACE"],
  [0x3164, "HANGUL FILLER"],
  [0xfeff, "ZERO WIDTH NO-BREAK SPACE"],
  [0xfffd, "REPLACEMENT CHARACTER"],
])

/** `U+202E`. */
export const codePoint = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or the code point alone where the name is not in the table. */
export const codePointName = (cp: number): string => {
  const name = names.get(cp)
  return name === undefined ? codePoint(cp) : `${codePoint(cp)} ${name}`
}

/**
 * Checks on the raw text, before any parsing: size, characters, line endings.
 *
 * - Size: more than `maxBytes` UTF-8 bytes is refused at once (`document-limit`).
 * - One leading U+FEFF (byte order mark) is dropped; positions are counted after it.
 * - Refused everywhere (`syntax`): C0 control characters other than tab, LF and CR; a byte order mark
 *   anywhere but the very start; U+FFFD (the mark a lenient decoder leaves for invalid bytes: the text
 *   was damaged before it reached us, and a key like `na\uFFFDme` would silently mean something else;
 *   write the escape `\uFFFD` in a quoted string when it is meant); unpaired surrogates (not Unicode);
 *   a CR not followed by LF.
 * - Refused in YAML only: DEL and C1 controls (U+007F–U+009F, not printable in YAML), U+FFFE/U+FFFF,
 *   and the separators U+2028/U+2029 anywhere, quoted strings included: YAML 1.1 (Ampersand's server)
 *   reads them as line breaks, YAML 1.2 as ordinary characters. Escapes (`"\u2028"`) stay allowed.
 *   JSON allows all three groups raw, as RFC 8259 does.
 * - At most `maxCharFindings` (10) refused characters are listed; when there are more, one closing
 *   finding counts the rest ("5 more `syntax` findings are not listed (the first 10 are)", the
 *   wording of Validate.ts's cap per rule): never dropped silently.
 * - Text with U+0000 at every other character is UTF-16 (ASCII) without a byte order mark, read as
 *   UTF-8: one finding says so, instead of a U+0000 for each.
 * - CRLF becomes LF, so CRLF and LF input give identical values, positions and findings.
 */
import type { Syntax } from "../Source.js"
import { type SourceFinding, sourceFinding, unicodeName, where } from "./source-finding.js"
import { LineIndex } from "./source-lines.js"

/**
 * "UTF-16 LE" when zeros fill the odd positions and not the even ones among the first 256 of `length`
 * units (bytes, or the code units of text decoded from them byte for byte): ASCII in UTF-16 LE
 * without a byte order mark. "UTF-16 BE" for the mirror pattern; else `undefined`.
 */
export const utf16Pattern = (length: number, unitAt: (i: number) => number): string | undefined => {
  const n = Math.min(length, 256)
  if (n < 2) return undefined
  const odd = n >> 1
  const zeros = [0, 0]
  for (let i = 0; i < n; i++) if (unitAt(i) === 0) zeros[i & 1]!++
  const [even, oddZeros] = zeros as [number, number]
  return oddZeros * 2 > odd && even * 2 < n - odd
    ? "UTF-16 LE"
    : even * 2 > n - odd && oddZeros * 2 < odd
      ? "UTF-16 BE"
      : undefined
}

/** At most this many character findings are listed (a binary file would otherwise give thousands). */
export const maxCharFindings = 10

/** UTF-8 length of a string; an unpaired surrogate counts as the 3 bytes of U+FFFD. */
export const utf8Length = (text: string): number => {
  let n = text.length
  nonAscii.lastIndex = 0
  for (let m = nonAscii.exec(text); m !== null; m = nonAscii.exec(text)) {
    const run = m[0]
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i)
      if (c < 0x800) n += 1
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < run.length) {
        const d = run.charCodeAt(i + 1)
        n += 2 // a pair: 2 units, 4 bytes; an unpaired high surrogate: 1 unit, 3 bytes
        if (d >= 0xdc00 && d <= 0xdfff) i++
      } else n += 2
    }
  }
  return n
}

const nonAscii = /[^\u0000-\u007f]+/g

/** `document-limit` when the text is over `maxBytes` UTF-8 bytes. */
export const checkSize = (text: string, maxBytes: number): SourceFinding | undefined => {
  // A UTF-16 code unit takes 1 to 3 UTF-8 bytes: only lengths in between need counting.
  if (text.length * 3 <= maxBytes) return undefined
  const bytes = text.length > maxBytes ? undefined : utf8Length(text)
  if (bytes !== undefined && bytes <= maxBytes) return undefined
  const size = bytes === undefined ? `more than ${maxBytes}` : String(bytes)
  return sourceFinding("document-limit", `the input is ${size} bytes, over the limit of ${maxBytes} bytes`, {
    line: 1,
    column: 1,
  })
}

/** The text without one leading byte order mark. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

const common =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff\ufffd]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const yamlOnly =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffd\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** `syntax` findings for characters the syntax refuses (text without its leading BOM). */
export const checkCharacters = (text: string, syntax: Syntax): Array<SourceFinding> => {
  const re = syntax === "yaml" ? yamlOnly : common
  re.lastIndex = 0
  const first = re.exec(text)
  if (first === null) return []
  const lines = new LineIndex(text)
  if (first[0] === "\u0000") {
    const wide = utf16Pattern(text.length, (i) => text.charCodeAt(i))
    if (wide !== undefined) {
      re.lastIndex = 0
      const message = `the text looks like ${wide} without a byte order mark: save it as UTF-8`
      return [sourceFinding("syntax", message, { line: 1, column: 1 })]
    }
  }
  const out: Array<SourceFinding> = []
  let more = 0
  let firstUnlisted = 0
  for (let m: RegExpExecArray | null = first; m !== null; m = re.exec(text)) {
    if (out.length < maxCharFindings) out.push(characterFinding(m[0].charCodeAt(0), lines.position(m.index), syntax))
    else if (more++ === 0) firstUnlisted = m.index
  }
  re.lastIndex = 0
  if (more > 0) {
    out.push({
      ...sourceFinding(
        "syntax",
        `${more} more \`syntax\` finding${more > 1 ? "s are" : " is"} not listed (the first ${maxCharFindings} are)`,
        lines.position(firstUnlisted),
        "",
        { hint: "fix the ones listed and validate again" },
      ),
      notListed: more,
    })
  }
  return out
}

const characterFinding = (code: number, position: { line: number; column: number }, syntax: Syntax) => {
  const at = where(position)
  const name = unicodeName(code)
  if (code === 0x0d) {
    return sourceFinding("syntax", `carriage return not followed by a line feed at ${at}`, position, "", {
      hint: "use LF or CRLF line endings",
    })
  }
  if (code === 0xfeff) {
    return sourceFinding("syntax", `byte order mark U+FEFF at ${at}: only one, at the very start, is allowed`, position)
  }
  if (code === 0xfffd) {
    return sourceFinding(
      "syntax",
      `replacement character U+FFFD at ${at}: the text was decoded from invalid bytes`,
      position,
      "",
      { hint: "save the file as UTF-8; if U+FFFD is meant, write the escape \\uFFFD in a double-quoted string" },
    )
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    return sourceFinding("syntax", `unpaired surrogate ${name} at ${at} is not valid Unicode`, position)
  }
  if (code === 0x2028 || code === 0x2029) {
    const what = code === 0x2028 ? "line separator" : "paragraph separator"
    return sourceFinding("syntax", `${what} ${name} at ${at}: YAML 1.1 reads it as a line break`, position, "", {
      hint: `remove it, or write the escape \\u${code.toString(16)} in a double-quoted string`,
    })
  }
  const inWhat = syntax === "yaml" ? " in YAML" : ""
  return sourceFinding("syntax", `control character ${name} at ${at} is not allowed${inWhat}`, position, "", {
    hint:
      syntax === "yaml" ? "remove it, or write it as an escape in a double-quoted string" : "remove it, or escape it",
  })
}

/** CRLF → LF (lone CRs were refused before). */
export const normaliseNewlines = (text: string): string => (text.includes("\r") ? text.replace(/\r\n/g, "\n") : text)

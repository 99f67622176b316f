/**
 * Received values inside diagnostic messages: truncated and with control characters escaped, so a
 * hostile manifest can neither flood a terminal nor inject escape sequences or invisible text
 * (design/reliability.md, "Unicode spoofing and control chars").
 */
import { isDefaultIgnorable } from "./invisible.js"

/** Longest excerpt of a received value in a message, in UTF-16 code units (the ellipsis not counted). */
export const excerptLength = 40

/**
 * Longest diagnostic message (and hint), in UTF-16 code units: design/reliability.md asks for one
 * sentence of at most ~120 characters. {@link fitMessage} keeps messages that quote received values within it.
 */
export const maxMessageLength = 120

/**
 * Code points escaped as `\u{…}` (or `\n`, `\t`, `\r`): C0 and C1 controls, DEL, line / paragraph
 * separators, unpaired surrogates, and every character that renders as nothing (Default_Ignorable:
 * zero-width and directional marks, bidi embeddings / overrides / isolates, BOM, variation selectors,
 * tag characters …, internal/invisible.ts); and the spaces that are not U+0020 (no-break, thin,
 * ideographic …), which look like one in a message and are not.
 */
const isUnsafe = (cp: number): boolean =>
  cp < 0x20 ||
  (cp >= 0x7f && cp <= 0xa0) ||
  cp === 0x1680 ||
  (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x2028 ||
  cp === 0x2029 ||
  cp === 0x202f ||
  cp === 0x205f ||
  cp === 0x3000 ||
  (cp >= 0xd800 && cp <= 0xdfff) ||
  isDefaultIgnorable(cp)

const escapeCodePoint = (cp: number): string => {
  if (cp === 0x0a) return "\\n"
  if (cp === 0x09) return "\\t"
  if (cp === 0x0d) return "\\r"
  return `\\u{${cp.toString(16).toUpperCase()}}`
}

/**
 * `text` made safe for one line of output: unsafe code points escaped, cut with `…` where the output
 * would pass `max` UTF-16 code units (an escape counts at its written length, so `max` bounds what is
 * shown whatever the text holds; a surrogate pair is never split). Reads at most `max + 1` code
 * points of `text`, whatever its length.
 */
export const excerpt = (text: string, max: number = excerptLength): string => {
  let out = ""
  let i = 0
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0
    const shown = isUnsafe(cp) ? escapeCodePoint(cp) : String.fromCodePoint(cp)
    if (out.length + shown.length > max) return `${out}…`
    out += shown
    i += cp > 0xffff ? 2 : 1
  }
  return out
}

/** A received string as it appears in a message: `` `excerpt` ``. */
export const quote = (text: string, max: number = excerptLength): string => `\`${excerpt(text, max)}\``

/** Any received JSON value in a message: strings quoted, numbers and literals as parsed, containers by kind. */
export const show = (value: unknown, max: number = excerptLength): string => {
  if (typeof value === "string") return quote(value, max)
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

/**
 * The excerpt lengths {@link fitMessage} tries, in order, as `[value, label]`: the values a message is
 * about are cut only after the labels that place them (`of read object …`) are down to 16, and below
 * 16 (where a real name stops reading as one) only when nothing else fits, i.e. for hostile text.
 */
const fitLengths: ReadonlyArray<readonly [number, number]> = [
  [excerptLength, excerptLength],
  [excerptLength, 30],
  [excerptLength, 24],
  [excerptLength, 16],
  [30, 16],
  [24, 16],
  [16, 16],
  [12, 12],
  [8, 8],
  [4, 4],
]

/**
 * A message (or hint) that quotes received values, cut no more than needed to stay within
 * {@link maxMessageLength}: `build(max, labelMax)` must quote every received value with `max`
 * (`quote(x, max)`) and may quote what only locates it (a node's `labelOf`, an owner) with `labelMax`;
 * it defaults to `max`. The pairs of {@link fitLengths} are tried until the result fits; the last try
 * is returned in any case: a template's own words must leave room for its values at 16.
 */
export const fitMessage = (build: (max: number, labelMax: number) => string): string => {
  let out = ""
  let tried = ""
  for (const [max, labelMax] of fitLengths) {
    const key = build.length < 2 ? `${max}` : `${max},${labelMax}`
    if (key === tried) continue
    tried = key
    out = build(max, labelMax)
    if (out.length <= maxMessageLength) return out
  }
  return out
}

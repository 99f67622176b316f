/**
 * Characters that render as nothing: Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt)
 * as [first, last] ranges — zero-width spaces and joiners, bidi marks, embeddings, overrides and
 * isolates, the soft hyphen, word joiner, BOM, variation selectors, tag characters … Written out, not
 * `\p{Default_Ignorable_Code_Point}`, so every runtime gives the same verdict; a test checks it against
 * the runtime's table. Used by `identifier-charset` and by every escape of received text in output
 * (quote.ts for messages, render/escape.ts for text outputs).
 */
export const defaultIgnorable: ReadonlyArray<readonly [number, number]> = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
]

/** Whether code point `cp` is Default_Ignorable (renders as nothing). */
export const isDefaultIgnorable = (cp: number): boolean => {
  if (cp < 0xad) return false
  for (const [first, last] of defaultIgnorable) if (cp >= first && cp <= last) return true
  return false
}

/** A regular-expression character class (for the `u` flag) of the same ranges. */
export const defaultIgnorableClass: string = defaultIgnorable
  .map(([first, last]) => {
    const hex = (cp: number) => `\\u{${cp.toString(16)}}`
    return first === last ? hex(first) : `${hex(first)}-${hex(last)}`
  })
  .join("")

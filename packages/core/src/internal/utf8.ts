/** Strict UTF-8 decoding: bad bytes are an error with a position, never a silent U+FFFD. */
import type { Position } from "../Diagnostic.js"
import { utf16Pattern } from "./source-text.js"

export type Utf8Result =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly position: Position; readonly offset: number }

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })

/** Decode bytes as UTF-8; on failure, the 1-based line/column of the first bad byte and a message. */
export const decodeUtf8 = (bytes: Uint8Array): Utf8Result => {
  try {
    return { ok: true, text: decoder.decode(bytes) }
  } catch {
    const offset = firstInvalidUtf8(bytes)
    let line = 1
    let lineStart = 0
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++
        lineStart = i + 1
      }
    }
    const prefix = decoder.decode(bytes.subarray(lineStart, offset))
    const wide = wideEncoding(bytes.length, (i) => bytes[i]!)
    const hint = wide !== undefined ? ` (the text looks like ${wide}: save it as UTF-8)` : ""
    const byte = bytes[offset] ?? 0
    return {
      ok: false,
      offset,
      position: { line, column: prefix.length + 1 },
      message: `invalid UTF-8: byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset}${hint}`,
    }
  }
}

/**
 * The UTF-16 / UTF-32 encoding `length` bytes look like, named for a message: by byte order mark
 * (`FF FE 00 00` is UTF-32 LE, not UTF-16), else by where the zeros fall (UTF-16 without a byte
 * order mark, source-text.ts `utf16Pattern`).
 */
export const wideEncoding = (length: number, unitAt: (i: number) => number): string | undefined => {
  const b = (i: number): number | undefined => (i < length ? unitAt(i) : undefined)
  if (b(0) === 0xff && b(1) === 0xfe) return b(2) === 0 && b(3) === 0 ? "UTF-32 LE" : "UTF-16 LE"
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return "UTF-32 BE"
  if (b(0) === 0xfe && b(1) === 0xff) return "UTF-16 BE"
  const pattern = utf16Pattern(length, unitAt)
  return pattern && `${pattern} without a byte order mark`
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export const firstInvalidUtf8 = (b: Uint8Array): number => {
  let i = 0
  while (i < b.length) {
    const x = b[i]!
    if (x < 0x80) {
      i++
      continue
    }
    let need = 0
    let min = 0
    if (x >= 0xc2 && x <= 0xdf) {
      need = 1
      min = 0x80
    } else if (x >= 0xe0 && x <= 0xef) {
      need = 2
      min = 0x800
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    if (i + need >= b.length) return i
    let cp = x & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const y = b[i + k]
      if (y === undefined || (y & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (y & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return b.length
}

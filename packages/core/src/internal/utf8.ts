/** Strict UTF-8 decoding: bad bytes are an error with a position, never a silent U+FFFD. */
import type { Position } from "../Diagnostic.js"

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
    const utf16LE = bytes[0] === 0xff && bytes[1] === 0xfe
    const utf16BE = bytes[0] === 0xfe && bytes[1] === 0xff
    const utf16 = utf16LE || utf16BE ? " (the text looks like UTF-16: save it as UTF-8)" : ""
    const byte = bytes[offset] ?? 0
    return {
      ok: false,
      offset,
      position: { line, column: prefix.length + 1 },
      message: `invalid UTF-8: byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset}${utf16}`,
    }
  }
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

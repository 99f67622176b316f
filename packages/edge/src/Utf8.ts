/**
 * Utf8: request bytes → text with a fatal decoder (`request.text()` would silently turn bad bytes into
 * U+FFFD and change the manifest's meaning). A leading UTF-8 BOM is kept for the core to judge. On
 * failure, the issue says where the first bad byte is.
 */
import { Failure } from "./Failure.js"

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
/** For the column only: the prefix before the first bad byte is valid, but a column must never throw. */
const lenient = new TextDecoder("utf-8", { ignoreBOM: true })

/** Decode strictly; throws a `BodyUnreadable` failure whose issue gives the bad byte's offset, line and column. */
export const decodeBody = (bytes: Uint8Array): string => {
  try {
    return decoder.decode(bytes)
  } catch {
    const offset = firstInvalidByte(bytes)
    let line = 1
    let lineStart = 0
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++
        lineStart = i + 1
      }
    }
    const column = lenient.decode(bytes.subarray(lineStart, offset)).length + 1
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0")
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
    const detail = `the request body is not valid UTF-8: byte 0x${byte} at offset ${offset}`
    throw new Failure("BodyUnreadable", utf16 ? `${detail} (it looks like UTF-16: send UTF-8)` : detail, {
      issues: [{ in: "body", name: "", detail, rule: "syntax", line, column, severity: "error" }],
    })
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export const firstInvalidByte = (b: Uint8Array): number => {
  let i = 0
  while (i < b.length) {
    const x = b[i]!
    if (x < 0x80) {
      i++
      continue
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : 0
    if (need === 0) return i
    // Second-byte ranges exclude overlongs (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    const lo = x === 0xe0 ? 0xa0 : x === 0xf0 ? 0x90 : 0x80
    const hi = x === 0xed ? 0x9f : x === 0xf4 ? 0x8f : 0xbf
    const second = b[i + 1]
    if (second === undefined || second < lo || second > hi) return i
    for (let k = 2; k <= need; k++) {
      const y = b[i + k]
      if (y === undefined || (y & 0xc0) !== 0x80) return i
    }
    i += need + 1
  }
  return b.length
}

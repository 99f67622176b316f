/**
 * Utf8: request bytes → text with a fatal decoder (`request.text()` would silently turn bad bytes into
 * U+FFFD and change the manifest's meaning), the core's `decodeUtf8`. A leading UTF-8 BOM is kept for
 * the core to judge. On failure, the issue says where the first bad byte is.
 */
import { decodeUtf8, firstInvalidUtf8 } from "@ampkit/core/internal/utf8"
import { Failure } from "./Failure.js"

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export const firstInvalidByte = firstInvalidUtf8

/** Decode strictly; throws a `BodyUnreadable` failure whose issue gives the bad byte's offset, line and column. */
export const decodeBody = (bytes: Uint8Array): string => {
  const decoded = decodeUtf8(bytes)
  if (decoded.ok) return decoded.text
  const { line, column } = decoded.position
  const detail = `the request body is not valid UTF-8: ${decoded.message.replace(/^invalid UTF-8: /, "")}`
  throw new Failure("BodyUnreadable", detail, {
    issues: [{ in: "body", name: "", detail, rule: "syntax", line, column, severity: "error" }],
  })
}

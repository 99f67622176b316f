/**
 * ContentCoding: the request's `Content-Encoding` (RFC 9110 §8.4). The handler reads bodies as they are sent,
 * UTF-8 text; it decodes no content coding (a compressed body would otherwise reach the UTF-8 decoder as bytes
 * that mean nothing, or pass as text while the header says otherwise). Any coding other than `identity` is a
 * 415 that names it, with `Accept-Encoding: identity` (RFC 9110 §12.5.3, §15.5.16).
 */
import { excerpt } from "./Excerpt.js"
import { Failure } from "./Failure.js"

/** Throws an `UnsupportedMediaType` failure when the body has a content coding other than `identity`. */
export const requireIdentityCoding = (contentEncoding: string | null): void => {
  if (contentEncoding === null) return
  const codings = contentEncoding
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "")
  if (codings.every((c) => c === "identity")) return
  throw new Failure(
    "UnsupportedMediaType",
    `the request body is encoded with Content-Encoding ${excerpt(contentEncoding.trim())}, which is not accepted: send it uncompressed, without Content-Encoding`,
    { extensions: { acceptedEncodings: ["identity"] }, headers: { "Accept-Encoding": "identity" } },
  )
}

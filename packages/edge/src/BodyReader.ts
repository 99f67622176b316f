/**
 * BodyReader: the request body as bytes, with the size limit enforced while streaming. A missing,
 * wrong or lying `Content-Length` does not matter: bytes are counted as they arrive and reading
 * stops (and the stream is cancelled) as soon as the count passes the limit, i.e. at limit + 1 byte
 * or the end of the chunk that holds it. A declared length over the limit is refused before reading,
 * and then the body is not touched at all: the runtime disposes of it. (Cancelling it there gains
 * nothing and, in workerd behind `wrangler dev`, makes the next request on the same keep-alive
 * connection fail with a 503; an unread body does not.) A body with a content coding (`Content-Encoding:
 * gzip` …) is refused before reading too (ContentCoding.ts): its bytes are not the text.
 */
import { requireIdentityCoding } from "./ContentCoding.js"
import { Failure } from "./Failure.js"

const tooLarge = (maxBytes: number, how: string): Failure =>
  new Failure("BodyTooLarge", `the request body ${how} the limit of ${maxBytes} bytes`, {
    extensions: { maxBytes },
  })

/**
 * Read at most `maxBytes` bytes of the body; throws `UnsupportedMediaType` for a content-coded body, `BodyTooLarge`
 * past the limit and `BodyUnreadable` on a stream error.
 */
export const readBody = async (request: Request, maxBytes: number): Promise<Uint8Array> => {
  requireIdentityCoding(request.headers.get("content-encoding"))
  const declared = request.headers.get("content-length")
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) {
    throw tooLarge(maxBytes, "declares a length over")
  }
  const body = request.body
  if (body === null) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Array<Uint8Array> = []
  let total = 0
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>
    try {
      step = await reader.read()
    } catch {
      throw new Failure("BodyUnreadable", "the request body could not be read to its end")
    }
    if (step.done) break
    const chunk = step.value
    total += chunk.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(maxBytes, "is over")
    }
    chunks.push(chunk)
  }
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

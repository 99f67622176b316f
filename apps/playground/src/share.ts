/**
 * The page's state in the URL fragment, so that a link reproduces the view. The fragment never
 * reaches a server (browsers do not send it). Format: `#z=<base64url(deflate-raw(JSON))>`, or
 * `#j=<base64url(JSON)>` where CompressionStream is missing; JSON is `{ v: 1, a, b, s }` (after,
 * before, stopReads), at most `maxStateBytes` of it: a link is read on the page's main thread, and a
 * few hundred KB of deflate can hold a gigabyte (a hostile link must not take the tab down).
 */

export interface SharedState {
  readonly after: string
  readonly before: string
  readonly stopReads: ReadonlyArray<string>
}

/** Chromium refuses URLs over 2 MB; stay well below, the fragment is not worth a broken link. */
export const maxFragmentLength = 1_500_000

/** The most JSON a link holds (UTF-8 bytes): two sides of 4 MiB (the most the checks read), with room for escapes. */
export const maxStateBytes = 16 * 1024 * 1024

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = ""
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const through = async (bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> => {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(body).arrayBuffer())
}

/**
 * Inflate, stopping as soon as the output passes `max` bytes (`undefined` then). The input goes in
 * small slices: each inflates at once, to at most ~1,000 times its size, before the output can be
 * counted (fed whole, a 1 MB link would inflate to a gigabyte first).
 */
const inflate = async (bytes: Uint8Array<ArrayBuffer>, max: number): Promise<Uint8Array | undefined> => {
  const stream = new DecompressionStream("deflate-raw")
  const writer = stream.writable.getWriter()
  const reader = stream.readable.getReader()
  const slice = 4096
  // Errors (a damaged link) reach the reader too; the writer's copy of them is not needed.
  void (async () => {
    for (let i = 0; i < bytes.length; i += slice) await writer.write(bytes.subarray(i, i + slice))
    await writer.close()
  })().catch(() => undefined)
  const chunks: Array<Uint8Array> = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > max) {
      void reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

const canCompress = (): boolean => typeof CompressionStream === "function" && typeof DecompressionStream === "function"

/** The fragment (without `#`) holding a state; empty for the empty state; `undefined` for a state too large for a link. */
export const encodeState = async (state: SharedState): Promise<string | undefined> => {
  if (state.after === "" && state.before === "" && state.stopReads.length === 0) return ""
  const json = JSON.stringify({ v: 1, a: state.after, b: state.before, s: state.stopReads })
  const bytes = new TextEncoder().encode(json)
  if (bytes.length > maxStateBytes) return undefined
  if (!canCompress()) return `j=${toBase64Url(bytes)}`
  return `z=${toBase64Url(await through(bytes, new CompressionStream("deflate-raw")))}`
}

export type DecodedState = { ok: true; state: SharedState } | { ok: false; message: string }

const asState = (value: unknown): SharedState | string => {
  const wrong = "the link does not hold a playground view"
  if (typeof value !== "object" || value === null) return wrong
  const v = value as Record<string, unknown>
  if (typeof v.v === "number" && v.v !== 1)
    return `the link was made by another version of the playground (format ${v.v})`
  if (v.v !== 1 || typeof v.a !== "string" || typeof v.b !== "string") return wrong
  const s = Array.isArray(v.s) ? v.s.filter((x): x is string => typeof x === "string") : []
  return { after: v.a, before: v.b, stopReads: s }
}

/** The state a fragment (with or without `#`) holds; `undefined` for a fragment that holds none. */
export const decodeState = async (fragment: string): Promise<DecodedState | undefined> => {
  const f = fragment.replace(/^#/, "")
  const m = /^([zj])=(.*)$/s.exec(f)
  if (m === null) return undefined
  // Text stuck to the end of a link (a full stop, a bracket) or changed on the way: a damaged link, not another fragment.
  if (!/^[A-Za-z0-9_-]*$/.test(m[2]!))
    return { ok: false, message: "the link is damaged (characters were added to it)" }
  const tooLarge = {
    ok: false,
    message: `the view it holds is too large to open (over ${maxStateBytes / 1024 / 1024} MiB)`,
  } as const
  try {
    const raw = fromBase64Url(m[2]!)
    let bytes: Uint8Array | undefined = raw
    if (m[1] === "z") {
      if (!canCompress())
        return { ok: false, message: "this browser cannot read compressed links (no DecompressionStream)" }
      bytes = await inflate(raw, maxStateBytes)
    }
    if (bytes === undefined || bytes.length > maxStateBytes) return tooLarge
    const state = asState(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)))
    return typeof state === "string" ? { ok: false, message: state } : { ok: true, state }
  } catch {
    return { ok: false, message: "the link is damaged (it may have been cut short)" }
  }
}

/**
 * The page's state in the URL fragment, so that a link reproduces the view. The fragment never
 * reaches a server (browsers do not send it). Format: `#z=<base64url(deflate-raw(JSON))>`, or
 * `#j=<base64url(JSON)>` where CompressionStream is missing; JSON is `{ v: 1, a, b, s }` (after,
 * before, stopReads).
 */

export interface SharedState {
  readonly after: string
  readonly before: string
  readonly stopReads: ReadonlyArray<string>
}

/** Chromium refuses URLs over 2 MB; stay well below, the fragment is not worth a broken link. */
export const maxFragmentLength = 1_500_000

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = ""
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const through = async (bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> => {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(body).arrayBuffer())
}

const canCompress = (): boolean => typeof CompressionStream === "function" && typeof DecompressionStream === "function"

/** The fragment (without `#`) holding a state; empty for the empty state. */
export const encodeState = async (state: SharedState): Promise<string> => {
  if (state.after === "" && state.before === "" && state.stopReads.length === 0) return ""
  const json = JSON.stringify({ v: 1, a: state.after, b: state.before, s: state.stopReads })
  const bytes = new TextEncoder().encode(json)
  if (!canCompress()) return `j=${toBase64Url(bytes)}`
  return `z=${toBase64Url(await through(bytes, new CompressionStream("deflate-raw")))}`
}

export type DecodedState = { ok: true; state: SharedState } | { ok: false; message: string }

const asState = (value: unknown): SharedState | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  const v = value as Record<string, unknown>
  if (v.v !== 1 || typeof v.a !== "string" || typeof v.b !== "string") return undefined
  const s = Array.isArray(v.s) ? v.s.filter((x): x is string => typeof x === "string") : []
  return { after: v.a, before: v.b, stopReads: s }
}

/** The state a fragment (with or without `#`) holds; `undefined` for a fragment that holds none. */
export const decodeState = async (fragment: string): Promise<DecodedState | undefined> => {
  const f = fragment.replace(/^#/, "")
  const m = /^([zj])=([A-Za-z0-9_-]*)$/.exec(f)
  if (m === null) return undefined
  try {
    let bytes = fromBase64Url(m[2]!)
    if (m[1] === "z") {
      if (!canCompress())
        return { ok: false, message: "this browser cannot read compressed links (no DecompressionStream)" }
      bytes = await through(bytes, new DecompressionStream("deflate-raw"))
    }
    const state = asState(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)))
    return state === undefined
      ? { ok: false, message: "the link does not hold a playground view" }
      : { ok: true, state }
  } catch {
    return { ok: false, message: "the link is damaged (it may have been cut short)" }
  }
}

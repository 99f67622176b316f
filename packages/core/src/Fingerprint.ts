/**
 * Fingerprint: a short, stable hash of JSON data, used to name a diff change across runs
 * (`--accept` files, SARIF `partialFingerprints`).
 *
 * FNV-1a 64 over the UTF-8 bytes of the canonical JSON of the value (object keys sorted), shown as
 * the first 12 hex digits (48 bits). Pure and portable: no `node:crypto`, no Web Crypto (which is
 * async), the same digits in Node, workerd and browsers. Not a cryptographic hash: it names changes,
 * it does not protect anything.
 */

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, `undefined` members
 * omitted (as JSON.stringify does). Equal data gives equal text whatever the key order.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value)
    return text === undefined ? "null" : text
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`
}

/**
 * FNV-1a 64 of the UTF-8 encoding of `text`, as 16 lowercase hex digits. The 64-bit state is kept
 * in four 16-bit limbs so that every product stays exact in a double (no BigInt on the hot path).
 */
export const fnv1a64 = (text: string): string => {
  // offset basis 0xcbf29ce484222325, limbs from least significant
  let h0 = 0x2325
  let h1 = 0x8422
  let h2 = 0x9ce4
  let h3 = 0xcbf2
  const step = (byte: number): void => {
    h0 ^= byte
    // h * 0x100000001b3 = h * 0x1b3 + (h << 40)
    const t0 = h0 * 0x1b3
    let t1 = h1 * 0x1b3
    let t2 = h2 * 0x1b3 + (h0 << 8)
    const t3 = h3 * 0x1b3 + (h1 << 8)
    t1 += t0 >>> 16
    h0 = t0 & 0xffff
    t2 += t1 >>> 16
    h1 = t1 & 0xffff
    h3 = (t3 + (t2 >>> 16)) & 0xffff
    h2 = t2 & 0xffff
  }
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (code < 0x80) step(code)
    else if (code < 0x800) {
      step(0xc0 | (code >> 6))
      step(0x80 | (code & 0x3f))
    } else if (code < 0x10000) {
      // a lone surrogate is encoded as U+FFFD, as TextEncoder does
      const c = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code
      step(0xe0 | (c >> 12))
      step(0x80 | ((c >> 6) & 0x3f))
      step(0x80 | (c & 0x3f))
    } else {
      step(0xf0 | (code >> 18))
      step(0x80 | ((code >> 12) & 0x3f))
      step(0x80 | ((code >> 6) & 0x3f))
      step(0x80 | (code & 0x3f))
    }
  }
  const hex = (n: number) => n.toString(16).padStart(4, "0")
  return hex(h3) + hex(h2) + hex(h1) + hex(h0)
}

/** 12 hex digits naming `value`: the first 48 bits of FNV-1a 64 of its canonical JSON. */
export const fingerprint = (value: unknown): string => fnv1a64(canonicalJson(value)).slice(0, 12)

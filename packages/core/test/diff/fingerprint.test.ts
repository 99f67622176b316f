import { fc, test as prop } from "@fast-check/vitest"
import { describe, expect, test } from "vitest"
import { canonicalJson, fingerprint, fnv1a64 } from "../../src/Fingerprint.js"

/** Reference FNV-1a 64 with BigInt over the platform's UTF-8 encoder. */
const reference = (text: string): string => {
  let h = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte)
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return h.toString(16).padStart(16, "0")
}

describe("fnv1a64", () => {
  test("published test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325")
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c")
    expect(fnv1a64("foobar")).toBe("85944171f73967e8")
  })

  prop.prop([fc.string({ unit: "grapheme" })], { numRuns: 500 })("agrees with a BigInt reference on any text", (s) => {
    expect(fnv1a64(s)).toBe(reference(s))
  })

  prop.prop([fc.string({ unit: "binary" })], { numRuns: 300 })(
    "lone surrogates hash as U+FFFD, like TextEncoder",
    (s) => {
      expect(fnv1a64(s)).toBe(reference(s))
    },
  )
})

describe("canonicalJson and fingerprint", () => {
  test("key order does not matter, array order does", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: null }] })).toBe('{"a":[2,{"c":null,"d":1}],"b":1}')
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }))
    expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]))
  })

  test("undefined members are omitted, as in JSON", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
    expect(canonicalJson([undefined])).toBe("[null]")
  })

  test("12 lowercase hex digits", () => {
    expect(fingerprint(["read-object-removed", "syncCRM", "read", "contact"])).toMatch(/^[0-9a-f]{12}$/)
  })
})

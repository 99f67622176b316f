import { describe, expect, it } from "vitest"
import { makeHandler } from "../src/index.js"
import { firstInvalidByte } from "../src/Utf8.js"
import { expectProblem } from "./expectProblem.js"
import { fakeCore, post } from "./FakeCore.js"

const fatal = new TextDecoder("utf-8", { fatal: true })
const isValid = (bytes: Uint8Array): boolean => {
  try {
    fatal.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** A deterministic generator (LCG) so every run checks the same byte strings. */
const lcg = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) >>> 0
  return seed >>> 8
}

describe("strict UTF-8 decoding", () => {
  it("answers 400 with the line and column of the first bad byte, and never calls the core", async () => {
    const cases: Array<[Array<number>, number, number, number]> = [
      [[0x61, 0x3a, 0x20, 0xff], 3, 1, 4], // lone 0xFF
      [[0x61, 0x0a, 0x62, 0x3a, 0x20, 0xc3, 0x28], 5, 2, 4], // bad continuation
      [[0x0a, 0x0a, 0xc0, 0xaf], 2, 3, 1], // overlong "/"
      [[0x78, 0xed, 0xa0, 0x80], 1, 1, 2], // UTF-8-encoded surrogate U+D800
      [[0xf4, 0x90, 0x80, 0x80], 0, 1, 1], // past U+10FFFF
      [[0xc3, 0xa9, 0x3a, 0x20, 0xe2, 0x82], 4, 1, 4], // truncated at the end, after "é: "
    ]
    for (const [bytes, offset, line, column] of cases) {
      const core = fakeCore()
      const response = await makeHandler(core)(post("/v1/validate", new Uint8Array(bytes), "application/yaml"))
      const body = await expectProblem(response, 400)
      expect(body.type).toBe("urn:problem-type:ampkit:body-unreadable")
      expect(body.detail).toContain(`at offset ${offset}`)
      expect(body.issues).toEqual([expect.objectContaining({ in: "body", name: "", rule: "syntax", line, column })])
      expect(core.validateCalls).toHaveLength(0)
    }
  })

  it("says when the body looks like UTF-16", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00])
    const body = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/validate", utf16, "application/yaml")),
      400,
    )
    expect(body.detail).toMatch(/looks like UTF-16/)
  })

  it("also guards the JSON envelopes of diff and plan", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6f, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d])
    for (const path of ["/v1/diff", "/v1/plan"]) {
      await expectProblem(await makeHandler(fakeCore())(post(path, bytes, "application/json")), 400)
    }
  })

  it("finds the first invalid byte exactly where the fatal decoder fails (all 1–2 byte strings, 20k random)", () => {
    const mismatches: Array<string> = []
    const check = (bytes: Uint8Array) => {
      const offset = firstInvalidByte(bytes)
      if ((offset === bytes.length) !== isValid(bytes) || !isValid(bytes.subarray(0, offset))) {
        mismatches.push(Array.from(bytes, (b) => b.toString(16)).join(" "))
      }
    }
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) check(new Uint8Array([a, b]))
    const next = lcg(42)
    const pool = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5,
    ]
    for (let i = 0; i < 20_000; i++) check(new Uint8Array(1 + (next() % 8)).map(() => pool[next() % pool.length]!))
    expect(mismatches.slice(0, 10)).toEqual([])
  })
})

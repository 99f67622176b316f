/** Limits: the documented numbers and how a caller's overrides combine with them. */
import { describe, expect, test } from "vitest"
import { defaultLimits, hardMaxDepth, resolveLimits } from "../../src/Limits.js"

describe("limits", () => {
  test("the documented defaults", () => {
    expect(defaultLimits).toEqual({
      maxBytes: 4_194_304,
      maxDepth: 64,
      maxNodes: 1_000_000,
      maxStringLength: 1_048_576,
      maxKeyLength: 1024,
    })
    expect(hardMaxDepth).toBe(256)
  })

  test("overrides replace single limits; maxDepth is capped; junk is ignored", () => {
    expect(resolveLimits(undefined)).toBe(defaultLimits)
    expect(resolveLimits({ maxNodes: 10 })).toEqual({ ...defaultLimits, maxNodes: 10 })
    expect(resolveLimits({ maxDepth: 10_000 }).maxDepth).toBe(256)
    expect(resolveLimits({ maxDepth: Number.NaN }).maxDepth).toBe(64)
    expect(resolveLimits({ maxBytes: -5 }).maxBytes).toBe(0)
    expect(resolveLimits({ maxBytes: "9" as unknown as number }).maxBytes).toBe(defaultLimits.maxBytes)
  })
})

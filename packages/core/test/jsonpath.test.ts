import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatPath, isNestedPath, type PathSegment, parsePath, wildcard } from "../src/internal/jsonpath.js"

describe("parsePath", () => {
  it.each([
    ["$['address']['city']", ["address", "city"]],
    ["$['line_items']['data'][*]['description']", ["line_items", "data", wildcard, "description"]],
    ["$['moreInfo']['currentStatus']", ["moreInfo", "currentStatus"]],
    ["$[*]", [wildcard]],
    ["$['a b.c]d[e']", ["a b.c]d[e"]],
    ["$['ünïcode']", ["ünïcode"]],
  ] as Array<[string, Array<PathSegment>]>)("accepts %s", (path, segments) => {
    expect(parsePath(path)).toEqual({ ok: true, segments })
  })

  it.each([
    ["", "the path is empty"],
    ["address.city", "starts with `$[`"],
    ["$.address", "starts with `$[`"],
    ["$['address'].city", "expected `[` at character 13"],
    ["$['a']x", "expected `[` at character 7"],
    ["$['']", "empty key `['']` at character 2"],
    ["$['*']", "is not a wildcard: write `[*]`"],
    ["$[0]", "expected `'` or `*` after `[` at character 3"],
    ["$[", "expected `'` or `*` after `[` at character 3"],
    ["$[*", "expected `]` after `[*` at character 4"],
    ["$['a'", "expected `]` after the key at character 6"],
    ["$['a", "has no closing `'`"],
    ["$['a\"]", "has no closing `'`"],
    ["$['it's']", "expected `]` after the key at character 7"],
    ["$['a']]", "expected `[` at character 7"],
  ])("refuses %j: %s", (path, reason) => {
    const result = parsePath(path)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })

  it("knows nested paths by their `$[` prefix", () => {
    expect(isNestedPath("$['a']")).toBe(true)
    expect(isNestedPath("$[")).toBe(true)
    expect(isNestedPath("$.a")).toBe(false)
    expect(isNestedPath("a")).toBe(false)
  })
})

/** amp-common jsonpath.ParsePath, ported (regular expressions on short inputs only: test reference). */
const upstreamAccepts = (path: string): boolean => {
  if (path === "" || !path.startsWith("$[")) return false
  if (/\[''\]/.test(path)) return false
  const keys: Array<string> = []
  for (const m of path.matchAll(/\['([^']+)'\]|\[(\*)\]/g)) {
    if (m[1] !== undefined && m[1] !== "") keys.push(m[1])
    else if (m[2] === "*") keys.push("*")
  }
  if (keys.length === 0) return false
  const rebuilt = `$${keys.map((k) => (k === "*" ? "[*]" : `['${k}']`)).join("")}`
  return rebuilt === path
}

const segmentArb: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.constant(wildcard as PathSegment),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes("'") && s !== "*"),
)

describe("parsePath agrees with upstream", () => {
  it("on random strings over the path alphabet", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("$", "[", "]", "'", "*", "a", ".", "0"), { maxLength: 14 }),
        fc.boolean(),
        (chars, prefixed) => {
          const path = (prefixed ? "$[" : "") + chars.join("")
          expect(parsePath(path).ok).toBe(upstreamAccepts(path))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it("round-trips formatted segments", () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = formatPath(segments)
        expect(parsePath(path)).toEqual({ ok: true, segments })
        expect(upstreamAccepts(path)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe("linear time", () => {
  const bounded = (path: string) => {
    const start = performance.now()
    const result = parsePath(path)
    expect(performance.now() - start).toBeLessThan(1000)
    return result
  }
  it("50k segments", () => {
    expect(bounded(`$${"['a']".repeat(50_000)}`).ok).toBe(true)
    expect(bounded(`$${"[*]".repeat(50_000)}`).ok).toBe(true)
  })
  it("50k near-misses", () => {
    expect(bounded(`$${"['a']".repeat(50_000)}x`).ok).toBe(false)
    expect(bounded(`$['${"a".repeat(50_000)}`).ok).toBe(false)
    expect(bounded(`$[${"[".repeat(50_000)}`).ok).toBe(false)
    expect(bounded(`$['${"']['".repeat(50_000)}`).ok).toBe(false)
  })
})

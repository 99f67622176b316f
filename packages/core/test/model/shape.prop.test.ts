import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { fromPath } from "../../src/internal/pointer.js"
import { shapeFindings } from "../../src/Shape.js"
import { manifestArb } from "../arbitraries/manifest.js"

type Path = ReadonlyArray<string | number>

/** Every path to a value of `root` that satisfies `pick`. */
const paths = (root: unknown, pick: (value: unknown, path: Path) => boolean): Array<Path> => {
  const out: Array<Path> = []
  const visit = (value: unknown, path: Path) => {
    if (pick(value, path)) out.push(path)
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, [...path, i])
    } else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k])
  }
  visit(root, [])
  return out
}

const setAt = (root: unknown, path: Path, value: unknown): unknown => {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const token of path.slice(0, -1)) node = node[token] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (value === undefined) delete node[last]
  else node[last] = value
  return copy
}

const isStringLeaf = (value: unknown, path: Path) => typeof value === "string" && path[0] !== "specVersion"

/** A manifest and 1–`max` distinct string leaves of it. */
const manifestWithLeaves = (max: number) =>
  manifestArb().chain((manifest) => {
    const leaves = paths(manifest, isStringLeaf)
    return fc.tuple(
      fc.constant(manifest),
      fc.shuffledSubarray(leaves, { minLength: 1, maxLength: Math.min(max, leaves.length) }),
    )
  })

/** Required keys whose absence only `missing-key` reports (not a dedicated rule, not a field-entry variant switch). */
const removableKey = (_value: unknown, path: Path) => {
  const key = path[path.length - 1]
  const parent = path[path.length - 3]
  if (path.length === 3 && path[0] === "integrations") return key === "name" || key === "provider"
  if (path[path.length - 2] === undefined || typeof path[path.length - 2] !== "number") {
    return path[path.length - 2] === "watchSchema" && (key === "destination" || key === "allObjects")
  }
  return parent === "objects" && (key === "objectName" || key === "destination")
}

describe("shapeFindings laws", () => {
  test.prop([manifestArb()], { numRuns: 300 })("a valid manifest has no shape finding", (manifest) => {
    expect(shapeFindings(manifest)).toEqual([])
  })

  test.prop([fc.jsonValue()], { numRuns: 1000 })("never throws on any JSON value", (value) => {
    expect(Array.isArray(shapeFindings(value))).toBe(true)
  })

  test.prop(
    [
      fc.record({
        specVersion: fc.jsonValue(),
        integrations: fc.array(
          fc.dictionary(
            fc.constantFrom(
              "name",
              "provider",
              "read",
              "write",
              "proxy",
              "subscribe",
              "watchSchema",
              "Read",
              "__proto__",
            ),
            fc.jsonValue(),
          ),
        ),
      }),
    ],
    {
      numRuns: 300,
    },
  )("never throws on manifest-like JSON", (value) => {
    for (const f of shapeFindings(value)) {
      expect(f.message.length).toBeLessThanOrEqual(120)
      expect(f.pointer === "" || f.pointer.startsWith("/")).toBe(true)
    }
  })

  test.prop([manifestArb(), fc.jsonValue(), fc.nat()], { numRuns: 500 })(
    "never throws on a valid manifest with any node replaced by any JSON",
    (manifest, replacement, pick) => {
      const all = paths(manifest, () => true).filter((p) => p.length > 0)
      const path = all[pick % all.length] as Path
      const findings = shapeFindings(setAt(manifest, path, replacement))
      for (const f of findings) expect(f.message.length).toBeLessThanOrEqual(120)
    },
  )

  test.prop([manifestWithLeaves(1)], { numRuns: 500 })(
    "one defect (a string turned into a number) gives exactly one finding, at its pointer",
    ([manifest, [leaf]]) => {
      const findings = shapeFindings(setAt(manifest, leaf as Path, 42))
      expect(findings.map((f) => [f.rule, f.pointer])).toEqual([["wrong-type", fromPath(leaf as Path)]])
    },
  )

  test.prop([manifestWithLeaves(50)], { numRuns: 200 })(
    "n defects give n findings, one per pointer",
    ([manifest, leaves]) => {
      let broken: unknown = manifest
      for (const leaf of leaves) broken = setAt(broken, leaf, null)
      const findings = shapeFindings(broken)
      expect(findings.map((f) => f.pointer).sort()).toEqual(leaves.map((l) => fromPath(l)).sort())
      expect(findings.every((f) => f.rule === "wrong-type")).toBe(true)
    },
  )

  test.prop([manifestArb().chain((m) => fc.tuple(fc.constant(m), fc.constantFrom(...paths(m, removableKey))))], {
    numRuns: 300,
  })("a removed required key gives exactly one missing-key, at the missing member", ([manifest, path]) => {
    const findings = shapeFindings(setAt(manifest, path, undefined))
    expect(findings.map((f) => [f.rule, f.pointer])).toEqual([["missing-key", fromPath(path)]])
  })

  test.prop(
    [
      manifestArb().chain((m) =>
        fc.tuple(
          fc.constant(m),
          fc.constantFrom(...paths(m, (v) => typeof v === "object" && v !== null && !Array.isArray(v))),
          fc.stringMatching(/^zz[a-z]{1,8}$/),
        ),
      ),
    ],
    { numRuns: 300 },
  )("an extra key gives exactly one unknown-key warning, at the key", ([manifest, path, key]) => {
    const findings = shapeFindings(setAt(manifest, [...path, key], "x"))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      rule: "unknown-key",
      severity: "warning",
      pointer: fromPath([...path, key]),
      at: "key",
    })
  })
})

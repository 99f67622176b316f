/**
 * The bench's inputs are what they claim to be: deterministic, realistic (valid, unique names, the
 * same data for js-yaml and yaml), edits that are real changes, and an official schema ajv accepts.
 * No timing is asserted here: speed is measured by `bench`, never by a test.
 */
import { parseSource, validate } from "@ampkit/core"
import { diff } from "@ampkit/core/Diff"
import { planFromText } from "@ampkit/core/Plan"
import { Ajv } from "ajv"
import * as jsyaml from "js-yaml"
import { describe, expect, test } from "vitest"
import { parse } from "yaml"
import { largestSample, loadSamples } from "../src/corpus.js"
import { diffPair } from "../src/diff-pair.js"
import { generateManifest, integrationPool } from "../src/manifest-generator.js"
import { markdownTable } from "../src/markdown-table.js"
import { officialManifestSchema } from "../src/official-schema.js"
import { planInputs } from "../src/plan-inputs.js"
import { scalingShapes } from "../src/scaling-suite.js"

const samples = loadSamples()
const pool = integrationPool(samples.filter((s) => validate(s.text).errors === 0))

describe("corpus", () => {
  test("every sample is read and the largest is unifiedCRM", () => {
    expect(samples.length).toBe(121)
    expect(largestSample(samples).path).toBe("unifiedCRM/amp.yaml")
  })
})

describe("generateManifest", () => {
  const a = generateManifest(pool, { seed: 60, bytes: 60_000 })

  test("is deterministic for a seed, and another seed gives another order", () => {
    expect(generateManifest(pool, { seed: 60, bytes: 60_000 }).text).toBe(a.text)
    expect(generateManifest(pool, { seed: 61, bytes: 60_000 }).text).not.toBe(a.text)
  })

  test("reaches the size and stops there", () => {
    expect(a.bytes).toBeGreaterThanOrEqual(60_000)
    expect(a.bytes).toBeLessThan(75_000)
    expect(generateManifest(pool, { seed: 1, integrations: 300 }).names).toHaveLength(300)
  })

  test("is a valid manifest with unique, well-formed names, read alike by js-yaml and yaml", () => {
    const report = validate(a.text)
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([])
    expect(new Set(a.names).size).toBe(a.names.length)
    for (const name of a.names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    const value = parse(a.text) as { integrations: Array<{ name: string }> }
    expect(value.integrations.map((i) => i.name)).toEqual(a.names)
    expect(jsyaml.load(a.text)).toEqual(value)
  })

  test("keeps the real blocks' comments", () => {
    expect(a.text).toMatch(/^\s+#/m)
  })
})

describe("diffPair", () => {
  const pair = diffPair(generateManifest(pool, { seed: 60, bytes: 60_000 }).text, 7)

  test("edits distinct integrations, once per edit kind, and reorders every array", () => {
    const names = pair.edits.map((e) => e.integration)
    expect(new Set(names).size).toBe(names.length)
    expect(new Set(pair.edits.map((e) => e.expect)).size).toBe(pair.edits.length)
    expect(pair.reorderedArrays).toBeGreaterThan(100)
  })

  test("each edit is exactly one semantic change of the expected id, the reorder none", () => {
    const result = diff({ value: pair.before }, { value: pair.after })
    const got = result.changes.map((c) => `${c.integration} ${c.id}`).sort()
    expect(got).toEqual(pair.edits.map((e) => `${e.integration} ${e.expect}`).sort())
  })

  test("is deterministic", () => {
    expect(diffPair(pair.beforeText, 7).afterText).toBe(pair.afterText)
  })
})

describe("officialManifestSchema", () => {
  const schema = officialManifestSchema()
  const check = new Ajv({ allErrors: true, strict: true }).compile(schema)

  test("has no OpenAPI-only keyword and no unresolved reference left", () => {
    const text = JSON.stringify(schema)
    expect(text).not.toMatch(/"x-|"example"|"nullable"|#\/components\//)
  })

  test("accepts a minimal manifest and rejects a wrong one", () => {
    expect(check({ specVersion: "1.0.0", integrations: [{ name: "a", provider: "hubspot" }] })).toBe(true)
    expect(check({ specVersion: "1.0.0" })).toBe(false)
    expect(
      check({ specVersion: "1.0.0", integrations: [{ name: "a", provider: "hubspot", proxy: { enabled: "x" } }] }),
    ).toBe(false)
  })
})

describe("planInputs", () => {
  test("the live list differs from the desired manifest in exactly the changed share", () => {
    const p = planInputs(pool, { integrations: 60, changedShare: 0.1, seed: 500 })
    expect(p.changed).toHaveLength(6)
    const outcome = planFromText({ current: p.currentText, desired: p.desiredText })
    if (!outcome.ok) throw new Error(`no plan: ${outcome.reason}`)
    expect(outcome.plan.summary).toEqual({ create: 0, update: 6, unchanged: 54, orphan: 0 })
    const updated = outcome.plan.integrations.filter((i) => i.action === "update").map((i) => i.name)
    expect(updated.sort()).toEqual([...p.changed].sort())
  })
})

describe("markdownTable", () => {
  test("right-aligns numeric columns (header too) and pads the others", () => {
    expect(
      markdownTable(
        ["tool", "ms"],
        [
          ["ours", "1.5"],
          ["peer", "12.25"],
        ],
      ),
    ).toBe(["| tool |    ms |", "| ---- | ----: |", "| ours |   1.5 |", "| peer | 12.25 |"].join("\n"))
  })
})

describe("scaling shapes", () => {
  test("each shape at n is what its label says: directives, ids and warnings as counted", () => {
    const [lines, ids, baseline] = scalingShapes
    const n = 400
    const a = validate(lines!.make(n))
    expect(parseSource(lines!.make(n)).document?.directives).toHaveLength(n)
    expect([a.warnings, a.suppressed, a.errors]).toEqual([0, n / 4, 0])
    // Every id but unknown-key is no rule id: each is an ignore-directive warning.
    const b = validate(ids!.make(30 * 20))
    expect([b.warnings, b.suppressed, b.errors]).toEqual([30 * 20, 20, 0])
    const c = validate(baseline!.make(n))
    expect([c.warnings, c.suppressed, c.errors]).toEqual([n, 0, 0])
  })
})

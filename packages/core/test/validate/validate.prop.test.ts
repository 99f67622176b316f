/**
 * Laws of `validate` on any input: it never throws, it is deterministic, CRLF and LF give the same
 * report, YAML and JSON renderings of the same data give the same rule verdicts, and every
 * diagnostic is well formed (position inside the text, message ≤ 120 chars without control chars).
 */
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { stringify } from "yaml"
import { validate } from "../../src/Validate.js"
import { manifestArb } from "../arbitraries/manifest.js"

const runs = { numRuns: Number(process.env.AMPKIT_PROP_RUNS ?? 300) }

const wellFormed = (text: string) => {
  const report = validate(text)
  const lines = text.split(/\r?\n/).length
  for (const d of report.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.line).toBeLessThanOrEqual(lines + 1)
    expect(d.column).toBeGreaterThanOrEqual(1)
    expect(d.message.length).toBeLessThanOrEqual(140)
    expect(d.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
  }
  expect(report.ok).toBe(report.errors === 0)
  return report
}

/** A valid manifest with one node replaced by an arbitrary JSON value. */
const mutatedManifest = fc
  .tuple(manifestArb(3), fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.nat())
  .map(([generated, replacement, pick, keyPick]) => {
    const manifest = JSON.parse(JSON.stringify(generated)) as typeof generated
    const nodes: Array<[Record<string, unknown> | Array<unknown>, string | number]> = []
    const walk = (v: unknown) => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) {
          nodes.push([v, i])
          walk(x)
        }
      } else if (v !== null && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          nodes.push([v as Record<string, unknown>, k])
          walk(x)
        }
      }
    }
    walk(manifest)
    const target = nodes[pick % nodes.length]
    if (target !== undefined) {
      const [holder, key] = target
      if (keyPick % 5 === 0 && !Array.isArray(holder)) delete holder[key as string]
      else (holder as Record<string | number, unknown>)[key] = replacement
    }
    return manifest
  })

describe("validate", () => {
  test.prop([fc.string({ unit: "grapheme", maxLength: 400 })], runs)("never throws on any string", (text) => {
    wellFormed(text)
  })

  test.prop([fc.jsonValue()], runs)("never throws on any JSON value, as JSON and as YAML", (value) => {
    wellFormed(JSON.stringify(value) ?? "null")
    wellFormed(stringify(value))
  })

  test.prop([mutatedManifest], runs)("mutated manifests: deterministic, CRLF ≡ LF, YAML ≡ JSON verdicts", (m) => {
    const yaml = stringify(m, { aliasDuplicateObjects: false })
    const first = wellFormed(yaml)
    expect(validate(yaml)).toEqual(first)
    expect(validate(yaml.replace(/\n/g, "\r\n"))).toEqual(first)
    const json = validate(JSON.stringify(m, null, 2))
    // YAML 1.1 readings exist only in the YAML text: a yaml-compat finding there stands for (and replaces)
    // any other finding at its pointer, so those pointers are left out of the comparison.
    const compat = new Set(first.diagnostics.filter((d) => d.rule === "yaml-compat").map((d) => d.pointer))
    const verdict = (r: typeof first) =>
      r.diagnostics
        .filter((d) => !compat.has(d.pointer))
        .map((d) => `${d.rule} ${d.severity} ${d.pointer}`)
        .sort()
    expect(verdict(json)).toEqual(verdict(first))
  })

  test.prop([manifestArb(4)], runs)("generated valid manifests have no errors", (m) => {
    const report = wellFormed(stringify(m, { aliasDuplicateObjects: false }))
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([])
  })
})

/**
 * Hostile inputs of design/reliability.md's parsing table, as fixtures with expectations beside them:
 * `test/fixtures/hostile/<name>.(yaml|json)` + `<name>.expect.json`.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { parseSource } from "../../src/Source.js"

interface Expectation {
  readonly document: boolean
  readonly value?: unknown
  readonly findings: ReadonlyArray<{
    readonly rule: string
    readonly line?: number
    readonly column?: number
    readonly pointer?: string
  }>
}

const dir = join(import.meta.dirname, "../fixtures/hostile")
const fixtures = readdirSync(dir)
  .filter((f) => /\.(yaml|json)$/.test(f) && !f.endsWith(".expect.json"))
  .sort()

describe("hostile fixtures", () => {
  test("the folder holds the fixtures", () => {
    expect(fixtures.length).toBeGreaterThan(40)
  })

  test.each(fixtures)("%s", (file) => {
    const text = readFileSync(join(dir, file), "utf8")
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.(yaml|json)$/, ".expect.json")), "utf8"))
    const syntax = file.endsWith(".json") ? "json" : "yaml"
    const started = performance.now()
    const result = parseSource(text, { syntax })
    // Loose on purpose (shared CI machines): the merge chain needs ~0.3 s on an idle core, the rest milliseconds.
    expect(performance.now() - started).toBeLessThan(5000)

    const e = expected as Expectation
    expect(result.document !== undefined).toBe(e.document)
    if (e.value !== undefined) expect(result.document?.value).toEqual(e.value)
    expect(result.findings.map((f) => f.rule)).toEqual(e.findings.map((f) => f.rule))
    e.findings.forEach((want, i) => {
      const got = result.findings[i]!
      if (want.line !== undefined) expect(got.position!.line, got.message).toBe(want.line)
      if (want.column !== undefined) expect(got.position!.column, got.message).toBe(want.column)
      if (want.pointer !== undefined) expect(got.pointer, got.message).toBe(want.pointer)
      expect(got.severity).toBe("error")
      expect(got.message.length).toBeLessThanOrEqual(130)
      // Messages are safe to print: no raw control, bidi or invisible characters.
      expect(got.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\ufeff]/)
    })
    // Nothing pollutes Object.prototype, whatever the input.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty("polluted")
  })

  test("auto-detection reads the JSON fixtures as JSON (or, failing that, as YAML)", () => {
    for (const file of fixtures.filter((f) => f.endsWith(".json"))) {
      const text = readFileSync(join(dir, file), "utf8")
      const forced = parseSource(text, { syntax: "json" })
      const auto = parseSource(text)
      if (!forced.findings.some((f) => f.rule === "syntax")) {
        expect(auto.findings, file).toEqual(forced.findings)
        expect(auto.document?.syntax, file).toBe(forced.document === undefined ? undefined : "json")
      }
    }
  })
})

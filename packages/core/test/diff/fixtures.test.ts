/**
 * Fixture pairs (test/fixtures/diff/<case>/base.{yaml,json}, revision.{yaml,json}, expected.json),
 * written from real samples: the diff of base → revision is exactly the expected list (in output
 * order), with positions where given. Both sides go through the real pipeline: parseSource →
 * decodeDocument → diff with the source positions.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as Result from "effect/Result"
import { describe, expect, test } from "vitest"
import { changeCatalog, changeIds, type DiffSide, diff } from "../../src/Diff.js"
import { decodeDocument } from "../../src/Document.js"
import { parseSource } from "../../src/Source.js"

const root = new URL("../fixtures/diff/", import.meta.url).pathname

const load = (dir: string, stem: string): DiffSide => {
  const file = ["yaml", "json"].map((ext) => join(dir, `${stem}.${ext}`)).find(existsSync)
  if (file === undefined) throw new Error(`no ${stem}.yaml or ${stem}.json in ${dir}`)
  const parsed = parseSource(readFileSync(file, "utf8"))
  expect(parsed.findings.filter((f) => f.severity === "error")).toEqual([])
  const document = parsed.document!
  const decoded = decodeDocument(document.value, [
    "manifest",
    "integration-block",
    "revision",
    "integration",
    "integration-list",
  ])
  if (Result.isFailure(decoded)) throw new Error(`${file}: ${decoded.failure.message}`)
  return { value: decoded.success.value, locate: document.locate }
}

interface ExpectedChange {
  readonly id: string
  readonly level: string
  readonly integration: string
  readonly pointer: string
  readonly line?: number
  readonly anchor?: { line: number }
  readonly likelyRenameOf?: string
}

const cases = readdirSync(root).sort()
const seen = new Set<string>()

describe("diff fixtures", () => {
  test.each(cases)("%s", (name) => {
    const dir = join(root, name)
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as { changes: Array<ExpectedChange> }
    const result = diff(load(dir, "base"), load(dir, "revision"))
    const got = result.changes.map((c) => ({
      id: c.id,
      level: c.level,
      integration: c.integration,
      pointer: c.pointer,
      ...(c.line !== undefined ? { line: c.line } : {}),
      ...(c.anchor !== undefined ? { anchor: { line: c.anchor.line } } : {}),
      ...(c.likelyRenameOf !== undefined ? { likelyRenameOf: c.likelyRenameOf } : {}),
    }))
    expect(got).toHaveLength(expected.changes.length)
    for (const [i, want] of expected.changes.entries()) expect(got[i]).toMatchObject(want)
    for (const c of result.changes) seen.add(`${c.id}:${c.level}`)
    // every change carries a position in its file (both sides have sources)
    for (const c of result.changes) expect(c.line).toBeGreaterThan(0)
  })

  test("the fixtures cover every change id at every level it can have", () => {
    const missing = changeCatalog.flatMap((k) => k.levels.map((l) => `${k.id}:${l}`)).filter((x) => !seen.has(x))
    expect(missing).toEqual([])
    expect(changeIds.length).toBe(changeCatalog.length)
  })

  test("at least five pairs compare the API's JSON with an amp.yaml", () => {
    const api = cases.filter(
      (c) => existsSync(join(root, c, "base.json")) && existsSync(join(root, c, "revision.yaml")),
    )
    expect(api.length).toBeGreaterThanOrEqual(5)
  })
})

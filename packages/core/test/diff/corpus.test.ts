/**
 * Real input: every sample of corpus/ampersand/samples against variants made by scripted edits of
 * every kind that applies to it as written (drop an object, add a required field, change a
 * schedule, rename a mapping, turn the proxy off …). The expected changes come from the edit —
 * what it touched — never from the diff's output. Also: each sample against itself, against a
 * rewritten copy and against its API form (Integration[]) is an empty diff.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import * as Result from "effect/Result"
import { describe, expect, test } from "vitest"
import { diff } from "../../src/Diff.js"
import { decodeDocument } from "../../src/Document.js"
import { parseSource } from "../../src/Source.js"
import { applyEdit, type Expected, edits, type Manifest } from "./edits.js"
import { asIntegrationList, rewrite } from "./equivalent.js"

const root = new URL("../../../../corpus/ampersand/samples/", import.meta.url).pathname
/** Every amp.yaml / amp.yml under the samples folder (some samples nest versions: pipedrive/v1, zoho/crm …). */
const find = (dir: string): Array<string> =>
  readdirSync(join(root, dir)).flatMap((f) => {
    const path = dir === "" ? f : join(dir, f)
    if (statSync(join(root, path)).isDirectory()) return find(path)
    return /^amp\.ya?ml$/.test(f) ? [path] : []
  })
const samples = find("").sort()

const decoded = (value: unknown): unknown => {
  const r = decodeDocument(value, ["manifest", "integration-list"])
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success.value
}

const key = (e: { id: string; integration: string; subject: ReadonlyArray<string>; likelyRenameOf?: string }) =>
  JSON.stringify([e.id, e.integration, e.subject, e.likelyRenameOf ?? null])

const applied = new Map<string, number>()

describe.each(samples)("%s", (file) => {
  const text = readFileSync(join(root, file), "utf8")
  const parsed = parseSource(text)
  const value = parsed.document!.value as Manifest

  test("no change against itself, a rewritten copy, or its API form", () => {
    const self = { value: decoded(value), locate: parsed.document!.locate }
    expect(diff(self, self).changes).toEqual([])
    expect(diff(self, { value: decoded(rewrite(value, 7)) }).changes).toEqual([])
    expect(diff({ value: decoded(asIntegrationList(value)) }, self).changes).toEqual([])
  })

  test("every applicable edit yields exactly the changes it made", () => {
    for (const edit of edits) {
      const targets = edit.targets(value).length
      for (const pick of targets > 1 ? [0, targets - 1] : [0]) {
        const r = applyEdit(edit, value, pick, { prepare: false })
        if (r === undefined) continue
        applied.set(edit.kind, (applied.get(edit.kind) ?? 0) + 1)
        const result = diff({ value: decoded(r.before), locate: parsed.document!.locate }, { value: decoded(r.after) })
        const got = result.changes.map(key).sort()
        const want = r.expected.map((e: Expected) => key(e)).sort()
        expect(got, `${edit.kind} (target ${pick})`).toEqual(want)
      }
    }
  })
})

test("the realistic edits applied to the real samples", () => {
  expect(samples.length).toBe(121)
  const must = [
    "read object / remove",
    "required field / add provider field",
    "read object / schedule / change",
    "field / mapToName / change",
    "proxy / enabled / turn off",
    "write object / remove",
    "optional field / add provider field",
  ]
  for (const kind of must) expect(applied.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(5)
  console.log(
    `edits applied to ${samples.length} real samples (edit kind: sample variants):\n` +
      [...applied].map(([k, n]) => `  ${k}: ${n}`).join("\n"),
  )
})

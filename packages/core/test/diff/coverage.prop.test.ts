/**
 * Coverage: every edit kind (add / remove / change of every member at every level of the model)
 * yields exactly the changes the edit says it makes, and at least one of its expected id. The map
 * edit kind → change ids is printed; the last test fails if an edit kind went unclassified or a
 * change id of the catalog is produced by no edit kind.
 */
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { applyChanges, canonicalIntegrations, changeIds, diff } from "../../src/Diff.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { applyEdit, type Expected, edits } from "./edits.js"

const numRuns = Number(process.env.AMPKIT_PROP_RUNS ?? 40)

const key = (
  e: Expected | { id: string; integration: string; subject: ReadonlyArray<string>; likelyRenameOf?: string },
) => JSON.stringify([e.id, e.integration, e.subject, e.likelyRenameOf ?? null])

/** edit kind → the change ids it produced (over all runs). */
const observed = new Map<string, Set<string>>()

describe("each edit kind yields exactly its changes", () => {
  for (const edit of edits) {
    test(edit.kind, () => {
      fc.assert(
        fc.property(manifestArb(3), fc.nat(), (m, pick) => {
          const r = applyEdit(edit, m, pick)!
          const result = diff({ value: r.before }, { value: r.after })
          const got = result.changes.map(key).sort()
          const want = r.expected.map(key).sort()
          expect(got).toEqual(want)
          // Outside the code spans that quote names and values (a generated name may be `aNaN`).
          for (const c of result.changes)
            expect(c.message.replace(/`[^`]*`/g, "``")).not.toMatch(
              /undefined|\[object Object\]|NaN|\(none\) to \(none\)/,
            )
          const seen = observed.get(edit.kind) ?? new Set<string>()
          for (const c of result.changes) seen.add(c.id)
          observed.set(edit.kind, seen)
          // and the change list is complete: replaying it gives the edited manifest
          expect(canonicalIntegrations(applyChanges(r.before, result.changes))).toEqual(canonicalIntegrations(r.after))
        }),
        { numRuns },
      )
    })
  }
})

test("map of edit kind → change id: every edit kind classified, every change id reachable", () => {
  const lines = edits.map(
    (e) => `${e.kind.padEnd(62)} → ${[...(observed.get(e.kind) ?? [])].sort().join(", ") || "UNCLASSIFIED"}`,
  )
  console.log(`edit kind → change id (${edits.length} edit kinds)\n${lines.join("\n")}`)
  const unclassified = edits.filter((e) => !(observed.get(e.kind)?.has(e.expect) ?? false)).map((e) => e.kind)
  expect(unclassified).toEqual([])
  const reached = new Set([...observed.values()].flatMap((s) => [...s]))
  expect(changeIds.filter((id) => !reached.has(id))).toEqual([])
})

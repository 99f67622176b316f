/**
 * `key: null` (a bare `key:` in YAML) anywhere in a manifest is one defect, so it gives exactly one
 * diagnostic: Shape.ts's `wrong-type` at that key (`spec-version` for `specVersion`, which that rule
 * owns), and nothing else changes. The rules treat a null like any value of the wrong type: neither
 * set nor absent (rules/walk.ts), so no rule reports a consequence of it (`mode: null` with a
 * pageSize is not "pageSize needs mode onRequest"; `days: null` next to fullHistory is not "sets
 * both"; a read object with `objectName: null` does not make a subscribe object's read object missing).
 *
 * Checked on every member of every real sample, of a manifest that uses every block, and of
 * generated manifests: each member in turn set to null.
 */
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import type { Finding } from "../../src/Diagnostic.js"
import { fromPath, toPath } from "../../src/internal/pointer.js"
import { manifestFindings } from "../../src/Validate.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { realSamples } from "../model/corpus.js"

type Json = Record<string, unknown>
const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/** Every pointer to a member of an object in the value (array items excluded: a null item is another case). */
const memberPointers = (value: unknown, path: Array<string | number> = []): Array<string> => {
  const out: Array<string> = []
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out.push(...memberPointers(value[i], [...path, i]))
  } else if (isRecord(value))
    for (const [k, v] of Object.entries(value)) out.push(fromPath([...path, k]), ...memberPointers(v, [...path, k]))
  return out
}

const withNull = (root: unknown, pointer: string): unknown => {
  const copy = structuredClone(root)
  const path = toPath(pointer)
  let node = copy as Json
  for (const token of path.slice(0, -1)) node = node[token] as Json
  node[path[path.length - 1] as string] = null
  return copy
}

const key = (f: Finding) => `${f.severity} ${f.rule} ${f.pointer}`

/** The diagnostics a null at each member adds to those of the document, when they are not exactly one at that member. */
const extraDiagnostics = (value: unknown): Array<string> => {
  const findings = manifestFindings(value, undefined)
  const before = new Set(findings.map(key))
  const unknown = new Set(findings.filter((f) => f.rule === "unknown-key").map((f) => f.pointer))
  const out: Array<string> = []
  for (const pointer of memberPointers(value)) {
    const added = manifestFindings(withNull(value, pointer), undefined).filter((f) => !before.has(key(f)))
    // A key the schema does not define may hold anything (its unknown-key warning stays as it was).
    const underUnknown = [...unknown].some((u) => pointer === u || pointer.startsWith(`${u}/`))
    if (underUnknown && added.length === 0) continue
    const expected = pointer === "/specVersion" ? "spec-version" : "wrong-type"
    if (added.length !== 1 || added[0]?.rule !== expected || added[0]?.pointer !== pointer)
      out.push(`${pointer}: ${added.map(key).join("; ") || "nothing"}`)
  }
  return out
}

/** A manifest that uses every block (and is valid: no diagnostic but the delivery warning). */
const everyBlock = {
  specVersion: "1.0.0",
  integrations: [
    {
      name: "everything",
      provider: "salesforce",
      displayName: "Salesforce",
      module: "crm",
      read: {
        objects: [
          {
            objectName: "account",
            destination: "defaultWebhook",
            schedule: "*/10 * * * *",
            mapToName: "company",
            mapToDisplayName: "Company",
            requiredFields: [{ fieldName: "name" }, { fieldName: "billingcity", mapToName: "city" }],
            optionalFields: [{ mapToName: "stage", mapToDisplayName: "Stage", prompt: "Which?", default: "stagename" }],
            optionalFieldsAuto: "all",
            backfill: { defaultPeriod: { days: 30 } },
            delivery: { mode: "onRequest", pageSize: 100 },
          },
          {
            objectName: "contact",
            destination: "defaultWebhook",
            enabled: "always",
            schedule: "*/30 * * * *",
            requiredFields: [{ fieldName: "email" }],
            backfill: { defaultPeriod: { fullHistory: true } },
          },
        ],
      },
      write: { objects: [{ objectName: "account", inheritMapping: true, valueDefaults: { allowAnyFields: true } }] },
      subscribe: {
        objects: [
          {
            objectName: "account",
            destination: "defaultWebhook",
            inheritFieldsAndMapping: true,
            createEvent: { enabled: "always" },
            updateEvent: { enabled: "always", requiredWatchFields: ["name"] },
            deleteEvent: { enabled: "always" },
            otherEvents: ["UNDELETE"],
          },
          {
            objectName: "contact",
            destination: "defaultWebhook",
            inheritFieldsAndMapping: true,
            updateEvent: { enabled: "always", watchFieldsAuto: "all" },
          },
        ],
      },
      proxy: { enabled: true, useModule: false },
      watchSchema: {
        destination: "schemaWatch",
        schedule: "0 */6 * * *",
        allObjects: { fieldCreated: { enabled: "always" } },
      },
    },
    {
      name: "calendar",
      provider: "google",
      module: "calendar",
      read: { objects: [{ objectName: "events", destination: "d", backfill: { defaultPeriod: { days: 28 } } }] },
    },
    {
      name: "warehouse",
      provider: "snowflake",
      read: { objects: [{ objectName: "t", destination: "d", backfill: { defaultPeriod: { fullHistory: true } } }] },
    },
  ],
}

describe("a null anywhere is one defect: one diagnostic, at that key", () => {
  test("the manifest that uses every block", () => {
    expect(manifestFindings(everyBlock, undefined).map(key).sort()).toEqual([
      "info backfill-large /integrations/0/read/objects/1/backfill/defaultPeriod/fullHistory",
      "warning delivery-deprecated /integrations/0/read/objects/0/delivery",
    ])
    expect(memberPointers(everyBlock).length).toBeGreaterThan(80)
    expect(extraDiagnostics(everyBlock)).toEqual([])
  })

  test("every member of every real sample", () => {
    const samples = realSamples()
    expect(samples.length).toBeGreaterThan(100)
    for (const sample of samples) expect(extraDiagnostics(sample.value), sample.name).toEqual([])
  })

  test("generated manifests", () => {
    fc.assert(
      fc.property(manifestArb(2), (value) => {
        expect(extraDiagnostics(value)).toEqual([])
      }),
      { numRuns: 60, seed: 20260822 },
    )
  })
})

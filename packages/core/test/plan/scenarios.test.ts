/**
 * Scenario fixtures: `fixtures/plan/<scenario>/` holds the live list (`current.json`, real samples
 * wrapped as API integrations), the desired `desired.yaml`, optional `options.json` (`stopReads`,
 * `maxBatch`) and `installations.json`, and `expected.json`: written by hand, the action of every
 * integration with the ids of its changes, the removed read objects and what happens to their reads,
 * the batches and the summary.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import * as Result from "effect/Result"
import { describe, expect, test } from "vitest"
import { decodeDocument } from "../../src/Document.js"
import type { Manifest } from "../../src/Manifest.js"
import { type Plan, type PlannedIntegration, planFromText, plan as planOf } from "../../src/Plan.js"
import { decodePlanRecord, verifyPlan } from "../../src/PlanVerify.js"
import { renderPlanJson } from "../../src/render/plan-json.js"
import { renderPlanText } from "../../src/render/plan-text.js"
import { parseSource } from "../../src/Source.js"
import { validate } from "../../src/Validate.js"
import { batchUpsert, fakeProject } from "./fake-server.js"
import { checkPlanLaws } from "./plan-laws.js"

const root = new URL("../fixtures/plan/", import.meta.url)
const read = (scenario: string, file: string): string => readFileSync(new URL(`${scenario}/${file}`, root), "utf8")
const optional = (scenario: string, file: string): string | undefined =>
  existsSync(new URL(`${scenario}/${file}`, root)) ? read(scenario, file) : undefined

const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

interface Options {
  readonly stopReads?: Array<string>
  readonly maxBatch?: number
}

const run = (scenario: string): { plan: Plan; options: Options; desired: Manifest } => {
  const options = JSON.parse(optional(scenario, "options.json") ?? "{}") as Options
  const installations = optional(scenario, "installations.json")
  const outcome = planFromText({
    current: read(scenario, "current.json"),
    desired: read(scenario, "desired.yaml"),
    ...(installations !== undefined ? { installations } : {}),
    ...options,
  })
  if (!outcome.ok) throw new Error(`${scenario}: ${JSON.stringify(outcome).slice(0, 500)}`)
  const decoded = decodeDocument(outcome.document.value, "manifest")
  if (Result.isFailure(decoded)) throw decoded.failure
  return { plan: outcome.plan, options, desired: decoded.success.value as Manifest }
}

/** What expected.json states about one integration. */
const projection = (e: PlannedIntegration): Record<string, unknown> => ({
  name: e.name,
  action: e.action,
  ...(e.changes.length > 0 ? { changes: e.changes.map((c) => c.id).sort() } : {}),
  ...((e.removedReadObjects ?? []).length > 0 ? { removedReadObjects: e.removedReadObjects } : {}),
  ...(e.readRemoval !== undefined ? { readRemoval: e.readRemoval } : {}),
  ...(e.installations !== undefined && e.action === "update" && e.readRemoval !== undefined
    ? { installations: e.installations }
    : {}),
  ...(e.installationsReadingRemoved !== undefined
    ? { installationsReadingRemoved: e.installationsReadingRemoved }
    : {}),
  ...(e.readersOfRemoved !== undefined ? { readersOfRemoved: e.readersOfRemoved } : {}),
})

test("every scenario folder is complete", () => {
  expect(scenarios).toEqual([
    "case-only-rename",
    "defaults-only",
    "destructive-split",
    "every-action",
    "installations",
    "max-batch",
    "reordered-equal",
    "stale",
  ])
  for (const s of scenarios) {
    for (const file of ["current.json", "desired.yaml", "expected.json"])
      expect(existsSync(new URL(`${s}/${file}`, root))).toBe(true)
    expect(validate(read(s, "desired.yaml")).errors).toBe(0)
  }
})

describe.each(scenarios)("scenario %s", (scenario) => {
  const { plan, options, desired } = run(scenario)
  const expected = JSON.parse(read(scenario, "expected.json")) as {
    integrations: Array<Record<string, unknown>>
    batches: Array<{ destructive: boolean; integrations: Array<string> }>
    summary: Plan["summary"]
    notes?: Plan["notes"]
  }

  test("actions, changes and removed read objects are the expected ones", () => {
    expect(plan.integrations.map(projection)).toEqual(expected.integrations)
  })

  test("batches and summary are the expected ones", () => {
    expect(plan.batches.map((b) => ({ destructive: b.destructive, integrations: b.integrations }))).toEqual(
      expected.batches,
    )
    expect(plan.summary).toEqual(expected.summary)
    expect(plan.notes).toEqual(expected.notes ?? [])
  })

  test("the plan obeys the planning laws; every sourceYaml validates", () => {
    checkPlanLaws(plan, desired, options.maxBatch)
    for (const b of plan.batches) expect(validate(b.request.body.sourceYaml).errors).toBe(0)
  })

  test("updates and unchanged integrations record the live revision they were planned against", () => {
    const live = new Map(
      (JSON.parse(read(scenario, "current.json")) as Array<{ name: string; latestRevision: { id: string } }>).map(
        (i) => [i.name, i.latestRevision.id],
      ),
    )
    for (const e of plan.integrations) {
      if (e.action === "create") expect(e.revision).toBeUndefined()
      else expect(e.revision).toBe(live.get(e.name))
    }
  })

  test("deterministic: planning again gives byte-identical JSON and the same planId", () => {
    expect(renderPlanJson(run(scenario).plan)).toBe(renderPlanJson(plan))
    expect(plan.planId).toMatch(/^[0-9a-f]{16}$/)
  })

  test("idempotent: once the batches are applied, planning again sends nothing", () => {
    const project = fakeProject(JSON.parse(read(scenario, "current.json")))
    for (const b of plan.batches) batchUpsert(project, b.request)
    expect(project.received).toHaveLength(plan.batches.length)
    const current = decodeDocument(project.integrations, "integration-list")
    if (Result.isFailure(current)) throw current.failure
    const again = planOf({ current: current.success.value as never, desired })
    expect(again.batches).toEqual([])
    expect(again.integrations.every((e) => e.action === "unchanged" || e.action === "orphan")).toBe(true)
    expect(again.summary.orphan).toBe(plan.summary.orphan)
    // the plan made before the deploy is now stale for every integration it sent
    const moved = verifyPlan(plan, current.success.value as never).moved.map((m) => m.name)
    expect(moved).toEqual(plan.batches.flatMap((b) => b.integrations).sort())
  })
})

test("the plan text names who reads a removed read object (group name and ref)", () => {
  const text = renderPlanText(run("installations").plan)
  expect(text).toContain("1 of its 2 installations selects them: Org Acme (org_acme)")
})

describe("stale plans", () => {
  const { plan } = run("stale")
  const decode = (file: string) => {
    const r = decodeDocument(parseSource(read("stale", file)).document!.value, "integration-list")
    if (Result.isFailure(r)) throw r.failure
    return r.success.value as never
  }

  test("a plan verified against the list it was made from is current", () => {
    expect(verifyPlan(plan, decode("current.json"))).toEqual({ ok: true, moved: [] })
  })

  test("someone deployed meanwhile: the moved integrations are named with both revisions", () => {
    expect(verifyPlan(plan, decode("later.json"))).toEqual(JSON.parse(read("stale", "expected-verify.json")))
  })

  test("the plan JSON, read back, verifies the same way", () => {
    const record = decodePlanRecord(JSON.parse(renderPlanJson(plan)))
    if (!record.ok) throw new Error(record.message)
    expect(verifyPlan(record.plan, decode("later.json"))).toEqual(JSON.parse(read("stale", "expected-verify.json")))
  })

  test("an integration deleted since planning has moved to absent; orphans never count", () => {
    const withOrphan = run("every-action").plan
    const live = JSON.parse(read("every-action", "current.json")) as Array<{ name: string }>
    const without = live.filter((i) => i.name !== "hubspotIntegration" && i.name !== "readNetsuite")
    const r = decodeDocument(without, "integration-list")
    if (Result.isFailure(r)) throw r.failure
    expect(verifyPlan(withOrphan, r.success.value as never).moved).toEqual([
      { name: "hubspotIntegration", plannedRevision: "7a092b73-c55a-5627-9e9e-cf329704942b", liveRevision: null },
    ])
  })

  test("a value that is not a plan is refused with a sentence", () => {
    const r = decodePlanRecord({ integrations: [{ name: 1 }] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/^expected a plan \(ampkit plan --format json\), but /)
  })
})

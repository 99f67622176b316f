/**
 * planFromText's inputs: why one cannot be used (syntax, kind, decode, value) with positioned
 * diagnostics, on the real plan fixtures; and the project filled into the requests' path.
 */
import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { type PlanOutcome, planFromText, plan as planOf, projectProblem } from "../../src/Plan.js"
import { planFiles, renderPlanJson } from "../../src/render/plan-json.js"
import { renderPlanText } from "../../src/render/plan-text.js"
import { parseSource } from "../../src/Source.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { asIntegrationList } from "../diff/equivalent.js"

const fixture = (scenario: string, file: string): string =>
  readFileSync(new URL(`../fixtures/plan/${scenario}/${file}`, import.meta.url), "utf8")

const current = fixture("every-action", "current.json")
const desired = fixture("every-action", "desired.yaml")
const installations = fixture("installations", "installations.json")

type BadInput = Extract<PlanOutcome, { reason: "bad-input" }>
const badInput = (outcome: PlanOutcome): BadInput => {
  if (outcome.ok || outcome.reason !== "bad-input") throw new Error(JSON.stringify(outcome).slice(0, 300))
  return outcome
}

describe("an input that cannot be used says why", () => {
  test("current that does not parse: syntax, the parser's diagnostics at their lines", () => {
    const text = current.replace('"latestRevision": {', '"latestRevision": {,')
    const out = badInput(planFromText({ current: text, desired }))
    expect(out).toMatchObject({ input: "current", cause: "syntax" })
    // The parser's sentence ends with its position: it is not said twice.
    expect(out.message).toMatch(/^the list of live integrations does not parse: .* at line \d+, column \d+$/)
    const line = text.split("\n").findIndex((l) => l.includes('"latestRevision": {,')) + 1
    expect(out.diagnostics[0]).toMatchObject({ rule: "syntax", severity: "error", line })
  })

  test("current with a duplicate key: syntax, rule duplicate-key", () => {
    const text = current.replace('"name":', '"name": "x", "name":')
    const out = badInput(planFromText({ current: text, desired }))
    expect(out.cause).toBe("syntax")
    expect(out.diagnostics.map((d) => d.rule)).toContain("duplicate-key")
  })

  test("current of another kind: kind, the old message", () => {
    const out = badInput(planFromText({ current: desired, desired }))
    expect(out).toMatchObject({ input: "current", cause: "kind" })
    expect(out.message).toBe("expected an integration list (from the API), but this looks like a manifest (amp.yaml)")
  })

  test("current naming an integration twice: decode, at the second entry (the plan picks neither)", () => {
    const list = JSON.parse(current) as Array<Record<string, unknown>>
    const text = JSON.stringify([...list, { ...list[0], id: "another-id" }], null, 2)
    const out = badInput(planFromText({ current: text, desired }))
    expect(out).toMatchObject({ input: "current", cause: "decode" })
    expect(out.diagnostics.map((d) => [d.rule, d.pointer])).toEqual([
      ["integration-name-duplicate", `/${list.length}/name`],
    ])
  })

  test("current with defects: decode, each defect at its line; as a value, pointers only", () => {
    const list = JSON.parse(current) as Array<Record<string, unknown>>
    delete list[1]!.latestRevision
    const text = JSON.stringify(list, null, 2)
    const out = badInput(planFromText({ current: text, desired }))
    expect(out).toMatchObject({ input: "current", cause: "decode" })
    const missing = out.diagnostics.find((d) => d.pointer === "/1/latestRevision" || d.pointer === "/1")
    expect(missing, JSON.stringify(out.diagnostics)).toMatchObject({ rule: "missing-key" })
    const secondItem = text.split("\n").findIndex((l, i, all) => l === "  {" && all.slice(0, i).includes("  },")) + 1
    expect(missing!.line).toBe(secondItem)
    const asValue = badInput(planFromText({ current: list, desired }))
    expect(asValue).toMatchObject({ input: "current", cause: "decode", message: out.message })
    expect(asValue.diagnostics.map((d) => d.pointer)).toEqual(out.diagnostics.map((d) => d.pointer).sort())
  })

  test("installations: syntax, kind (not a list, or a list of integrations), decode at lines", () => {
    const syntax = badInput(planFromText({ current, desired, installations: "[{" }))
    expect(syntax).toMatchObject({ input: "installations", cause: "syntax" })
    expect(syntax.message).toMatch(/^the list of installations does not parse: /)
    // A sentence that ends with its position does not get it again; one that does not, gets it.
    const at = `line ${syntax.diagnostics[0]!.line}, column ${syntax.diagnostics[0]!.column}`
    expect(syntax.message.split(at)).toHaveLength(2)
    const duplicate = badInput(planFromText({ current, desired, installations: '[{"a": 1, "a": 2}]' }))
    expect(duplicate.message).toMatch(/does not parse: .*a.* \(line 1, column \d+\)$/)
    const manifest = badInput(planFromText({ current, desired, installations: desired }))
    expect(manifest).toMatchObject({ input: "installations", cause: "kind", diagnostics: [] })
    expect(manifest.message).toMatch(/^expected a list of installations \(list-installations\), but /)
    const integrations = badInput(planFromText({ current, desired, installations: current }))
    expect(integrations).toMatchObject({ input: "installations", cause: "kind" })
    expect(integrations.message).toContain("item 0 looks like an integration (from the API)")
    const list = JSON.parse(installations) as Array<Record<string, unknown>>
    delete list[0]!.integrationId
    const text = JSON.stringify(list, null, 2)
    const decode = badInput(planFromText({ current, desired, installations: text }))
    expect(decode).toMatchObject({ input: "installations", cause: "decode" })
    expect(decode.diagnostics).toEqual([
      expect.objectContaining({ rule: "missing-key", pointer: "/0/integrationId", line: 2, column: 3 }),
    ])
  })

  test("desired of another kind: kind; unusable options: value", () => {
    expect(badInput(planFromText({ current, desired: current }))).toMatchObject({ input: "desired", cause: "kind" })
    expect(badInput(planFromText({ current, desired, maxBatch: 0 }))).toMatchObject({
      input: "maxBatch",
      cause: "value",
      diagnostics: [],
    })
    expect(badInput(planFromText({ current, desired, project: ".." }))).toMatchObject({
      input: "project",
      cause: "value",
    })
  })

  test("a desired manifest that does not parse is still an invalid manifest with its report", () => {
    const out = planFromText({ current, desired: "a: [" })
    expect(out).toMatchObject({ ok: false, reason: "invalid-manifest" })
  })
})

describe("--project: the project in the requests' path", () => {
  const planned = (project?: string) => {
    const out = planFromText({ current, desired, ...(project !== undefined ? { project } : {}) })
    if (!out.ok) throw new Error(JSON.stringify(out).slice(0, 300))
    return out.plan
  }

  test("filled in as one percent-encoded path segment, in the plan JSON and the request files", () => {
    const p = planned("acme prod/ü?#%")
    const path = "/projects/acme%20prod%2F%C3%BC%3F%23%25/integrations:batch"
    expect(p.batches.map((b) => b.request.path)).toEqual(p.batches.map(() => path))
    expect(new URL(`https://api.example${path}`).pathname.split("/")).toHaveLength(4)
    expect(decodeURIComponent(new URL(`https://api.example${path}`).pathname.split("/")[2]!)).toBe("acme prod/ü?#%")
    expect(renderPlanJson(p)).toContain(`"path": "${path}"`)
    const request = planFiles(p).find((f) => f.name.endsWith(".request.json"))!
    expect(JSON.parse(request.content).path).toBe(path)
    const uuid = "a1b2c3d4-e5f6-7890-abcd-ef1234567890"
    expect(planned(uuid).batches[0]!.request.path).toBe(`/projects/${uuid}/integrations:batch`)
  })

  test("text: the filled path, and no hint; without a project the placeholder and how to fill it", () => {
    const filled = renderPlanText(planned("acme"))
    expect(filled).toContain("  1. PUT /projects/acme/integrations:batch?destructive=false\n")
    expect(filled).not.toContain("{projectIdOrName}")
    const open = renderPlanText(planned())
    expect(open).toContain("  1. PUT /projects/{projectIdOrName}/integrations:batch?destructive=false\n")
    expect(open).toContain(
      "  {projectIdOrName}: your project's ID or name (ampkit plan --project <idOrName> fills it in)\n",
    )
  })

  test("the plan ID: unchanged without a project, different per project", () => {
    const none = planned()
    expect(planned().planId).toBe(none.planId)
    expect(planned("acme").planId).not.toBe(none.planId)
    expect(planned("acme").planId).toBe(planned("acme").planId)
    expect(planned("acme").planId).not.toBe(planned("other").planId)
    const { planId: _, batches: __, ...rest } = planned("acme")
    const { planId: ___, batches: ____, ...restNone } = none
    expect(rest).toEqual(restNone)
  })

  test("unusable projects: empty, dot segments, lone surrogates; plan() throws a RangeError for them", () => {
    for (const bad of ["", ".", "..", "a\uD800b", "\uDC00"]) {
      expect(projectProblem(bad), JSON.stringify(bad)).toBeDefined()
      expect(() => planOf({ current: [], desired: { specVersion: "1.0.0", integrations: [] }, project: bad })).toThrow(
        RangeError,
      )
    }
    for (const good of ["acme", "...", ".a", "😀", "a b"]) expect(projectProblem(good), good).toBeUndefined()
    expect(projectProblem(undefined)).toBeUndefined()
    expect(projectProblem(42)).toBeDefined()
  })

  test("real samples: planned from nothing, every request carries the project", () => {
    let planned = 0
    for (const file of sampleFiles().filter((_, i) => i % 10 === 0)) {
      const text = corpusText(`samples/${file}`)
      const out = planFromText({ current: "[]", desired: text, project: "my-project" })
      if (!out.ok) continue
      planned++
      expect(out.plan.batches.length, file).toBeGreaterThan(0)
      for (const b of out.plan.batches) expect(b.request.path, file).toBe("/projects/my-project/integrations:batch")
      const live = JSON.stringify(asIntegrationList(parseSource(text).document!.value as never))
      const again = planFromText({ current: live, desired: text, project: "my-project" })
      expect(again.ok && again.plan.batches, file).toEqual([])
    }
    expect(planned).toBeGreaterThan(8)
  })
})

/** POST /v1/diff and POST /v1/plan inside workerd, wired to the core's diff and planner, on real samples. */
import { parseSource } from "@ampkit/core"
import { describe, expect, it } from "vitest"
import { expectProblem, postText } from "./call.js"
import { planFixture, sample, samples } from "./samples.js"

const fixture = planFixture

const postJson = (path: string, body: unknown) => postText(path, JSON.stringify(body), "application/json")

interface Change {
  id: string
  level: string
  integration: string
  pointer: string
  message: string
}

const dataOf = (text: string): Record<string, unknown> => {
  const value = parseSource(text).document?.value
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object")
  return value as Record<string, unknown>
}

describe("POST /v1/diff", () => {
  it("finds no change between a sample's text and the same sample as JSON, for every sample", async () => {
    let compared = 0
    for (const { name, text } of samples) {
      const response = await postJson("/v1/diff", { old: text, new: dataOf(text) })
      const body = (await response.json()) as { changes?: Array<Change>; summary?: Record<string, number> }
      expect([200, 422], name).toContain(response.status)
      if (response.status !== 200) continue
      compared++
      expect(body.changes, name).toEqual([])
      expect(body.summary, name).toMatchObject({ breaking: 0, reconfigure: 0, dangerous: 0, safe: 0 })
    }
    expect(compared).toBeGreaterThan(100)
  })

  it("classifies a removed read object as breaking, pointing into the old document", async () => {
    const old = dataOf(sample("hubspot"))
    const integrations = old.integrations as Array<{ name: string; read?: { objects: Array<{ objectName: string }> } }>
    const target = integrations.find((i) => (i.read?.objects.length ?? 0) > 1)
    expect(target).toBeDefined()
    const removed = target!.read!.objects[0]!.objectName
    const edited = structuredClone(old) as typeof old
    const editedTarget = (edited.integrations as typeof integrations).find((i) => i.name === target!.name)!
    editedTarget.read!.objects.splice(0, 1)
    const response = await postJson("/v1/diff", { old: sample("hubspot"), new: edited })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { changes: Array<Change>; summary: Record<string, number> }
    expect(body.changes).toEqual([
      expect.objectContaining({ id: "read-object-removed", level: "breaking", integration: target!.name }),
    ])
    expect(body.changes[0]?.message).toContain(removed)
    expect(body.summary.breaking).toBe(1)
  })

  it("answers 400 for a side that does not parse, with positions under /old", async () => {
    const body = await expectProblem(await postJson("/v1/diff", { old: "a: [1,\nb: 2\n", new: sample("hubspot") }), 400)
    const issues = body.issues as Array<{ name: string; rule: string; line?: number }>
    expect(issues[0]).toMatchObject({ rule: "syntax" })
    expect(issues[0]?.name.startsWith("/old")).toBe(true)
    expect(typeof issues[0]?.line).toBe("number")
  })

  it("answers 400 naming the member for list-installations or a wrapped list of integrations", async () => {
    const installations = JSON.parse(fixture("installations.json"))
    const asNew = await expectProblem(await postJson("/v1/diff", { old: sample("hubspot"), new: installations }), 400)
    expect(asNew.detail).toMatch(
      /^new: expected an amp\.yaml or the list-integrations response, but item 0 looks like an installation/,
    )
    const wrapped = { integrations: JSON.parse(fixture("current.json")) }
    const asOld = await expectProblem(
      await postJson("/v1/diff", { old: JSON.stringify(wrapped), new: sample("hubspot") }),
      400,
    )
    expect(asOld.detail).toBe(
      "old: expected an amp.yaml or the list-integrations response, got an object that holds it under `integrations`: send the array itself",
    )
    expect(asOld.issues).toEqual([expect.objectContaining({ name: "/old" })])
  })

  it("answers 400 naming the member for a document of another kind", async () => {
    const problem = { type: "about:blank", title: "Bad Request", status: 400, detail: "nope" }
    const body = await expectProblem(await postJson("/v1/diff", { old: sample("hubspot"), new: problem }), 400)
    expect(body.issues).toEqual([expect.objectContaining({ name: "/new" })])
  })

  it("answers 422 for a manifest given as JSON with a defect, pointing into the body without line numbers", async () => {
    const broken = { specVersion: "1.0.0", integrations: [{ name: "x", provider: 42, proxy: { enabled: true } }] }
    const response = await postJson("/v1/diff", { old: sample("hubspot"), new: broken })
    const body = await expectProblem(response, 422)
    const issues = body.issues as Array<{ name: string; line?: number }>
    expect(issues.some((i) => i.name.startsWith("/new/integrations/0"))).toBe(true)
    expect(issues.every((i) => i.line === undefined)).toBe(true)
  })
})

describe("POST /v1/plan", () => {
  it("takes installations and project as the CLI does: who reads a removed object, the path filled", async () => {
    const request = {
      current: JSON.parse(fixture("current.json")),
      desired: fixture("desired.yaml"),
      installations: JSON.parse(fixture("installations.json")),
      stopReads: ["hubspotIntegration", "readAndWriteSalesforce"],
      project: "my project",
    }
    const response = await postJson("/v1/plan", request)
    const body = (await response.json()) as {
      integrations: Array<{ name: string; readRemoval?: string }>
      batches: Array<{ destructive: boolean; integrations: Array<string>; request: { path: string } }>
    }
    expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(200)
    expect(body.integrations.map((i) => [i.name, i.readRemoval])).toEqual([
      ["hubspotIntegration", "stop-reads"],
      ["readAndWriteSalesforce", "no-installations"],
      ["readAndWriteZoom", "keep-reading"],
    ])
    expect(body.batches.map((b) => [b.destructive, b.integrations, b.request.path])).toEqual([
      [false, ["readAndWriteSalesforce", "readAndWriteZoom"], "/projects/my%20project/integrations:batch"],
      [true, ["hubspotIntegration"], "/projects/my%20project/integrations:batch"],
    ])
  })

  it("answers 400 naming /installations when it is not list-installations, and /project when unusable", async () => {
    const current = JSON.parse(fixture("current.json"))
    const desired = fixture("desired.yaml")
    const swapped = await expectProblem(await postJson("/v1/plan", { current, desired, installations: current }), 400)
    expect(swapped.detail).toMatch(/^installations: expected a list of installations .* looks like an integration/)
    const installations = JSON.parse(fixture("installations.json"))
    const mixed = await expectProblem(await postJson("/v1/plan", { current: installations, desired }), 400)
    expect(mixed.detail).toBe(
      "current: expected the list-integrations response, but item 0 looks like an installation (list-installations): send it as installations",
    )
    expect(mixed.issues).toEqual([expect.objectContaining({ name: "/current" })])
    const dotted = await expectProblem(await postJson("/v1/plan", { current, desired, project: ".." }), 400)
    expect(dotted.issues).toEqual([expect.objectContaining({ name: "/project" })])
  })

  it("plans a sample against no live integrations: every integration is created, in batches", async () => {
    const desired = sample("hubspot")
    const names = (dataOf(desired).integrations as Array<{ name: string }>).map((i) => i.name)
    const response = await postJson("/v1/plan", { current: [], desired, maxBatch: 1 })
    const body = (await response.json()) as {
      integrations: Array<{ name: string; action: string }>
      batches: Array<{ destructive: boolean; integrations: Array<string>; request: { body: { sourceYaml: string } } }>
      summary: Record<string, number>
    }
    expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(200)
    expect(body.integrations.map((i) => [i.name, i.action])).toEqual(names.map((n) => [n, "create"]))
    expect(body.batches).toHaveLength(names.length)
    for (const batch of body.batches) {
      expect(batch.destructive).toBe(false)
      expect(batch.integrations).toHaveLength(1)
      const check = await postText("/v1/validate", batch.request.body.sourceYaml, "application/yaml")
      expect(check.status).toBe(200)
      await check.arrayBuffer()
    }
    expect(body.summary).toMatchObject({ create: names.length })
  })

  it("answers 422 with issues under /desired for a manifest that breaks rules", async () => {
    const body = await expectProblem(await postJson("/v1/plan", { current: [], desired: sample("netsuiteM2M") }), 422)
    const issues = body.issues as Array<{ name: string; rule: string }>
    expect(issues.map((i) => i.rule)).toContain("always-enabled-fields")
    expect(issues.every((i) => i.name.startsWith("/desired/"))).toBe(true)
  })

  it("answers 400 naming /current when it is not a list of integrations, with one issue per defect in it", async () => {
    const body = await expectProblem(
      await postJson("/v1/plan", { current: [{ hello: 1 }], desired: sample("hubspot") }),
      400,
    )
    expect(body.type).toBe("urn:problem-type:ampkit:request-invalid")
    expect(body.detail).toMatch(/^current: looks like an integration list .* and 5 more problems$/)
    const issues = body.issues as Array<Record<string, unknown>>
    expect(issues.map((i) => i.name)).toEqual(
      ["id", "projectId", "name", "provider", "createTime", "latestRevision"].map((k) => `/current/0/${k}`),
    )
    // `current` was sent as JSON: there is no line or column to point at.
    for (const i of issues)
      expect(i).toEqual({ in: "body", name: i.name, detail: i.detail, rule: "missing-key", severity: "error" })
  })

  it("lists at most MAX_ISSUES defects of /current and counts the rest", async () => {
    const current = Array.from({ length: 40 }, () => ({ hello: 1 }))
    const body = await expectProblem(await postJson("/v1/plan", { current, desired: sample("hubspot") }), 400)
    expect((body.issues as Array<unknown>).length).toBe(100)
    expect(body.omittedIssues).toBe(40 * 6 - 100)
  })
})

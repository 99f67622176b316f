/** Planner edge cases the scenarios do not show: empty sides, duplicates, notes, hostile names, output files. */
import * as Result from "effect/Result"
import { describe, expect, test } from "vitest"
import type { Integration } from "../../src/Api.js"
import { decodeDocument } from "../../src/Document.js"
import type { IntegrationBlock, Manifest } from "../../src/Manifest.js"
import { maxBatchProblem, plan, removedReadObjects } from "../../src/Plan.js"
import { planFiles } from "../../src/render/plan-json.js"
import { renderPlanText, renderPlanVerificationText } from "../../src/render/plan-text.js"

const block = (name: string, objects: Array<string>, extra: Record<string, unknown> = {}): IntegrationBlock =>
  ({
    name,
    provider: "salesforce",
    read: { objects: objects.map((objectName) => ({ objectName, destination: "defaultWebhook" })) },
    ...extra,
  }) as IntegrationBlock

const manifest = (...integrations: Array<IntegrationBlock>): Manifest => ({ specVersion: "1.0.0", integrations })

const live = (...blocks: Array<IntegrationBlock>): ReadonlyArray<Integration> => {
  const r = decodeDocument(
    blocks.map((content, i) => ({
      id: `id-${i}`,
      projectId: "project-456",
      name: content.name,
      provider: content.provider,
      createTime: "2025-01-01T00:00:00Z",
      latestRevision: { id: `rev-${i}`, specVersion: "1.0.0", createTime: "2025-01-01T00:00:00Z", content },
    })),
    "integration-list",
  )
  if (Result.isFailure(r)) throw r.failure
  return r.success.value as ReadonlyArray<Integration>
}

describe("removedReadObjects", () => {
  test("compares names ignoring case, reports the live spelling once, sorted", () => {
    const before = block("a", ["Contact", "account", "LEAD", "lead", "zeta"])
    const after = block("a", ["contact", "ACCOUNT"])
    expect(removedReadObjects(before, after)).toEqual(["LEAD", "zeta"])
    expect(removedReadObjects(block("a", []), after)).toEqual([])
    expect(removedReadObjects({ name: "a", provider: "p" } as IntegrationBlock, after)).toEqual([])
  })
})

describe("plan edge cases", () => {
  test("an empty project: everything is created, in one request", () => {
    const p = plan({ current: [], desired: manifest(block("b", ["x"]), block("a", ["y"])) })
    expect(p.integrations.map((e) => [e.name, e.action])).toEqual([
      ["b", "create"],
      ["a", "create"],
    ])
    expect(p.batches.map((b) => b.integrations)).toEqual([["a", "b"]])
    expect(p.summary).toEqual({ create: 2, update: 0, unchanged: 0, orphan: 0 })
  })

  test("a name twice in the manifest is planned once (the same one the diff keeps)", () => {
    const p = plan({ current: [], desired: manifest(block("a", ["y"]), block("a", ["x"])) })
    expect(p.integrations).toHaveLength(1)
    const sent = p.batches[0]!.request.body.sourceYaml
    expect(sent.match(/- name: a\n/g)).toHaveLength(1)
    expect(sent).toContain("objectName: x")
  })

  test("stopReads that cannot stop anything become notes; the request stays non-destructive", () => {
    const p = plan({
      current: live(block("same", ["x"]), block("gone", ["x"]), block("adds", ["x"])),
      desired: manifest(block("same", ["x"]), block("new", ["x"]), block("adds", ["x", "y"])),
      stopReads: ["same", "new", "gone", "adds", "nowhere"],
    })
    expect(p.notes).toEqual([
      { integration: "same", message: "is unchanged: nothing is sent, no reads stop" },
      { integration: "new", message: "is new: it has no read objects to stop reading" },
      { integration: "adds", message: "removes no read object: there are no reads to stop" },
      { integration: "gone", message: "is not in the manifest: nothing is sent for it" },
      { integration: "nowhere", message: "is neither in the manifest nor live" },
    ])
    expect(p.batches.map((b) => b.destructive)).toEqual([false])
  })

  test("maxBatch must be a whole number of at least 1", () => {
    expect(maxBatchProblem(undefined)).toBeUndefined()
    expect(maxBatchProblem(3)).toBeUndefined()
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "2"])
      expect(maxBatchProblem(bad)).toBeDefined()
    expect(() => plan({ current: [], desired: manifest(block("a", ["x"])), maxBatch: 0 })).toThrow(RangeError)
  })

  test("the planId changes with every input that changes the plan, and only then", () => {
    const base = { current: live(block("a", ["x"])), desired: manifest(block("a", ["x", "y"])) }
    const id = plan(base).planId
    expect(plan({ ...base }).planId).toBe(id)
    expect(plan({ ...base, stopReads: ["a"] }).planId).not.toBe(id)
    expect(plan({ ...base, maxBatch: 1 }).planId).not.toBe(id)
    expect(plan({ ...base, desired: manifest(block("a", ["x", "z"])) }).planId).not.toBe(id)
    expect(plan({ ...base, current: live(block("a", ["w"])) }).planId).not.toBe(id)
    expect(plan({ ...base, installations: [] }).planId).not.toBe(id)
  })
})

describe("plan text", () => {
  const hostile = "evil\u001b[2J\u202e"
  const p = plan({
    current: live(block(hostile, ["x"]), block("same", ["x"]), block("upd", ["x", "old"])),
    desired: manifest(block("same", ["x"]), block("upd", ["x"]), block("new\u0007", ["x"])),
  })

  test("an update lists its changes by level, most severe first, as diff does", () => {
    // In document order: a safe change (a read object added before the others), then a reconfigure one
    // (a required field added to the object after it).
    const object = (objectName: string, fields: Array<string>) => ({
      objectName,
      destination: "defaultWebhook",
      requiredFields: fields.map((fieldName) => ({ fieldName })),
    })
    const upd = (objects: Array<unknown>) => block("upd", [], { read: { objects } })
    const text = renderPlanText(
      plan({
        current: live(upd([object("b", ["id"])])),
        desired: manifest(upd([object("a", ["id"]), object("b", ["id", "email"])])),
      }),
    )
    const levelsShown = text
      .split("\n")
      .map((l) => /^ {6}(breaking|reconfigure|dangerous|safe) /.exec(l)?.[1])
      .filter((l) => l !== undefined)
    const rank = ["breaking", "reconfigure", "dangerous", "safe"]
    expect(new Set(levelsShown).size).toBeGreaterThanOrEqual(2)
    expect(levelsShown).toEqual([...levelsShown].sort((a, b) => rank.indexOf(a) - rank.indexOf(b)))
  })

  test("names from the API and the manifest are escaped", () => {
    const text = renderPlanText(p)
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(text).toContain("! evil\\u{1B}[2J\\u{202E}")
    expect(text).toContain("+ new\\u{7}")
  })

  test("colour only when asked; --verbose lists unchanged ones", () => {
    expect(renderPlanText(p, { color: true })).toContain("\u001b[32m+\u001b[0m")
    expect(renderPlanText(p)).toContain("= 1 integration unchanged (--verbose lists them)")
    expect(renderPlanText(p, { verbose: true })).toMatch(/\n {2}= same +unchanged\n/)
  })

  test("removed read objects say what happens to their reads", () => {
    expect(renderPlanText(p)).toContain(
      "      removes read object `old`: installations keep reading it (--stop-reads upd stops that)\n",
    )
  })

  test("nothing to deploy says so", () => {
    const none = plan({ current: live(block("same", ["x"])), desired: manifest(block("same", ["x"])) })
    const text = renderPlanText(none)
    expect(text).toContain("No changes: the live integrations already match the manifest.")
    expect(text).toMatch(
      /Plan: 0 to create, 0 to update, 1 unchanged, 0 orphans; nothing to deploy\. Plan [0-9a-f]{16}\.\n$/,
    )
  })

  test("verification text", () => {
    expect(renderPlanVerificationText({ ok: true, moved: [] }, "abc")).toBe(
      "✔ plan abc is current: no planned integration moved since planning.\n",
    )
    expect(
      renderPlanVerificationText(
        { ok: false, moved: [{ name: "a\u001b", plannedRevision: null, liveRevision: "r" }] },
        undefined,
      ),
    ).toBe(
      "✖ plan is stale: 1 integration moved since planning:\n  a\\u{1B}: planned against absent, live is revision r\n" +
        "Plan again against the live integrations before deploying.\n",
    )
  })
})

describe("--out files", () => {
  test("names sort in deploy order, zero-padded past nine requests", () => {
    const desired = manifest(...Array.from({ length: 12 }, (_, i) => block(`i${String(i).padStart(2, "0")}`, ["x"])))
    const files = planFiles(plan({ current: [], desired, maxBatch: 1 }))
    expect(files.map((f) => f.name).slice(0, 5)).toEqual([
      "plan.json",
      "batch-01.amp.yaml",
      "batch-01.request.json",
      "batch-02.amp.yaml",
      "batch-02.request.json",
    ])
    expect(files).toHaveLength(25)
    expect(files.at(-2)!.name).toBe("batch-12.amp.yaml")
  })
})

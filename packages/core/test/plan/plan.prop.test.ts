/**
 * The planner's laws over generated projects: a desired manifest (test/arbitraries/manifest.ts) and
 * a live list that overlaps it — the same integrations as desired (reordered), edited ones (a read
 * object dropped, its letter case changed, a schedule moved), unrelated content under the same name,
 * integrations still to create, orphans — with `stopReads`, `maxBatch` and installations.
 */
import { fc, test } from "@fast-check/vitest"
import * as Result from "effect/Result"
import { describe, expect } from "vitest"
import type { Installation, Integration } from "../../src/Api.js"
import { diff } from "../../src/Diff.js"
import { decodeDocument } from "../../src/Document.js"
import type { Manifest } from "../../src/Manifest.js"
import { type PlanInput, plan } from "../../src/Plan.js"
import { verifyPlan } from "../../src/PlanVerify.js"
import { renderPlanJson } from "../../src/render/plan-json.js"
import { apiTimestampArb, integrationBlockArb, integrationNameArb, manifestArb } from "../arbitraries/manifest.js"
import { batchUpsert, fakeProject } from "./fake-server.js"
import { checkPlanLaws, readSourceYaml } from "./plan-laws.js"

type Json = Record<string, unknown>
type Block = Json & { name: string; provider: string; read?: { objects: Array<Json & { objectName: string }> } }

const decodeManifest = (value: unknown): Manifest => {
  const r = decodeDocument(value, "manifest")
  if (Result.isFailure(r)) throw r.failure
  return r.success.value as Manifest
}
const decodeList = (value: unknown): ReadonlyArray<Integration> => {
  const r = decodeDocument(value, "integration-list")
  if (Result.isFailure(r)) throw r.failure
  return r.success.value as ReadonlyArray<Integration>
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Reverse every array and the key order of every object: the same meaning. */
const reorder = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(reorder).reverse()
  if (typeof v === "object" && v !== null) {
    const out: Json = {}
    for (const k of Object.keys(v).reverse()) out[k] = reorder((v as Json)[k])
    return out
  }
  return v
}

/** A live revision content derived from the desired block by one realistic edit. */
const edited = (block: Block, edit: number, index: number): Block => {
  const live = clone(block)
  const objects = live.read?.objects ?? []
  const target = objects.length > 0 ? objects[index % objects.length]! : undefined
  if (target === undefined || edit === 0) {
    live.displayName = `${String(live.displayName ?? live.name)} (old)`
  } else if (edit === 1) {
    // the live revision had one more read object: the desired manifest removes it
    objects.push({ objectName: `legacy_${target.objectName.replace(/\W/g, "")}`, destination: "defaultWebhook" })
  } else if (edit === 2) {
    // only the letter case differs: not a removal (Ampersand compares case-insensitively)
    target.objectName =
      target.objectName.toUpperCase() === target.objectName
        ? target.objectName.toLowerCase()
        : target.objectName.toUpperCase()
  } else {
    target.schedule = target.schedule === "0 0 * * *" ? "*/30 * * * *" : "0 0 * * *"
  }
  return live
}

const wrap = (content: Json, n: number, createTime: string): Json => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  projectId: "project-456",
  name: content.name,
  provider: content.provider,
  createTime,
  latestRevision: { id: `rev-${n}`, specVersion: "1.0.0", createTime, content },
})

const projectArb = manifestArb(6).chain((desired) => {
  const names = desired.integrations.map((b) => b.name)
  return fc
    .record({
      modes: fc.array(fc.constantFrom("create", "same", "reordered", "edited", "random"), {
        minLength: names.length,
        maxLength: names.length,
      }),
      edits: fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 5 })), {
        minLength: names.length,
        maxLength: names.length,
      }),
      randoms: fc.tuple(...names.map((n) => integrationBlockArb(n))),
      orphans: fc.uniqueArray(integrationNameArb, { maxLength: 2 }).chain((os) => {
        const fresh = os.filter((o) => !names.includes(o))
        return fc.tuple(...fresh.map((o) => integrationBlockArb(o)))
      }),
      stopReads: fc.subarray(names),
      maxBatch: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      withInstallations: fc.boolean(),
      installationCounts: fc.array(fc.nat({ max: 2 }), { minLength: 8, maxLength: 8 }),
      time: apiTimestampArb,
      shuffleLive: fc.boolean(),
    })
    .map((g) => {
      const live: Array<Json> = []
      desired.integrations.forEach((block, i) => {
        const mode = g.modes[i]!
        if (mode === "create") return
        const [edit, index] = g.edits[i]!
        const content =
          mode === "same"
            ? clone(block)
            : mode === "reordered"
              ? (reorder(block) as Json)
              : mode === "edited"
                ? edited(block as Block, edit, index)
                : (g.randoms[i] as Json)
        live.push(wrap(content as Json, live.length + 1, g.time))
      })
      for (const o of g.orphans) live.push(wrap(o as Json, live.length + 1, g.time))
      if (g.shuffleLive) live.reverse()
      const installations: Array<Json> = []
      if (g.withInstallations) {
        live.forEach((integration, i) => {
          const content = (integration.latestRevision as { content: Block }).content
          for (let k = 0; k < (g.installationCounts[i % 8] ?? 0); k++) {
            const reads: Json = {}
            ;(content.read?.objects ?? []).forEach((o, j) => {
              if ((j + k) % 2 === 0)
                reads[o.objectName] = { objectName: o.objectName, selectedFields: {}, selectedFieldMappings: {} }
            })
            installations.push({
              id: `inst-${i}-${k}`,
              projectId: "project-456",
              integrationId: integration.id,
              healthStatus: "healthy",
              connection: { id: `conn-${i}-${k}`, provider: content.provider },
              createTime: g.time,
              createdBy: "consumer:c-1",
              config: {
                id: `cfg-${i}-${k}`,
                revisionId: (integration.latestRevision as { id: string }).id,
                createTime: g.time,
                createdBy: "consumer:c-1",
                content: { provider: content.provider, read: { objects: reads } },
              },
            })
          }
        })
      }
      const same = names.filter((_, i) => g.modes[i] === "same" || g.modes[i] === "reordered")
      const installed = g.withInstallations ? installations : undefined
      return { desired, live, installations: installed, stopReads: g.stopReads, maxBatch: g.maxBatch, same }
    })
})

const inputOf = (p: {
  desired: unknown
  live: ReadonlyArray<Json>
  installations: ReadonlyArray<Json> | undefined
  stopReads: ReadonlyArray<string>
  maxBatch: number | undefined
}): PlanInput => ({
  current: decodeList(p.live),
  desired: decodeManifest(p.desired),
  stopReads: p.stopReads,
  ...(p.maxBatch !== undefined ? { maxBatch: p.maxBatch } : {}),
  ...(p.installations !== undefined
    ? { installations: p.installations as unknown as ReadonlyArray<Installation> }
    : {}),
})

const runs = { numRuns: 120 }

describe("plan laws", () => {
  test.prop([projectArb], runs)("batches hold exactly their integrations, as desired; flags never mix", (p) => {
    const input = inputOf(p)
    checkPlanLaws(plan(input), input.desired, p.maxBatch)
  })

  test.prop([projectArb], runs)("deterministic: byte-identical JSON, also from copies of the inputs", (p) => {
    const a = renderPlanJson(plan(inputOf(p)))
    const b = renderPlanJson(plan(inputOf(clone(p))))
    expect(b).toBe(a)
  })

  test.prop([projectArb], runs)("the order of either side changes neither actions nor batches", (p) => {
    const a = plan(inputOf(p))
    const b = plan(inputOf({ ...p, desired: reorder(p.desired), live: [...p.live].reverse() }))
    // sourceYaml keeps the manifest's own order (it is what install UIs show), so only its meaning is compared
    const shape = (x: typeof a) =>
      x.batches.map((batch) => ({ destructive: batch.destructive, integrations: batch.integrations }))
    expect(shape(b)).toEqual(shape(a))
    b.batches.forEach((batch, i) => {
      const left = readSourceYaml(a.batches[i]!.request.body.sourceYaml)
      const right = readSourceYaml(batch.request.body.sourceYaml)
      expect(diff({ value: left }, { value: right }).changes).toEqual([])
    })
    const byName = (x: typeof a) =>
      Object.fromEntries(x.integrations.map((e) => [e.name, [e.action, e.removedReadObjects]]))
    expect(byName(b)).toEqual(byName(a))
  })

  test.prop([projectArb], runs)("idempotent: after the batches are applied, planning again sends nothing", (p) => {
    const first = plan(inputOf(p))
    const project = fakeProject(p.live)
    for (const b of first.batches) batchUpsert(project, b.request)
    const again = plan({ ...inputOf(p), current: decodeList(project.integrations) })
    expect(again.batches).toEqual([])
    for (const e of again.integrations) expect(["unchanged", "orphan"]).toContain(e.action)
    expect(verifyPlan(again, decodeList(project.integrations)).ok).toBe(true)
  })

  test.prop([projectArb], runs)(
    "removed read objects are exactly the live ones without a desired match, ignoring case",
    (p) => {
      const input = inputOf(p)
      const result = plan(input)
      const live = new Map(input.current.map((i) => [i.name, i.latestRevision.content]))
      const desired = new Map(input.desired.integrations.map((b) => [b.name, b]))
      for (const e of result.integrations) {
        if (e.action !== "update") {
          expect(e.removedReadObjects).toBeUndefined()
          continue
        }
        const wanted = new Set((desired.get(e.name)!.read?.objects ?? []).map((o) => o.objectName.toLowerCase()))
        const before = live.get(e.name)!.read?.objects ?? []
        const expected = [
          ...new Set(before.map((o) => o.objectName).filter((n) => !wanted.has(n.toLowerCase()))),
        ].sort()
        expect(e.removedReadObjects).toEqual(expected)
        expect(e.readRemoval !== undefined).toBe(expected.length > 0)
        if (e.readRemoval === "stop-reads") expect(p.stopReads).toContain(e.name)
      }
    },
  )

  test.prop([projectArb], runs)(
    "unchanged means an empty semantic diff; same and reordered content is never sent",
    (p) => {
      const result = plan(inputOf(p))
      const sent = new Set(result.batches.flatMap((b) => b.integrations))
      const actions = new Map(result.integrations.map((e) => [e.name, e.action]))
      for (const name of p.same) expect(actions.get(name)).toBe("unchanged")
      for (const e of result.integrations) {
        if (e.action === "unchanged") expect(e.changes).toEqual([])
        if (e.action === "unchanged" || e.action === "orphan") expect(sent.has(e.name)).toBe(false)
      }
    },
  )
})

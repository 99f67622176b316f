// biome-ignore-all lint/suspicious/noExplicitAny: rewrites mutate plain manifest JSON in place
/**
 * Meaning-preserving rewrites of a manifest (changes.md "Identity"): every array reordered, every
 * object's keys reordered, defaults written out or dropped. A diff against a rewrite is empty.
 * Choices come from a seeded PRNG so that a failing case replays from its fast-check seed.
 */
import { effectiveModule } from "../../src/Catalog.js"
import { clone, type Manifest, type Obj } from "./edits.js"

/** mulberry32: a tiny seeded PRNG (test-only). */
export const prng = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const shuffle = <T>(items: Array<T>, rnd: () => number): Array<T> => {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const reorderKeys = (v: any, rnd: () => number): any => {
  if (Array.isArray(v)) return v.map((x) => reorderKeys(x, rnd))
  if (typeof v !== "object" || v === null) return v
  const out: Obj = {}
  for (const k of shuffle(Object.keys(v), rnd)) out[k] = reorderKeys(v[k], rnd)
  return out
}

/** The same manifest, written differently. */
export const rewrite = (m: Manifest, seed: number): Manifest => {
  const rnd = prng(seed)
  const coin = () => rnd() < 0.5
  const c = clone(m)
  c.integrations = shuffle(c.integrations, rnd)
  for (const int of c.integrations) {
    const defaultModule = effectiveModule(int.provider, undefined)
    if (int.module === undefined && coin()) int.module = defaultModule
    else if (int.module === defaultModule && coin()) delete int.module
    if (int.proxy === undefined && coin()) int.proxy = coin() ? { enabled: false } : { enabled: false, useModule: true }
    else if (int.proxy?.enabled === false && coin()) delete int.proxy
    else if (int.proxy?.enabled === true && int.proxy.useModule === undefined && coin()) int.proxy.useModule = false
    if (int.read !== undefined) {
      int.read.objects = shuffle(int.read.objects, rnd)
      for (const o of int.read.objects) {
        for (const list of ["requiredFields", "optionalFields"])
          if (o[list] !== undefined) o[list] = shuffle(o[list], rnd)
        if (o.schedule === undefined && coin()) o.schedule = ""
        else if (o.schedule === "" && coin()) delete o.schedule
        if (o.backfill === undefined && coin())
          o.backfill = { defaultPeriod: coin() ? { days: 0 } : { fullHistory: false } }
        if (o.delivery === undefined && coin()) o.delivery = coin() ? { mode: "auto" } : {}
      }
    }
    if (int.write !== undefined) {
      int.write.objects = shuffle(int.write.objects, rnd)
      for (const o of int.write.objects) {
        if (o.inheritMapping === undefined && coin()) o.inheritMapping = false
        if (o.valueDefaults === undefined && coin()) o.valueDefaults = coin() ? {} : { allowAnyFields: false }
      }
    }
    if (int.subscribe !== undefined) {
      int.subscribe.objects = shuffle(int.subscribe.objects, rnd)
      for (const o of int.subscribe.objects) {
        if (o.inheritFieldsAndMapping === undefined && coin()) o.inheritFieldsAndMapping = false
        if (Array.isArray(o.otherEvents)) o.otherEvents = shuffle(o.otherEvents, rnd)
        if (Array.isArray(o.updateEvent?.requiredWatchFields))
          o.updateEvent.requiredWatchFields = shuffle(o.updateEvent.requiredWatchFields, rnd)
        if (
          o.associationChangeEvent !== undefined &&
          o.associationChangeEvent.includeFullRecords === undefined &&
          coin()
        ) {
          o.associationChangeEvent.includeFullRecords = false
        }
      }
    }
    if (int.watchSchema !== undefined) {
      if (int.watchSchema.schedule === undefined && coin()) int.watchSchema.schedule = "0 */24 * * *"
      else if (int.watchSchema.schedule === "0 */24 * * *" && coin()) delete int.watchSchema.schedule
    }
  }
  return reorderKeys(c, rnd)
}

/** The manifest as the API's list-integrations would return it (`Integration[]`). */
export const asIntegrationList = (m: Manifest): Array<Obj> =>
  m.integrations.map((content, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    projectId: "project-456",
    name: content.name,
    provider: content.provider,
    createTime: "2024-04-22T18:55:28.456076Z",
    latestRevision: {
      id: `revision-${i}`,
      specVersion: "1.0.0",
      createTime: "2024-04-22T18:55:28.456076Z",
      content: clone(content),
    },
  }))

/**
 * A diff input pair: a manifest and a revision of it with a few real edits (each meant to be one
 * semantic change) plus a full reorder of every array, which is no change at all (changes.md:
 * order never matters). Deterministic for a given seed.
 */
import { parse, stringify } from "yaml"
import { type Prng, prng } from "./prng.js"

type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

export interface Edit {
  /** The change id of changes.md that the edit should produce (exactly one change). */
  readonly expect: string
  readonly integration: string
  readonly description: string
}

export interface DiffPair {
  readonly before: Json
  readonly after: Json
  readonly beforeText: string
  readonly afterText: string
  readonly edits: ReadonlyArray<Edit>
  /** Arrays of two or more items whose order changed. */
  readonly reorderedArrays: number
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v)
const objects = (v: Json | undefined): Array<JsonObject> => (Array.isArray(v) ? v.filter(isObject) : [])
const readObjects = (integration: JsonObject): Array<JsonObject> =>
  isObject(integration.read) ? objects(integration.read.objects) : []
const subscribed = (integration: JsonObject): Set<string> =>
  new Set(
    (isObject(integration.subscribe) ? objects(integration.subscribe.objects) : []).map((o) => String(o.objectName)),
  )

interface EditKind {
  readonly expect: string
  /** Applies the edit when the integration fits; returns its description, or undefined. */
  readonly apply: (integration: JsonObject) => string | undefined
}

const editKinds: ReadonlyArray<EditKind> = [
  {
    expect: "read-object-schedule-changed",
    apply: (i) => {
      const o = readObjects(i).find((o) => typeof o.schedule === "string" && o.schedule !== "")
      if (o === undefined) return undefined
      const before = o.schedule
      o.schedule = before === "0 */2 * * *" ? "0 */3 * * *" : "0 */2 * * *"
      return `schedule of read object ${String(o.objectName)}: ${String(before)} → ${o.schedule}`
    },
  },
  {
    expect: "read-object-removed",
    apply: (i) => {
      const list = isObject(i.read) && Array.isArray(i.read.objects) ? i.read.objects : []
      const subs = subscribed(i)
      const index = list.findIndex((o) => isObject(o) && !subs.has(String(o.objectName)))
      if (list.length < 2 || index < 0) return undefined
      const [removed] = list.splice(index, 1)
      return `read object ${String(isObject(removed) ? removed.objectName : "")} removed`
    },
  },
  {
    expect: "optional-field-added",
    apply: (i) => {
      const o = readObjects(i).find((o) => Array.isArray(o.optionalFields) || o.optionalFields === undefined)
      if (o === undefined) return undefined
      if (!Array.isArray(o.optionalFields)) o.optionalFields = []
      o.optionalFields.push({ fieldName: "bench_added_field" })
      return `optional field bench_added_field added to ${String(o.objectName)}`
    },
  },
  {
    expect: "field-mapping-changed",
    apply: (i) => {
      for (const o of readObjects(i)) {
        for (const f of [...objects(o.requiredFields), ...objects(o.optionalFields)]) {
          if (typeof f.fieldName === "string" && typeof f.mapToName === "string") {
            const before = f.mapToName
            f.mapToName = `${before}_v2`
            return `field ${f.fieldName} of ${String(o.objectName)} now maps to ${f.mapToName} (was ${before})`
          }
        }
      }
      return undefined
    },
  },
  {
    expect: "read-object-destination-changed",
    apply: (i) => {
      const o = readObjects(i).find((o) => typeof o.destination === "string" && o.destination !== "")
      if (o === undefined) return undefined
      const before = o.destination
      o.destination = `${String(before)}V2`
      return `destination of read object ${String(o.objectName)}: ${String(before)} → ${o.destination}`
    },
  },
]

/** Every array under `value` in a new seeded order (never the old one); counts the reordered arrays. */
const reorder = (value: Json, random: Prng, counter: { n: number }): Json => {
  if (Array.isArray(value)) {
    const items = value.map((v) => reorder(v, random, counter))
    if (items.length < 2) return items
    let shuffled = random.shuffle(items)
    if (shuffled.every((v, k) => v === items[k])) shuffled = [...items.slice(1), items[0]!]
    counter.n++
    return shuffled
  }
  if (isObject(value)) {
    const out: JsonObject = {}
    for (const [k, v] of Object.entries(value)) out[k] = reorder(v, random, counter)
    return out
  }
  return value
}

/** The pair for a manifest text: every edit kind once (each on its own integration), one added integration, a full reorder. */
export const diffPair = (beforeText: string, seed: number): DiffPair => {
  const before = parse(beforeText) as Json
  const after = structuredClone(before)
  if (!isObject(after) || !Array.isArray(after.integrations)) throw new Error("not a manifest")
  const integrations = objects(after.integrations)
  const random = prng(seed)
  const order = random.shuffle(integrations.map((_, k) => k))
  const used = new Set<number>()
  const edits: Array<Edit> = []
  for (const kind of editKinds) {
    for (const k of order) {
      if (used.has(k)) continue
      const integration = integrations[k]!
      const description = kind.apply(integration)
      if (description === undefined) continue
      used.add(k)
      edits.push({ expect: kind.expect, integration: String(integration.name), description })
      break
    }
  }
  if (edits.length !== editKinds.length) throw new Error("the manifest is too small for every edit kind")
  const template = integrations[order.find((k) => !used.has(k))!]!
  const added = { ...structuredClone(template), name: "bench-added-integration" }
  after.integrations.push(added)
  edits.push({ expect: "integration-added", integration: added.name, description: "a new integration" })
  const counter = { n: 0 }
  const reordered = reorder(after, random, counter)
  return { before, after: reordered, beforeText, afterText: stringify(reordered), edits, reorderedArrays: counter.n }
}

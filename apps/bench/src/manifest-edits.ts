/**
 * Real edits of one integration block (plain JSON), each meant to produce exactly one semantic
 * change of changes.md: the edits of the diff pair and of the plan's live list.
 */

export type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export interface Edit {
  /** The change id of changes.md that the edit should produce (exactly one change). */
  readonly expect: string
  readonly integration: string
  readonly description: string
}

export const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v)
export const objects = (v: Json | undefined): Array<JsonObject> => (Array.isArray(v) ? v.filter(isObject) : [])
const readObjects = (integration: JsonObject): Array<JsonObject> =>
  isObject(integration.read) ? objects(integration.read.objects) : []
const subscribed = (integration: JsonObject): Set<string> =>
  new Set(
    (isObject(integration.subscribe) ? objects(integration.subscribe.objects) : []).map((o) => String(o.objectName)),
  )

export interface EditKind {
  readonly expect: string
  /** Applies the edit when the integration fits; returns its description, or undefined. */
  readonly apply: (integration: JsonObject) => string | undefined
}

export const editKinds: ReadonlyArray<EditKind> = [
  {
    expect: "display-name-changed",
    apply: (i) => {
      const before = typeof i.displayName === "string" ? i.displayName : undefined
      i.displayName = `${before ?? String(i.name)} (new)`
      return `display name: ${before ?? "(none)"} → ${i.displayName}`
    },
  },
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

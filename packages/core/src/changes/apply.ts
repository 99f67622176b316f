/**
 * Apply: replay a list of changes on a document, using only what each change says (id, integration,
 * subject, before, after). It exists to state the diff's completeness law (changes.md law 2):
 * `canonicalIntegrations(applyChanges(a, diff(a, b).changes))` equals `canonicalIntegrations(b)`.
 * It is written against the change data, not the diff's internals, so it checks them.
 *
 * Changes are replayed in phases, so the order of the list does not matter: integrations; their
 * members and whole actions; object renames; objects; object members; field entries. Field changes
 * of one object are resolved against the entries as they were before any field change.
 */
import { canonicalJson } from "../Fingerprint.js"
import type { ChangeData, ChangeId, Json } from "./Change.js"
import { blocksOf } from "./document.js"
import { compareStrings, deliveredKey, integrationJson, normaliseIntegration } from "./normal.js"

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T))

/**
 * The integrations of a document in canonical form (normalised, defaults dropped, arrays sorted,
 * the effective module written out), sorted by name: equal for documents that mean the same,
 * whatever their kind.
 */
export const canonicalIntegrations = (value: unknown): Array<Json> => {
  const b = blocksOf(value)
  if (!b.ok) throw new Error(b.message)
  const byName = new Map<string, Json>()
  for (const block of b.blocks) {
    const json = integrationJson(normaliseIntegration(block.value, block.pointer), { explicitModule: true })
    const name = String(json.name)
    const seen = byName.get(name)
    if (seen === undefined || canonicalJson(json) < canonicalJson(seen)) byName.set(name, json)
  }
  return [...byName.keys()].sort(compareStrings).map((k) => byName.get(k)!)
}

const integrationMembers: ReadonlySet<ChangeId> = new Set<ChangeId>([
  "provider-changed",
  "module-changed",
  "display-name-changed",
  "read-added",
  "read-removed",
  "write-added",
  "write-removed",
  "subscribe-added",
  "subscribe-removed",
  "proxy-enabled-changed",
  "proxy-use-module-changed",
  "watch-schema-added",
  "watch-schema-removed",
  "watch-schema-changed",
])

const objectPresence: ReadonlySet<ChangeId> = new Set<ChangeId>([
  "read-object-added",
  "read-object-removed",
  "write-object-added",
  "write-object-removed",
  "subscribe-object-added",
  "subscribe-object-removed",
])

const fieldIds: ReadonlySet<ChangeId> = new Set<ChangeId>([
  "required-field-added",
  "required-field-removed",
  "optional-field-added",
  "optional-field-removed",
  "field-made-optional",
  "field-made-required",
  "field-mapping-changed",
  "field-source-changed",
  "field-display-changed",
])

const phaseOf = (id: ChangeId): number => {
  if (id === "integration-added" || id === "integration-removed") return 0
  if (integrationMembers.has(id)) return 1
  if (id === "object-name-case-changed") return 2
  if (objectPresence.has(id)) return 3
  if (fieldIds.has(id)) return 5
  return 4
}

const setOrDelete = (target: Obj, key: string, value: Json | undefined): void => {
  if (value === undefined) delete target[key]
  else target[key] = clone(value)
}

const objectsOf = (block: Obj, area: string): Array<Obj> | undefined => {
  const action = block[area]
  return isObj(action) && Array.isArray(action.objects) ? (action.objects as Array<Obj>) : undefined
}

const findObject = (block: Obj, area: string, name: string): Obj | undefined =>
  objectsOf(block, area)?.find((o) => o.objectName === name)

/** Replay `changes` on the document `before` (any kind); the result is a manifest. */
export const applyChanges = (
  before: unknown,
  changes: ReadonlyArray<ChangeData>,
): { specVersion: string; integrations: Array<Obj> } => {
  const blocks = new Map<string, Obj>()
  for (const json of canonicalIntegrations(before)) {
    const block = clone(json) as Obj
    blocks.set(String(block.name), block)
  }
  const ordered = changes.map((c, i) => ({ c, i })).sort((x, y) => phaseOf(x.c.id) - phaseOf(y.c.id) || x.i - y.i)
  const fieldGroups = new Map<string, Array<ChangeData>>()
  for (const { c } of ordered) {
    if (phaseOf(c.id) === 5) {
      const key = JSON.stringify([c.integration, c.subject[1]])
      const list = fieldGroups.get(key)
      if (list === undefined) fieldGroups.set(key, [c])
      else list.push(c)
      continue
    }
    if (c.id === "integration-added") {
      blocks.set(c.integration, clone(c.after) as Obj)
      continue
    }
    if (c.id === "integration-removed") {
      blocks.delete(c.integration)
      continue
    }
    const block = blocks.get(c.integration)
    if (block === undefined) continue
    applyOne(block, c)
  }
  for (const group of fieldGroups.values()) {
    const first = group[0]!
    const block = blocks.get(first.integration)
    const object = block === undefined ? undefined : findObject(block, "read", first.subject[1] ?? "")
    if (object !== undefined) applyFields(object, group)
  }
  return {
    specVersion: "1.0.0",
    integrations: [...blocks.keys()].sort(compareStrings).map((k) => blocks.get(k)!),
  }
}

const applyOne = (block: Obj, c: ChangeData): void => {
  const [area = "", name = "", member = ""] = c.subject
  switch (c.id) {
    case "provider-changed":
      block.provider = c.after
      return
    case "module-changed":
      setOrDelete(block, "module", c.after)
      return
    case "display-name-changed":
      setOrDelete(block, "displayName", c.after)
      return
    case "read-added":
    case "write-added":
    case "subscribe-added":
    case "read-removed":
    case "write-removed":
    case "subscribe-removed":
      setOrDelete(block, area, c.after)
      return
    case "proxy-enabled-changed":
      block.proxy = clone(c.after)
      return
    case "proxy-use-module-changed":
      if (isObj(block.proxy)) block.proxy.useModule = c.after
      return
    case "watch-schema-added":
    case "watch-schema-removed":
    case "watch-schema-changed":
      setOrDelete(block, "watchSchema", c.after)
      return
    case "object-name-case-changed": {
      const o = findObject(block, area, String(c.before))
      if (o !== undefined) o.objectName = c.after
      return
    }
    case "read-object-added":
    case "write-object-added":
    case "subscribe-object-added": {
      if (!isObj(block[area])) block[area] = { objects: [] }
      const objects = objectsOf(block, area)!
      const i = objects.findIndex((o) => o.objectName === name)
      if (i >= 0) objects[i] = clone(c.after) as Obj
      else objects.push(clone(c.after) as Obj)
      return
    }
    case "read-object-removed":
    case "write-object-removed":
    case "subscribe-object-removed": {
      const objects = objectsOf(block, area)
      if (objects !== undefined) (block[area] as Obj).objects = objects.filter((o) => o.objectName !== name)
      return
    }
  }
  const o = findObject(block, area, name)
  if (o === undefined) return
  switch (c.id) {
    case "read-object-always-enabled-changed":
    case "read-object-destination-changed":
    case "read-object-schedule-changed":
    case "read-object-mapping-changed":
    case "read-object-display-changed":
    case "optional-fields-auto-added":
    case "optional-fields-auto-removed":
    case "backfill-changed":
    case "delivery-changed":
    case "write-inherit-mapping-changed":
    case "write-value-defaults-changed":
    case "subscribe-destination-changed":
    case "subscribe-inherit-fields-changed":
    case "subscribe-event-added":
    case "subscribe-event-removed":
      setOrDelete(o, member, c.after)
      return
    case "subscribe-other-event-added":
      o.otherEvents = [...(Array.isArray(o.otherEvents) ? o.otherEvents : []), c.after]
      return
    case "subscribe-other-event-removed":
      o.otherEvents = (Array.isArray(o.otherEvents) ? o.otherEvents : []).filter((e) => e !== c.before)
      return
    case "watch-fields-changed": {
      if (!isObj(o.updateEvent)) o.updateEvent = {}
      const u = o.updateEvent as Obj
      delete u.watchFieldsAuto
      delete u.requiredWatchFields
      Object.assign(u, clone(c.after))
      return
    }
    case "association-full-records-changed": {
      if (!isObj(o.associationChangeEvent)) o.associationChangeEvent = {}
      ;(o.associationChangeEvent as Obj).includeFullRecords = c.after
      return
    }
    default:
      throw new Error(`applyChanges: no replay for change id ${c.id}`)
  }
}

/** Field changes of one read object, resolved against its entries before any of them. */
const applyFields = (object: Obj, changes: ReadonlyArray<ChangeData>): void => {
  const entries: Array<{ entry: Obj; required: boolean; gone: boolean }> = []
  for (const [list, required] of [
    ["requiredFields", true],
    ["optionalFields", false],
  ] as const) {
    const v = object[list]
    if (Array.isArray(v)) for (const e of v) if (isObj(e)) entries.push({ entry: e, required, gone: false })
  }
  const byKey = new Map(entries.map((e) => [deliveredKey(e.entry), e]))
  const added: Array<{ entry: Obj; required: boolean; gone: boolean }> = []
  for (const c of changes) {
    if (c.id === "required-field-added" || c.id === "optional-field-added") {
      added.push({ entry: clone(c.after) as Obj, required: c.id === "required-field-added", gone: false })
      continue
    }
    const target = isObj(c.before) ? byKey.get(deliveredKey(c.before)) : undefined
    if (target === undefined) continue
    if (c.id === "required-field-removed" || c.id === "optional-field-removed") {
      target.gone = true
      continue
    }
    target.entry = clone(c.after) as Obj
    if (c.id === "field-made-optional") target.required = false
    if (c.id === "field-made-required") target.required = true
  }
  const all = [...entries, ...added].filter((e) => !e.gone)
  const required = all.filter((e) => e.required).map((e) => e.entry)
  const optional = all.filter((e) => !e.required).map((e) => e.entry)
  if (required.length > 0) object.requiredFields = required
  else delete object.requiredFields
  if (optional.length > 0) object.optionalFields = optional
  else delete object.optionalFields
}

/**
 * The normal form the diff compares: integration blocks keyed by name, objects keyed by
 * `objectName`, field entries keyed by their delivered key, sets sorted, and every default made
 * explicit or dropped (changes.md "Identity"):
 *
 * - `proxy` absent ≡ `enabled: false`; the `useModule` of a disabled proxy has no effect and is dropped;
 * - `schedule: ''` ≡ no schedule; `watchSchema.schedule` absent or `''` ≡ `0 *\/24 * * *`;
 * - `inheritMapping`, `inheritFieldsAndMapping`, `allowAnyFields`, `includeFullRecords` absent ≡ `false`;
 * - `delivery` absent ≡ `mode: auto`;
 * - `backfill` absent ≡ `days: 0` ≡ `fullHistory: false` (no backfill, domain.md §2.4);
 * - `module` absent ≡ the provider's default module (Catalog.ts `effectiveModule`);
 * - an event block (`createEvent` …) without `enabled` ≡ `enabled: always`, the only value;
 * - `requiredWatchFields` and `otherEvents` are sets (order and repeats do not count).
 *
 * Each normalised node keeps its JSON pointer in the document it came from, for positions (built by
 * concatenation: every segment is a schema key or an array index, none needs RFC 6901 escaping).
 * `*Json` functions give the canonical compact JSON of a node (defaults omitted, arrays sorted):
 * the `before` / `after` of added and removed things.
 */
import { effectiveModule } from "../Catalog.js"
import { canonicalJson } from "../Fingerprint.js"
import type {
  FieldEntry,
  IntegrationBlock,
  ReadObject,
  SubscribeObject,
  UpdateEvent,
  WatchSchema,
  WriteObject,
} from "../Manifest.js"
import type { Json } from "./Change.js"

type JsonObject = { [key: string]: Json }

/** The default schedule of `watchSchema` (domain.md §2.10). */
export const defaultWatchSchedule = "0 */24 * * *"

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const isString = (v: unknown): v is string => typeof v === "string"
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)
/** The value of an optional string member; `null` (a YAML `key:` with nothing) counts as absent. */
const optString = (v: unknown): string | undefined => (isString(v) ? v : undefined)

/** A field entry of a read object, identified by its delivered key. */
export interface NField {
  /** The delivered key: `mapToName` if present, else `fieldName`. */
  readonly key: string
  readonly fieldName: string | undefined
  readonly mapToName: string | undefined
  /** The entry as written. */
  readonly raw: Record<string, unknown>
  /** Canonical JSON of the entry (built on first use). */
  readonly entry: JsonObject
  readonly required: boolean
  readonly pointer: string
}

/**
 * A field entry normalised lazily: real manifests have thousands of entries and nearly all of them
 * are unchanged, so the canonical JSON and the pointer are only built for entries a change is about.
 */
class Field implements NField {
  readonly key: string
  private json: JsonObject | undefined
  constructor(
    readonly raw: Record<string, unknown>,
    readonly required: boolean,
    private readonly parent: string,
    private readonly list: string,
    private readonly index: number,
  ) {
    this.key = deliveredKey(raw)
  }
  get fieldName(): string | undefined {
    return optString(this.raw.fieldName)
  }
  get mapToName(): string | undefined {
    return optString(this.raw.mapToName)
  }
  get entry(): JsonObject {
    if (this.json === undefined) this.json = fieldEntryJson(this.raw)
    return this.json
  }
  get pointer(): string {
    return `${this.parent}/${this.list}/${this.index}`
  }
}

const entryKeys = ["fieldName", "mapToName", "mapToDisplayName", "default", "prompt"] as const

/** Whether two entries mean the same (their string members are equal). */
export const sameEntry = (a: NField, b: NField): boolean => {
  for (const key of entryKeys) if (optString(a.raw[key]) !== optString(b.raw[key])) return false
  return true
}

export interface NReadObject {
  readonly name: string
  readonly pointer: string
  readonly raw: Record<string, unknown>
  readonly destination: string | undefined
  readonly schedule: string | undefined
  readonly mapToName: string | undefined
  readonly mapToDisplayName: string | undefined
  readonly optionalFieldsAuto: string | undefined
  readonly enabled: string | undefined
  /** Explicit: `{ defaultPeriod: { days: 0 } }` when there is no backfill. */
  readonly backfill: JsonObject
  /** Explicit: `{ mode: "auto" }` when absent. */
  readonly delivery: JsonObject
  readonly fields: ReadonlyMap<string, NField>
}

export interface NWriteObject {
  readonly name: string
  readonly pointer: string
  readonly raw: Record<string, unknown>
  readonly inheritMapping: boolean
  readonly valueDefaults: { readonly allowAnyFields: boolean }
}

export const eventKeys = ["createEvent", "updateEvent", "deleteEvent", "associationChangeEvent"] as const
export type EventKey = (typeof eventKeys)[number]

export interface NSubscribeObject {
  readonly name: string
  readonly pointer: string
  readonly raw: Record<string, unknown>
  readonly destination: string | undefined
  readonly inheritFieldsAndMapping: boolean
  /** Canonical JSON of each present event block. */
  readonly events: ReadonlyMap<EventKey, JsonObject>
  /** The updateEvent's watch settings: `{ watchFieldsAuto?, requiredWatchFields? }`. */
  readonly watch: JsonObject | undefined
  readonly includeFullRecords: boolean | undefined
  readonly otherEvents: ReadonlyArray<string>
}

/** An action (read, write, subscribe) with its objects keyed by `objectName`. */
export interface NAction<T> {
  readonly pointer: string
  readonly objects: ReadonlyMap<string, T>
}

export interface NIntegration {
  readonly name: string
  readonly pointer: string
  readonly raw: Record<string, unknown>
  readonly provider: string
  readonly displayName: string | undefined
  /** The effective module (absent → the provider's default). */
  readonly module: string
  readonly read: NAction<NReadObject> | undefined
  readonly write: NAction<NWriteObject> | undefined
  readonly subscribe: NAction<NSubscribeObject> | undefined
  /** Explicit: `{ enabled: false }` or `{ enabled: true, useModule }`. */
  readonly proxy: JsonObject
  readonly watchSchema: JsonObject | undefined
}

/** A member's pointer when the member is written in `raw`, else the node's own pointer. */
export const memberPointer = (node: { pointer: string; raw: Record<string, unknown> }, key: string): string =>
  Object.hasOwn(node.raw, key) && node.raw[key] !== null ? `${node.pointer}/${key}` : node.pointer

// ---------------------------------------------------------------------------------------------
// Fields

/** Canonical JSON of a field entry: its string members in schema order. */
export const fieldEntryJson = (entry: Record<string, unknown>): JsonObject => {
  const out: JsonObject = {}
  for (const key of entryKeys) {
    const v = optString(entry[key])
    if (v !== undefined) out[key] = v
  }
  return out
}

/** The delivered key of a field entry: `mapToName` if present, else `fieldName`. */
export const deliveredKey = (entry: { readonly fieldName?: unknown; readonly mapToName?: unknown }): string =>
  optString(entry.mapToName) ?? optString(entry.fieldName) ?? ""

const normaliseFields = (raw: Record<string, unknown>, pointer: string): Map<string, NField> => {
  const out = new Map<string, NField>()
  for (const list of ["requiredFields", "optionalFields"] as const) {
    const entries = raw[list]
    if (!Array.isArray(entries)) continue
    for (let i = 0; i < entries.length; i++) {
      const e: FieldEntry | unknown = entries[i]
      if (!isRecord(e)) continue
      const field = new Field(e, list === "requiredFields", pointer, list, i)
      // Two entries delivering the same key (a rule error): keep one whatever the order, the
      // required one first, then the smaller canonical JSON.
      const seen = out.get(field.key)
      if (seen === undefined || preferField(field, seen)) out.set(field.key, field)
    }
  }
  return out
}

const preferField = (a: NField, b: NField): boolean =>
  a.required !== b.required ? a.required : canonicalJson(a.entry) < canonicalJson(b.entry)

// ---------------------------------------------------------------------------------------------
// Objects

/** Backfill normal form, explicit: no backfill is `{ defaultPeriod: { days: 0 } }`. */
export const backfillJson = (backfill: unknown): JsonObject => {
  const period = isRecord(backfill) && isRecord(backfill.defaultPeriod) ? backfill.defaultPeriod : {}
  const out: JsonObject = {}
  if (period.fullHistory === true) out.fullHistory = true
  if (typeof period.days === "number" && period.days !== 0) out.days = period.days
  if (Object.keys(out).length === 0) out.days = 0
  return { defaultPeriod: out }
}

/** Whether a backfill normal form is a real backfill (not `{ defaultPeriod: { days: 0 } }`). */
export const hasBackfill = (b: JsonObject): boolean => {
  const period = b.defaultPeriod as JsonObject
  return period.fullHistory === true || (period.days !== undefined && period.days !== 0)
}

/** Delivery normal form, explicit: absent is `{ mode: "auto" }`. */
export const deliveryJson = (delivery: unknown): JsonObject => {
  const d = isRecord(delivery) ? delivery : {}
  const out: JsonObject = { mode: optString(d.mode) ?? "auto" }
  if (typeof d.pageSize === "number") out.pageSize = d.pageSize
  return out
}

const isDefaultDelivery = (d: JsonObject): boolean => d.mode === "auto" && d.pageSize === undefined

export const normaliseReadObject = (raw: ReadObject | Record<string, unknown>, pointer: string): NReadObject => {
  const r = raw as Record<string, unknown>
  const schedule = optString(r.schedule)
  return {
    name: optString(r.objectName) ?? "",
    pointer,
    raw: r,
    destination: optString(r.destination),
    schedule: schedule === "" ? undefined : schedule,
    mapToName: optString(r.mapToName),
    mapToDisplayName: optString(r.mapToDisplayName),
    optionalFieldsAuto: optString(r.optionalFieldsAuto),
    enabled: optString(r.enabled),
    backfill: backfillJson(r.backfill),
    delivery: deliveryJson(r.delivery),
    fields: normaliseFields(r, pointer),
  }
}

const sortedFields = (o: NReadObject, required: boolean): Array<Json> =>
  [...o.fields.values()]
    .filter((f) => f.required === required)
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((f) => f.entry)

/** Canonical compact JSON of a read object. */
export const readObjectJson = (o: NReadObject): JsonObject => {
  const out: JsonObject = { objectName: o.name }
  if (o.destination !== undefined) out.destination = o.destination
  if (o.schedule !== undefined) out.schedule = o.schedule
  if (o.mapToName !== undefined) out.mapToName = o.mapToName
  if (o.mapToDisplayName !== undefined) out.mapToDisplayName = o.mapToDisplayName
  const required = sortedFields(o, true)
  const optional = sortedFields(o, false)
  if (required.length > 0) out.requiredFields = required
  if (optional.length > 0) out.optionalFields = optional
  if (o.optionalFieldsAuto !== undefined) out.optionalFieldsAuto = o.optionalFieldsAuto
  if (hasBackfill(o.backfill)) out.backfill = o.backfill
  if (!isDefaultDelivery(o.delivery)) out.delivery = o.delivery
  if (o.enabled !== undefined) out.enabled = o.enabled
  return out
}

export const normaliseWriteObject = (raw: WriteObject | Record<string, unknown>, pointer: string): NWriteObject => {
  const r = raw as Record<string, unknown>
  return {
    name: optString(r.objectName) ?? "",
    pointer,
    raw: r,
    inheritMapping: r.inheritMapping === true,
    valueDefaults: { allowAnyFields: isRecord(r.valueDefaults) && r.valueDefaults.allowAnyFields === true },
  }
}

export const writeObjectJson = (o: NWriteObject): JsonObject => {
  const out: JsonObject = { objectName: o.name }
  if (o.inheritMapping) out.inheritMapping = true
  if (o.valueDefaults.allowAnyFields) out.valueDefaults = { allowAnyFields: true }
  return out
}

/** A sorted set of the strings of an array. */
export const stringSet = (v: unknown): Array<string> =>
  Array.isArray(v) ? [...new Set(v.filter(isString))].sort(compareStrings) : []

/** The watch settings of an update event: `{ watchFieldsAuto?, requiredWatchFields? }` (an empty list is none). */
export const watchJson = (update: UpdateEvent | Record<string, unknown>): JsonObject => {
  const u = update as Record<string, unknown>
  const out: JsonObject = {}
  const auto = optString(u.watchFieldsAuto)
  if (auto !== undefined) out.watchFieldsAuto = auto
  const fields = stringSet(u.requiredWatchFields)
  if (fields.length > 0) out.requiredWatchFields = fields
  return out
}

const eventJson = (key: EventKey, raw: Record<string, unknown>): JsonObject => {
  const out: JsonObject = { enabled: optString(raw.enabled) ?? "always" }
  if (key === "updateEvent") Object.assign(out, watchJson(raw))
  if (key === "associationChangeEvent" && raw.includeFullRecords === true) out.includeFullRecords = true
  return out
}

export const normaliseSubscribeObject = (
  raw: SubscribeObject | Record<string, unknown>,
  pointer: string,
): NSubscribeObject => {
  const r = raw as Record<string, unknown>
  const events = new Map<EventKey, JsonObject>()
  for (const key of eventKeys) {
    const e = r[key]
    if (isRecord(e)) events.set(key, eventJson(key, e))
  }
  const update = r.updateEvent
  const association = r.associationChangeEvent
  return {
    name: optString(r.objectName) ?? "",
    pointer,
    raw: r,
    destination: optString(r.destination),
    inheritFieldsAndMapping: r.inheritFieldsAndMapping === true,
    events,
    watch: isRecord(update) ? watchJson(update) : undefined,
    includeFullRecords: isRecord(association) ? association.includeFullRecords === true : undefined,
    otherEvents: stringSet(r.otherEvents),
  }
}

export const subscribeObjectJson = (o: NSubscribeObject): JsonObject => {
  const out: JsonObject = { objectName: o.name }
  if (o.destination !== undefined) out.destination = o.destination
  if (o.inheritFieldsAndMapping) out.inheritFieldsAndMapping = true
  for (const key of eventKeys) {
    const e = o.events.get(key)
    if (e !== undefined) out[key] = e
  }
  if (o.otherEvents.length > 0) out.otherEvents = o.otherEvents
  return out
}

// ---------------------------------------------------------------------------------------------
// Integration

const normaliseAction = <T extends { name: string; raw: Record<string, unknown> }>(
  raw: unknown,
  pointer: string,
  normaliseObject: (o: Record<string, unknown>, pointer: string) => T,
  json: (o: T) => JsonObject,
): NAction<T> | undefined => {
  if (!isRecord(raw)) return undefined
  const objects = new Map<string, T>()
  const list = raw.objects
  if (Array.isArray(list)) {
    list.forEach((o: unknown, i) => {
      if (!isRecord(o)) return
      const n = normaliseObject(o, `${pointer}/objects/${i}`)
      // The same objectName twice (a rule error): keep one whatever the order.
      const seen = objects.get(n.name)
      if (seen === undefined || canonicalJson(json(n)) < canonicalJson(json(seen))) objects.set(n.name, n)
    })
  }
  return { pointer, objects }
}

/** Proxy normal form, explicit: `{ enabled: false }` or `{ enabled: true, useModule }`. */
export const proxyJson = (proxy: unknown): JsonObject => {
  const p = isRecord(proxy) ? proxy : {}
  return p.enabled === true ? { enabled: true, useModule: p.useModule === true } : { enabled: false }
}

/** watchSchema normal form: the default schedule is omitted; an event block is `{ enabled: "always" }`. */
export const watchSchemaJson = (ws: WatchSchema | Record<string, unknown>): JsonObject => {
  const w = ws as Record<string, unknown>
  const out: JsonObject = {}
  const destination = optString(w.destination)
  if (destination !== undefined) out.destination = destination
  const schedule = optString(w.schedule)
  if (schedule !== undefined && schedule !== "" && schedule !== defaultWatchSchedule) out.schedule = schedule
  const all = isRecord(w.allObjects) ? w.allObjects : {}
  const allObjects: JsonObject = {}
  for (const key of ["fieldCreated", "fieldDeleted", "fieldChanged"]) {
    const e = all[key]
    if (isRecord(e)) allObjects[key] = { enabled: optString(e.enabled) ?? "always" }
  }
  out.allObjects = allObjects
  return out
}

export const normaliseIntegration = (
  raw: IntegrationBlock | Record<string, unknown>,
  pointer: string,
): NIntegration => {
  const r = raw as Record<string, unknown>
  const provider = optString(r.provider) ?? ""
  return {
    name: optString(r.name) ?? "",
    pointer,
    raw: r,
    provider,
    displayName: optString(r.displayName),
    module: effectiveModule(provider, optString(r.module)),
    read: normaliseAction(r.read, `${pointer}/read`, normaliseReadObject, readObjectJson),
    write: normaliseAction(r.write, `${pointer}/write`, normaliseWriteObject, writeObjectJson),
    subscribe: normaliseAction(r.subscribe, `${pointer}/subscribe`, normaliseSubscribeObject, subscribeObjectJson),
    proxy: proxyJson(r.proxy),
    watchSchema: isRecord(r.watchSchema) ? watchSchemaJson(r.watchSchema) : undefined,
  }
}

const actionJson = <T extends { name: string }>(action: NAction<T>, json: (o: T) => JsonObject): JsonObject => ({
  objects: [...action.objects.values()].sort((a, b) => compareStrings(a.name, b.name)).map(json),
})

/** Canonical compact JSON of an action block. */
export const readJson = (a: NAction<NReadObject>): JsonObject => actionJson(a, readObjectJson)
export const writeJson = (a: NAction<NWriteObject>): JsonObject => actionJson(a, writeObjectJson)
export const subscribeJson = (a: NAction<NSubscribeObject>): JsonObject => actionJson(a, subscribeObjectJson)

/**
 * Canonical compact JSON of an integration block: equal for blocks that mean the same. The module
 * is written only when it is not the provider's default, unless `explicitModule` (then always: a
 * form that keeps its meaning when the provider is edited afterwards).
 */
export const integrationJson = (n: NIntegration, options: { readonly explicitModule?: boolean } = {}): JsonObject => {
  const out: JsonObject = { name: n.name, provider: n.provider }
  if (n.displayName !== undefined) out.displayName = n.displayName
  if (options.explicitModule === true || n.module !== effectiveModule(n.provider, undefined)) out.module = n.module
  if (n.read !== undefined) out.read = readJson(n.read)
  if (n.write !== undefined) out.write = writeJson(n.write)
  if (n.subscribe !== undefined) out.subscribe = subscribeJson(n.subscribe)
  if (n.proxy.enabled === true)
    out.proxy = n.proxy.useModule === true ? { enabled: true, useModule: true } : { enabled: true }
  if (n.watchSchema !== undefined) out.watchSchema = n.watchSchema
  return out
}

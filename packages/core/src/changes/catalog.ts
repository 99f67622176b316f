/**
 * The change catalog (design/changes.md): for every id, its level (a function of the change's
 * direction where the table says so) and the one function that words a change from its data (the
 * one-line summary of each id, for docs and SARIF, is in summaries.ts). Words come from data:
 * nothing here looks at a document.
 */
import { escapeControl } from "../render/escape.js"
import type { ChangeData, ChangeId, Json, Level } from "./Change.js"

export interface ChangeKind {
  readonly id: ChangeId
  /** The levels this id can have, most severe first (one unless direction-aware). */
  readonly levels: ReadonlyArray<Level>
  readonly level: (change: ChangeData) => Level
  readonly message: (change: ChangeData) => string
}

// ---------------------------------------------------------------------------------------------
// Wording helpers

const maxShown = 80

/** A code span for a name or value: control characters escaped, long text clipped, fence longer than any backtick run. */
export const code = (text: string): string => {
  let shown = escapeControl(text).replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")
  if (shown.length > maxShown) shown = `${shown.slice(0, maxShown - 1)}…`
  let longest = 0
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = "`".repeat(longest + 1)
  const pad = shown.startsWith("`") || shown.endsWith("`") || shown === "" ? " " : ""
  return `${fence}${pad}${shown}${pad}${fence}`
}

const value = (v: Json | undefined): string =>
  v === undefined ? "(none)" : typeof v === "string" ? code(v) : code(JSON.stringify(v))

const str = (v: Json | undefined): string | undefined => (typeof v === "string" ? v : undefined)
const rec = (v: Json | undefined): { readonly [key: string]: Json } =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as { readonly [key: string]: Json }) : {}

const of = (c: ChangeData): string => code(c.integration)
const objectName = (c: ChangeData): string => code(c.subject[1] ?? "")
const readObject = (c: ChangeData): string => `read object ${objectName(c)} of ${of(c)}`
const writeObject = (c: ChangeData): string => `write object ${objectName(c)} of ${of(c)}`
const subscribeObject = (c: ChangeData): string => `subscribe object ${objectName(c)} of ${of(c)}`
const fieldKey = (c: ChangeData): string => code(c.subject[3] ?? "")
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`
const objectCount = (v: Json | undefined): number => {
  const objects = rec(v).objects
  return Array.isArray(objects) ? objects.length : 0
}

/** How a field entry is delivered: `key` (from provider field `f`) or as a customer-chosen field. */
const entrySource = (entry: Json | undefined): string => {
  const fieldName = str(rec(entry).fieldName)
  return fieldName === undefined ? "the field each customer chooses" : `provider field ${code(fieldName)}`
}
const entryKey = (entry: Json | undefined): string => {
  const e = rec(entry)
  return str(e.mapToName) ?? str(e.fieldName) ?? ""
}

const backfill = (v: Json | undefined): string => {
  const period = rec(rec(v).defaultPeriod)
  if (period.fullHistory === true) return "full history"
  const days = typeof period.days === "number" ? period.days : 0
  return days === 0 ? "no backfill" : count(days, "day")
}

const delivery = (v: Json | undefined): string => {
  const d = rec(v)
  const mode = str(d.mode) ?? "auto"
  return typeof d.pageSize === "number" ? `${code(mode)} (page size ${d.pageSize})` : code(mode)
}

const watched = (v: Json | undefined): string => {
  const w = rec(v)
  const parts: Array<string> = []
  if (w.watchFieldsAuto === "all") parts.push("all fields")
  else if (w.watchFieldsAuto === "selected") parts.push("the fields customers selected")
  else if (typeof w.watchFieldsAuto === "string") parts.push(code(w.watchFieldsAuto))
  const list = Array.isArray(w.requiredWatchFields) ? (w.requiredWatchFields as ReadonlyArray<Json>) : []
  if (list.length > 0) {
    const shown = list.slice(0, 8).map((f) => value(f))
    parts.push(shown.join(", ") + (list.length > 8 ? ` and ${list.length - 8} more` : ""))
  }
  return parts.length === 0 ? "no fields" : parts.join(" and ")
}

/** Whether an update event watches fewer fields after the change (changes.md `watch-fields-changed`). */
export const watchesFewer = (before: Json | undefined, after: Json | undefined): boolean => {
  const b = rec(before)
  const a = rec(after)
  if (a.watchFieldsAuto === "all") return false
  if (b.watchFieldsAuto === "all") return true
  if (b.watchFieldsAuto !== undefined && b.watchFieldsAuto !== a.watchFieldsAuto) return true
  const kept = new Set(Array.isArray(a.requiredWatchFields) ? a.requiredWatchFields : [])
  return (Array.isArray(b.requiredWatchFields) ? b.requiredWatchFields : []).some((f) => !kept.has(f))
}

const eventNames: Record<string, string> = {
  createEvent: "create",
  updateEvent: "update",
  deleteEvent: "delete",
  associationChangeEvent: "association change",
}
const eventName = (c: ChangeData): string => eventNames[c.subject[2] ?? ""] ?? code(c.subject[2] ?? "")

const onOff = (v: Json | undefined): string => (v === true ? "on" : "off")

// ---------------------------------------------------------------------------------------------
// The catalog

const fixed = (level: Level) => (): Level => level

const kind = (
  id: ChangeId,
  levels: ReadonlyArray<Level>,
  message: (c: ChangeData) => string,
  level: (c: ChangeData) => Level = fixed(levels[0]!),
): ChangeKind => ({ id, levels, level, message })

export const changeCatalog: ReadonlyArray<ChangeKind> = [
  kind("integration-added", ["safe"], (c) => {
    const provider = str(rec(c.after).provider)
    return `integration ${of(c)}${provider !== undefined ? ` (provider ${code(provider)})` : ""} is added`
  }),
  kind(
    "integration-removed",
    ["dangerous"],
    (c) =>
      `integration ${of(c)} is no longer defined: a batch upsert does not delete it, so it keeps running for its ` +
      "installations (orphaned) until it is deleted",
  ),
  kind(
    "provider-changed",
    ["breaking"],
    (c) =>
      `provider of ${of(c)} changes from ${value(c.before)} to ${value(c.after)}: existing connections are bound to ` +
      `${value(c.before)}, so existing installations break`,
  ),
  kind(
    "module-changed",
    ["breaking"],
    (c) =>
      `module of ${of(c)} changes from ${value(c.before)} to ${value(c.after)}: existing installations call a ` +
      "different API surface and base URL",
  ),
  kind(
    "display-name-changed",
    ["safe"],
    (c) => `display name of ${of(c)} changes from ${value(c.before)} to ${value(c.after)}`,
  ),
  kind("read-added", ["safe"], (c) => `${of(c)} gains a read action with ${count(objectCount(c.after), "object")}`),
  kind(
    "read-removed",
    ["breaking"],
    (c) =>
      `read action of ${of(c)} is removed (${count(objectCount(c.before), "object")}): installations keep reading ` +
      "unless the deploy is destructive, then all its reads stop",
  ),
  kind(
    "read-object-added",
    ["dangerous", "safe"],
    (c) =>
      rec(c.after).enabled === "always"
        ? `${readObject(c)} is added with \`enabled: always\`: it is read for every existing installation, ` +
          "selected or not"
        : `${readObject(c)} is added: existing installations read it only once customers select it`,
    (c) => (rec(c.after).enabled === "always" ? "dangerous" : "safe"),
  ),
  kind(
    "read-object-removed",
    ["breaking"],
    (c) =>
      `${readObject(c)} is removed: installations keep reading it unless the deploy is destructive, then its ` +
      "reads stop",
  ),
  kind(
    "object-name-case-changed",
    ["dangerous"],
    (c) =>
      `${c.subject[0]} object ${value(c.before)} of ${of(c)} is renamed ${value(c.after)} (letter case only): ` +
      "provider object names are case-sensitive, so existing installations may address a different object",
  ),
  kind("read-object-always-enabled-changed", ["dangerous"], (c) =>
    c.after === "always"
      ? `${readObject(c)} becomes \`enabled: always\`: it is now read for every installation, selected or not`
      : `${readObject(c)} is no longer \`enabled: always\`: installations that did not select it stop reading it`,
  ),
  kind(
    "read-object-destination-changed",
    ["dangerous"],
    (c) =>
      `destination of ${readObject(c)} changes from ${value(c.before)} to ${value(c.after)}: its records are ` +
      "routed elsewhere",
  ),
  kind(
    "read-object-schedule-changed",
    ["breaking", "dangerous"],
    (c) =>
      c.after === undefined
        ? `${readObject(c)} loses its schedule ${value(c.before)}: scheduled reads stop and it is read only when triggered`
        : c.before === undefined
          ? `${readObject(c)} gets the schedule ${value(c.after)}: it was read only when triggered`
          : `schedule of ${readObject(c)} changes from ${value(c.before)} to ${value(c.after)}`,
    (c) => (c.after === undefined ? "breaking" : "dangerous"),
  ),
  kind(
    "read-object-mapping-changed",
    ["breaking"],
    (c) =>
      `${readObject(c)} is delivered as ${c.after === undefined ? code(c.subject[1] ?? "") : value(c.after)} ` +
      `instead of ${c.before === undefined ? code(c.subject[1] ?? "") : value(c.before)}: downstream consumers ` +
      "see a different object name",
  ),
  kind(
    "read-object-display-changed",
    ["safe"],
    (c) => `display name of the mapped ${readObject(c)} changes from ${value(c.before)} to ${value(c.after)}`,
  ),
  kind("required-field-added", ["reconfigure"], (c) =>
    str(rec(c.after).fieldName) === undefined
      ? `required field mapping ${fieldKey(c)} is added to ${readObject(c)}: existing customers must map it ` +
        "before their configuration saves again"
      : `required field ${fieldKey(c)} is added to ${readObject(c)}: existing customers must grant access to ` +
        `${entrySource(c.after)} before their configuration saves again`,
  ),
  kind(
    "required-field-removed",
    ["breaking"],
    (c) => `required field ${fieldKey(c)} of ${readObject(c)} is removed: it stops arriving downstream`,
  ),
  kind(
    "field-made-optional",
    ["breaking"],
    (c) =>
      `field ${fieldKey(c)} of ${readObject(c)} becomes optional: it stops arriving for installations that do ` +
      "not select it",
  ),
  kind(
    "field-made-required",
    ["reconfigure"],
    (c) =>
      `field ${fieldKey(c)} of ${readObject(c)} becomes required: existing customers who did not select it must ` +
      "grant it before their configuration saves again",
  ),
  kind("optional-field-added", ["safe"], (c) => `optional field ${fieldKey(c)} is added to ${readObject(c)}`),
  kind(
    "optional-field-removed",
    ["breaking"],
    (c) =>
      `optional field ${fieldKey(c)} of ${readObject(c)} is removed: installations that selected it stop ` +
      "receiving it",
  ),
  kind(
    "optional-fields-auto-added",
    ["safe"],
    (c) => `${readObject(c)} lets customers choose from all its fields (\`optionalFieldsAuto: all\`)`,
  ),
  kind(
    "optional-fields-auto-removed",
    ["breaking"],
    (c) =>
      `${readObject(c)} no longer lets customers choose from all its fields (\`optionalFieldsAuto\` removed): ` +
      "fields they picked that are not listed stop arriving",
  ),
  kind(
    "field-mapping-changed",
    ["breaking"],
    (c) =>
      `${mappingChange(c)}: downstream keys change (and write field names, where the write object inherits the ` +
      "mapping)",
  ),
  kind(
    "field-source-changed",
    ["dangerous"],
    (c) =>
      `field ${fieldKey(c)} of ${readObject(c)} now comes from ${entrySource(c.after)} instead of ` +
      `${entrySource(c.before)}: the same key carries different data`,
  ),
  kind("field-display-changed", ["safe"], (c) => {
    const b = rec(c.before)
    const a = rec(c.after)
    const what = ["mapToDisplayName", "prompt", "default"].filter((k) => b[k] !== a[k])
    return `${what.map((k) => `\`${k}\``).join(", ")} of field ${fieldKey(c)} of ${readObject(c)} changes (install UI only)`
  }),
  kind(
    "backfill-changed",
    ["safe"],
    (c) =>
      `backfill of ${readObject(c)} changes from ${backfill(c.before)} to ${backfill(c.after)}: only new ` +
      "installations are affected",
  ),
  kind(
    "delivery-changed",
    ["breaking"],
    (c) =>
      `delivery of ${readObject(c)} changes from ${delivery(c.before)} to ${delivery(c.after)}: consumers receive ` +
      "records differently (onRequest needs deliver calls)",
  ),
  kind("write-added", ["safe"], (c) => `${of(c)} gains a write action with ${count(objectCount(c.after), "object")}`),
  kind(
    "write-removed",
    ["breaking"],
    (c) => `write action of ${of(c)} is removed (${count(objectCount(c.before), "object")}): Write API calls fail`,
  ),
  kind("write-object-added", ["safe"], (c) => `${writeObject(c)} is added`),
  kind("write-object-removed", ["breaking"], (c) => `${writeObject(c)} is removed: Write API calls to it fail`),
  kind(
    "write-inherit-mapping-changed",
    ["breaking"],
    (c) =>
      `${writeObject(c)} turns \`inheritMapping\` ${onOff(c.after)}: the Write API now expects ` +
      `${c.after === true ? "mapped" : "provider"} field names`,
  ),
  kind(
    "write-value-defaults-changed",
    ["reconfigure", "safe"],
    (c) =>
      rec(c.after).allowAnyFields === true
        ? `${writeObject(c)} lets customers set default values for any field (\`allowAnyFields\` on)`
        : `${writeObject(c)} no longer lets customers set default values for any field (\`allowAnyFields\` off): ` +
          "customers must review their default values",
    (c) => (rec(c.before).allowAnyFields === true && rec(c.after).allowAnyFields !== true ? "reconfigure" : "safe"),
  ),
  kind(
    "subscribe-added",
    ["safe"],
    (c) => `${of(c)} gains a subscribe action with ${count(objectCount(c.after), "object")}`,
  ),
  kind(
    "subscribe-removed",
    ["breaking"],
    (c) => `subscribe action of ${of(c)} is removed (${count(objectCount(c.before), "object")}): its events stop`,
  ),
  kind(
    "subscribe-object-added",
    ["safe"],
    (c) => `${subscribeObject(c)} is added: it applies to new and updated installations`,
  ),
  kind("subscribe-object-removed", ["breaking"], (c) => `${subscribeObject(c)} is removed: its events stop`),
  kind(
    "subscribe-destination-changed",
    ["dangerous"],
    (c) =>
      `destination of ${subscribeObject(c)} changes from ${value(c.before)} to ${value(c.after)}: its events are ` +
      "routed elsewhere",
  ),
  kind(
    "subscribe-inherit-fields-changed",
    ["breaking"],
    (c) =>
      `${subscribeObject(c)} turns \`inheritFieldsAndMapping\` ${onOff(c.after)}: the \`fields\` and ` +
      "`mappedFields` of its event payloads change",
  ),
  kind("subscribe-event-added", ["safe"], (c) => `${subscribeObject(c)} gains ${eventName(c)} events`),
  kind(
    "subscribe-event-removed",
    ["breaking"],
    (c) => `${subscribeObject(c)} no longer receives ${eventName(c)} events: they stop`,
  ),
  kind(
    "subscribe-other-event-added",
    ["safe"],
    (c) => `${subscribeObject(c)} gains the provider event ${value(c.after)}`,
  ),
  kind(
    "subscribe-other-event-removed",
    ["breaking"],
    (c) => `${subscribeObject(c)} no longer receives the provider event ${value(c.before)}: those events stop`,
  ),
  kind(
    "watch-fields-changed",
    ["dangerous", "safe"],
    (c) =>
      `update events of ${subscribeObject(c)} watch ${watched(c.after)} instead of ${watched(c.before)}` +
      (watchesFewer(c.before, c.after) ? ": changes to fields no longer watched stop producing events" : ""),
    (c) => (watchesFewer(c.before, c.after) ? "dangerous" : "safe"),
  ),
  kind(
    "association-full-records-changed",
    ["breaking"],
    (c) =>
      `association change events of ${subscribeObject(c)} turn \`includeFullRecords\` ${onOff(c.after)}: the ` +
      "payload shape changes",
  ),
  kind(
    "proxy-enabled-changed",
    ["breaking", "safe"],
    (c) =>
      rec(c.after).enabled === true
        ? `proxy of ${of(c)} is turned on`
        : `proxy of ${of(c)} is turned off: proxy calls of existing installations fail`,
    (c) => (rec(c.after).enabled === true ? "safe" : "breaking"),
  ),
  kind(
    "proxy-use-module-changed",
    ["breaking"],
    (c) =>
      `proxy of ${of(c)} now uses ${c.after === true ? "the module's base URL instead of the provider's root" : "the provider's root base URL instead of the module's"}: proxied paths resolve differently`,
  ),
  kind(
    "watch-schema-added",
    ["dangerous"],
    (c) => `${of(c)} starts watching provider schemas for every installation (\`watchSchema\` added)`,
  ),
  kind(
    "watch-schema-removed",
    ["dangerous"],
    (c) => `${of(c)} stops watching provider schemas (\`watchSchema\` removed)`,
  ),
  kind("watch-schema-changed", ["dangerous"], (c) => {
    const b = rec(c.before)
    const a = rec(c.after)
    const what = ["destination", "schedule", "allObjects"].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    return `schema monitoring of ${of(c)} changes (${what.map((k) => `\`${k}\``).join(", ")}): notifications move or change`
  }),
]

/** The first half of a `field-mapping-changed` sentence. */
const mappingChange = (c: ChangeData): string => {
  const b = str(rec(c.before).mapToName)
  const a = str(rec(c.after).mapToName)
  const fieldName = str(rec(c.after).fieldName) ?? str(rec(c.before).fieldName)
  const what =
    fieldName === undefined
      ? `customer-mapped field ${code(b ?? "")} of ${readObject(c)}`
      : `provider field ${code(fieldName)} of ${readObject(c)}`
  if (b === undefined && a !== undefined) return `${what} is now delivered as ${code(a)} instead of under its own name`
  if (b !== undefined && a === undefined) return `${what} is now delivered under its own name instead of as ${code(b)}`
  return `${what} is delivered as ${code(entryKey(c.after))} instead of ${code(entryKey(c.before))}`
}

const byId: ReadonlyMap<ChangeId, ChangeKind> = new Map(changeCatalog.map((k) => [k.id, k]))

/** The catalog entry of an id. */
export const changeKind = (id: ChangeId): ChangeKind => {
  const k = byId.get(id)
  if (k === undefined) throw new Error(`no catalog entry for change id ${id}`)
  return k
}

/**
 * Walking a raw manifest value for the rules: the integrations, their read / write / subscribe
 * objects and field entries, each with its JSON pointer and a name for messages.
 *
 * Rules see the document before decoding, so every step checks types and skips what is not of the
 * expected shape (the shape decoder reports that). Only own properties are read: a key such as
 * `constructor` or `__proto__` in the input is plain data, never an inherited member. Keys are the
 * declared names: `withServerKeys` runs every rule on the server's case-insensitive view of them.
 *
 * `null` (`key: null`, or a bare `key:` in YAML): Ampersand's server (Go `encoding/json`) would read
 * it as an absent key, but the typed model refuses it, and a key written without a value is almost
 * always unfinished work. So Shape.ts reports it, once, as `wrong-type` ("give it a value or remove
 * the key"), and the rules treat a null like any other value of the wrong type: they report nothing
 * that depends on it. The key counts neither as absent (no "has no …": `hasKey` is true) nor as set
 * (no "sets both …", no "pageSize needs mode onRequest" for `mode: null`): a rule whose verdict
 * depends on such a key skips the check (`isNull`).
 *
 * Messages quote received values through `fitMessage` (internal/quote.ts), so nodes render their label
 * for a given excerpt length: `labelOf(max)`.
 */

import { child } from "../internal/pointer.js"
import { excerptLength, quote } from "../internal/quote.js"

/** A JSON object (a YAML mapping). */
export type JsonRecord = { readonly [key: string]: unknown }

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** The value of an own key, or undefined when absent. */
export const member = (record: JsonRecord, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined

/** The key is present (with any value, `null` included): it is not absent. */
export const hasKey = (record: JsonRecord, key: string): boolean => Object.hasOwn(record, key)

/** The key is present with a non-null value: it is set. */
export const isSet = (record: JsonRecord, key: string): boolean => Object.hasOwn(record, key) && record[key] !== null

/** The key is present with `null`: a wrong-typed value (Shape.ts reports it), neither set nor absent. */
export const isNull = (record: JsonRecord, key: string): boolean => Object.hasOwn(record, key) && record[key] === null

/** A string member, or undefined. */
export const stringMember = (record: JsonRecord, key: string): string | undefined => {
  const value = member(record, key)
  return typeof value === "string" ? value : undefined
}

/** A record member, or undefined. */
export const recordMember = (record: JsonRecord, key: string): JsonRecord | undefined => {
  const value = member(record, key)
  return isRecord(value) ? value : undefined
}

/** An array member, or undefined. */
export const arrayMember = (record: JsonRecord, key: string): ReadonlyArray<unknown> | undefined => {
  const value = member(record, key)
  return Array.isArray(value) ? value : undefined
}

/** An integration of the manifest (a mapping), with what the rules read of it. */
export class IntegrationNode {
  /** `name` when it is a string. */
  readonly name: string | undefined
  /** `provider` when it is a string. */
  readonly provider: string | undefined
  /** `module` when it is a non-empty string (Go reads `module: ""` as absent). */
  readonly module: string | undefined
  /** `module` is absent or a string: `module` (undefined: the provider's default) is what the server uses. */
  readonly moduleKnown: boolean
  readonly pointer: string

  constructor(
    readonly value: JsonRecord,
    readonly index: number,
  ) {
    this.pointer = `/integrations/${index}`
    this.name = stringMember(value, "name")
    this.provider = stringMember(value, "provider")
    const module = stringMember(value, "module")
    this.module = module === "" ? undefined : module
    this.moduleKnown = module !== undefined || !hasKey(value, "module")
  }

  /** How messages name it: "integration `syncCRM`", or "integrations[2]" when unnamed. */
  labelOf(max: number = excerptLength): string {
    return this.name !== undefined && this.name !== ""
      ? `integration ${quote(this.name, max)}`
      : `integrations[${this.index}]`
  }
}

/** The integrations of a manifest that are records (others are the shape decoder's to report). */
export const integrations = (root: unknown): Array<IntegrationNode> => {
  if (!isRecord(root)) return []
  const list = arrayMember(root, "integrations")
  if (list === undefined) return []
  const out: Array<IntegrationNode> = []
  for (let index = 0; index < list.length; index++) {
    const value = list[index]
    if (isRecord(value)) out.push(new IntegrationNode(value, index))
  }
  return out
}

export type Action = "read" | "write" | "subscribe"

/** A read, write or subscribe object (a mapping) of an integration. */
export class ObjectNode {
  /** `objectName` when it is a string. */
  readonly name: string | undefined
  readonly pointer: string

  constructor(
    readonly value: JsonRecord,
    readonly index: number,
    readonly action: Action,
    readonly integration: IntegrationNode,
  ) {
    this.pointer = `${integration.pointer}/${action}/objects/${index}`
    this.name = stringMember(value, "objectName")
  }

  /** How messages name it: "read object `contact`", or "read.objects[2]" when unnamed. */
  labelOf(max: number = excerptLength): string {
    return this.name !== undefined && this.name !== ""
      ? `${this.action} object ${quote(this.name, max)}`
      : `${this.action}.objects[${this.index}]`
  }
}

/** The action block (`read`, `write`, `subscribe`) of an integration when it is a record. */
export const actionBlock = (integration: IntegrationNode, action: Action): JsonRecord | undefined =>
  recordMember(integration.value, action)

/** The objects of an action that are records. */
export const actionObjects = (integration: IntegrationNode, action: Action): Array<ObjectNode> => {
  const block = actionBlock(integration, action)
  const list = block === undefined ? undefined : arrayMember(block, "objects")
  if (list === undefined) return []
  const out: Array<ObjectNode> = []
  for (let index = 0; index < list.length; index++) {
    const value = list[index]
    if (isRecord(value)) out.push(new ObjectNode(value, index, action, integration))
  }
  return out
}

/**
 * The `objectName`s of an integration's read objects, or undefined when they cannot be known:
 * `read` or `read.objects` present but not a mapping / list, or a read object (a mapping) whose
 * `objectName` is not a string (`null` included; a missing one too) — the shape decoder reports
 * those, and whether a name is missing depends on them. No `read` block, or no `objects`, is the
 * empty set.
 */
export const readObjectNames = (integration: IntegrationNode): ReadonlySet<string> | undefined => {
  const read = member(integration.value, "read")
  if (read === undefined) return new Set()
  if (!isRecord(read)) return undefined
  const list = member(read, "objects")
  if (list === undefined) return new Set()
  if (!Array.isArray(list)) return undefined
  const names = new Set<string>()
  for (const object of list) {
    if (!isRecord(object)) continue
    const name = stringMember(object, "objectName")
    if (name === undefined) return undefined
    names.add(name)
  }
  return names
}

export type FieldList = "requiredFields" | "optionalFields"

export interface FieldNode {
  readonly value: JsonRecord
  readonly pointer: string
  readonly list: FieldList
  readonly index: number
  /** `fieldName` when it is a string. */
  readonly fieldName: string | undefined
  /** `mapToName` when it is a non-empty string (Go reads `mapToName: ""` as no mapping). */
  readonly mapToName: string | undefined
}

/** The field entries (records) of a read object: `requiredFields` first, then `optionalFields`. */
export const fieldEntries = (object: ObjectNode, lists: ReadonlyArray<FieldList> = fieldLists): Array<FieldNode> => {
  const out: Array<FieldNode> = []
  for (const list of lists) {
    const entries = arrayMember(object.value, list)
    if (entries === undefined) continue
    for (let index = 0; index < entries.length; index++) {
      const value = entries[index]
      if (!isRecord(value)) continue
      const mapToName = stringMember(value, "mapToName")
      out.push({
        value,
        pointer: `${object.pointer}/${list}/${index}`,
        list,
        index,
        fieldName: stringMember(value, "fieldName"),
        mapToName: mapToName === "" ? undefined : mapToName,
      })
    }
  }
  return out
}

const fieldLists: ReadonlyArray<FieldList> = ["requiredFields", "optionalFields"]

/** The pointer of a member of a node. */
export const at = (pointer: string, ...keys: ReadonlyArray<string | number>): string => {
  let out = pointer
  for (const key of keys) out = child(out, key)
  return out
}

/** English ordinal count for duplicate messages: 2 → "twice", 3 → "3 times". */
export const times = (count: number): string => (count === 2 ? "twice" : `${count} times`)

export interface ScheduleNode {
  /** The schedule text (never empty: `''` means "no schedule"). */
  readonly text: string
  readonly pointer: string
  readonly kind: "read" | "watchSchema"
  /** What it schedules, for messages: "read object `contact`" or "watchSchema" (see `labelOf`). */
  readonly ownerOf: (max: number) => string
}

/** Every non-empty string schedule: read objects' `schedule`, then each integration's `watchSchema.schedule`. */
export const schedules = (root: unknown): Array<ScheduleNode> => {
  const out: Array<ScheduleNode> = []
  for (const integration of integrations(root)) {
    for (const object of actionObjects(integration, "read")) {
      const text = stringMember(object.value, "schedule")
      if (text !== undefined && text !== "")
        out.push({ text, pointer: at(object.pointer, "schedule"), kind: "read", ownerOf: (max) => object.labelOf(max) })
    }
    const watch = recordMember(integration.value, "watchSchema")
    const text = watch === undefined ? undefined : stringMember(watch, "schedule")
    if (text !== undefined && text !== "")
      out.push({
        text,
        pointer: at(integration.pointer, "watchSchema", "schedule"),
        kind: "watchSchema",
        ownerOf: () => "watchSchema",
      })
  }
  return out
}

/**
 * Classes of disagreement between a JSON Schema (checked with ajv) and our shape-level verdict, and
 * how each one is recognised. The list of classes, with the reason each is expected, is the fixture
 * disagreements.json; this module holds their predicates (by class id).
 *
 * A disagreement is explained when EVERY complaint of the side that rejects is explained by a listed
 * class of that direction:
 * - `schema-only` (the schema rejects, we accept): every ajv error. Errors at or under a field entry
 *   whose `oneOf` failed are the branches' own errors and count as part of that `oneOf` error.
 * - `ours-only` (we reject, the schema accepts): every error finding of ours.
 * Anything else is an unlisted disagreement: the test prints the input.
 */
import type { ErrorObject } from "ajv"
import type { Finding } from "../../src/Diagnostic.js"
import { foldKey } from "../../src/Shape.js"

type JsonRecord = Record<string, unknown>

const isRecord = (u: unknown): u is JsonRecord => typeof u === "object" && u !== null && !Array.isArray(u)

export type Direction = "schema-only" | "ours-only"

/** A class as listed in disagreements.json. */
export interface DisagreementClass {
  readonly id: string
  readonly direction: Direction
  /** The predicate, in words. */
  readonly description: string
  /** Why this disagreement is expected (or, with `bug`, whose bug it is). */
  readonly reason: string
  /** A suspected bug in code under test, reported; the class disappears when it is fixed. */
  readonly bug?: boolean
  /** A document showing it: the test checks that it disagrees and that this class explains it. */
  readonly example: unknown
}

export interface DisagreementFixture {
  readonly $comment: string
  /** Official spec (corpus/ampersand/openapi/manifest.yaml) vs our shape verdict. */
  readonly officialSpec: ReadonlyArray<DisagreementClass>
  /** Our generated JSON Schema (manifestJsonSchema()) vs our shape verdict plus the rules it encodes. */
  readonly generatedSchema: ReadonlyArray<DisagreementClass>
}

/** What a predicate sees. */
export interface Complaint {
  readonly value: unknown
  /** The ajv error (schema-only) or our finding (ours-only). */
  readonly ajv?: ErrorObject
  readonly finding?: Finding
}

type Predicate = (c: Complaint) => boolean

// ---------------------------------------------------------------------------------------------
// Pointers and values

const tokens = (pointer: string): Array<string> =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))

const valueAt = (root: unknown, pointer: string): unknown => {
  let node = root
  for (const token of tokens(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)]
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token]
    else return undefined
  }
  return node
}

const parentOf = (pointer: string): string => pointer.slice(0, pointer.lastIndexOf("/"))
/** The pointer and every pointer above it, the root included. */
const ancestorsOf = (pointer: string): Array<string> => {
  const out = [pointer]
  for (let p = pointer; p !== ""; p = parentOf(p)) out.push(parentOf(p))
  return out
}
const lastOf = (pointer: string): string => tokens(pointer).pop() ?? ""

/** Every key a manifest object may have (the official spec's property names, domain §2). */
export const manifestKeys = new Set([
  "specVersion",
  "integrations",
  "name",
  "provider",
  "displayName",
  "module",
  "read",
  "write",
  "proxy",
  "subscribe",
  "watchSchema",
  "enabled",
  "useModule",
  "objects",
  "objectName",
  "destination",
  "schedule",
  "mapToName",
  "mapToDisplayName",
  "requiredFields",
  "optionalFields",
  "optionalFieldsAuto",
  "backfill",
  "delivery",
  "inheritMapping",
  "valueDefaults",
  "inheritFieldsAndMapping",
  "createEvent",
  "updateEvent",
  "deleteEvent",
  "associationChangeEvent",
  "otherEvents",
  "watchFieldsAuto",
  "requiredWatchFields",
  "includeFullRecords",
  "fieldName",
  "default",
  "prompt",
  "defaultPeriod",
  "days",
  "fullHistory",
  "mode",
  "pageSize",
  "allowAnyFields",
  "allObjects",
  "fieldCreated",
  "fieldDeleted",
  "fieldChanged",
])

const foldedKeys = new Map([...manifestKeys].map((k) => [foldKey(k), k]))

/** A key the server reads as a manifest key although it is spelt differently (`ObjectName`, `DAYS`). */
export const isCaseVariant = (key: string): boolean => !manifestKeys.has(key) && foldedKeys.has(foldKey(key))

/** The object has a key other than `key` that the server reads as the same field. */
const hasOtherSpelling = (record: unknown, key: string): boolean =>
  isRecord(record) && Object.keys(record).some((k) => k !== key && foldKey(k) === foldKey(key))

/** The object holds a case variant of a manifest key. */
const holdsCaseVariant = (record: unknown): boolean => isRecord(record) && Object.keys(record).some(isCaseVariant)

/**
 * Some step of the path is a case variant, or a key that another spelling in the same object
 * overrides or is overridden by: the server and the schema read different values there.
 */
const pathCrossesCaseVariant = (root: unknown, pointer: string): boolean => {
  let node = root
  for (const token of tokens(pointer)) {
    if (isRecord(node)) {
      if (isCaseVariant(token) || hasOtherSpelling(node, token)) return true
      node = Object.hasOwn(node, token) ? node[token] : undefined
    } else if (Array.isArray(node)) node = node[Number(token)]
    else return false
  }
  return false
}

const fieldEntry = /^\/integrations\/\d+\/read\/objects\/\d+\/(requiredFields|optionalFields)\/\d+$/
const readObject = /^\/integrations\/\d+\/read\/objects\/\d+$/
const actionBlock = /^\/integrations\/\d+\/(read|write|subscribe)$/
const actionObjects = /^\/integrations\/\d+\/(read|write|subscribe)\/objects$/

const keyReadingKeywords = new Set(["oneOf", "anyOf", "if", "not", "dependentRequired"])

/** The member the server reads for `key`: of the keys spelling it (case-insensitively), the last. */
const serverMember = (record: unknown, key: string): unknown => {
  if (!isRecord(record)) return undefined
  let out: unknown
  for (const k of Object.keys(record)) if (foldKey(k) === foldKey(key)) out = record[k]
  return out
}

/** The server reads `key` in the object, with a non-null value. */
const setOf = (record: unknown, key: string): boolean => {
  const value = serverMember(record, key)
  return value !== undefined && value !== null
}

/** The pointer with every case variant of a manifest key spelt as the manifest spells it (for the path patterns). */
const declaredPointer = (pointer: string): string =>
  tokens(pointer)
    .map(
      (t) =>
        `/${(isCaseVariant(t) ? foldedKeys.get(foldKey(t)) : undefined) ?? t.replace(/~/g, "~0").replace(/\//g, "~1")}`,
    )
    .join("")

const ajvPath = (c: Complaint): string => c.ajv?.instancePath ?? ""
/** Our finding's pointer, keys as written (our rules read case variants as the key, and point at them as written). */
const findingPointer = (c: Complaint): string => c.finding?.pointer ?? ""
const findingPath = (c: Complaint): string => declaredPointer(findingPointer(c))
const ruleIs = (c: Complaint, ...ids: ReadonlyArray<string>): boolean =>
  c.finding !== undefined && ids.includes(c.finding.rule)

// ---------------------------------------------------------------------------------------------
// The predicates, by class id

/**
 * The semantic rules that are part of the shape-level verdict: they own conditions the schemas state
 * (Shape.ts leaves them to these rules), so their errors count as shape errors (see ajv.test.ts).
 */
export const shapeVerdictRules = [
  "spec-version",
  "integration-structure",
  "read-objects",
  "write-objects",
  "subscribe-objects",
  "backfill-config",
  "field-entry-shape",
  "delivery-mode",
]

export const predicates: Readonly<Record<string, Predicate>> = {
  // --- the official spec rejects, we accept
  "field-entry-matches-both-variants": (c) =>
    c.ajv?.keyword === "oneOf" &&
    fieldEntry.test(ajvPath(c)) &&
    JSON.stringify((c.ajv.params as { passingSchemas?: unknown }).passingSchemas) === "[0,1]",
  "read-schedule-optional": (c) =>
    c.ajv?.keyword === "required" &&
    (c.ajv.params as { missingProperty?: unknown }).missingProperty === "schedule" &&
    readObject.test(ajvPath(c)),
  "keys-match-case-insensitively": (c) => {
    if (c.ajv === undefined) return false
    const path = ajvPath(c)
    if (pathCrossesCaseVariant(c.value, path)) return true
    const missing = (c.ajv.params as { missingProperty?: unknown }).missingProperty
    // A field entry's variant is chosen by its keys: `FieldName` makes it an existing field for the
    // server, while the schema tries the mapping variant and misses `mapToName`.
    if (c.ajv.keyword === "required" && typeof missing === "string")
      return (
        hasOtherSpelling(valueAt(c.value, path), missing) ||
        (fieldEntry.test(path) && holdsCaseVariant(valueAt(c.value, path)))
      )
    // Keywords that read which keys an object has (unions, if/then, dependencies) see a case variant as
    // an extra key; the server, Shape.ts and the rules read it as the key itself.
    if (keyReadingKeywords.has(c.ajv.keyword) && holdsCaseVariant(valueAt(c.value, path))) return true
    // A conditional keyed on an ancestor's member (google-calendar-backfill's `module`) whose key is a variant.
    if (/\/(if|then)(\/|$)/.test(c.ajv.schemaPath))
      return ancestorsOf(path).some((p) => holdsCaseVariant(valueAt(c.value, p)))
    return false
  },
  // --- we reject, the official spec accepts
  "spec-version-only-1.0.0": (c) =>
    ruleIs(c, "spec-version") &&
    findingPointer(c) === "/specVersion" &&
    typeof valueAt(c.value, "/specVersion") === "string",
  "integrations-not-empty": (c) =>
    ruleIs(c, "integration-structure") &&
    findingPointer(c) === "/integrations" &&
    JSON.stringify(valueAt(c.value, "/integrations")) === "[]",
  "integration-needs-an-action": (c) =>
    ruleIs(c, "integration-structure") && /^\/integrations\/\d+$/.test(findingPointer(c)),
  "action-objects-not-empty": (c) => {
    if (!ruleIs(c, "read-objects", "write-objects", "subscribe-objects")) return false
    const pointer = findingPointer(c)
    if (actionObjects.test(findingPath(c))) return JSON.stringify(valueAt(c.value, pointer)) === "[]"
    return actionBlock.test(findingPath(c)) && serverMember(valueAt(c.value, pointer), "objects") === undefined
  },
  "backfill-days-xor-full-history": (c) => {
    if (!ruleIs(c, "backfill-config") || !/\/backfill\/defaultPeriod$/.test(findingPath(c))) return false
    const period = valueAt(c.value, findingPointer(c))
    return setOf(period, "days") === setOf(period, "fullHistory")
  },
  "delivery-page-size-needs-on-request": (c) => {
    if (!ruleIs(c, "delivery-mode")) return false
    const pointer = findingPointer(c)
    const atPageSize = /\/pageSize$/.test(findingPath(c))
    const delivery = valueAt(c.value, atPageSize ? parentOf(pointer) : pointer)
    if (!isRecord(delivery)) return false
    const mode = setOf(delivery, "mode") ? serverMember(delivery, "mode") : "auto"
    const pageSize = serverMember(delivery, "pageSize")
    const inRange = typeof pageSize === "number" && pageSize >= 50 && pageSize <= 500
    return (mode === "auto" && inRange && atPageSize) || (mode === "onRequest" && !setOf(delivery, "pageSize"))
  },
  "case-variant-value-is-checked": (c) => c.finding !== undefined && pathCrossesCaseVariant(c.value, findingPointer(c)),
  "field-name-means-existing-field": (c) =>
    ruleIs(c, "wrong-type") &&
    lastOf(findingPointer(c)) === "fieldName" &&
    fieldEntry.test(parentOf(findingPointer(c))) &&
    typeof (valueAt(c.value, parentOf(findingPointer(c))) as JsonRecord | undefined)?.mapToName === "string",
}

/**
 * Drop the errors of a failed `oneOf`'s branches (at or under its instance path) and of a failed
 * `anyOf`'s branches (those whose schema path lies inside the `anyOf`), keeping the union's own error.
 */
export const withoutBranchErrors = (errors: ReadonlyArray<ErrorObject>): Array<ErrorObject> => {
  const oneOfPaths = errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath)
  const anyOfSchemaPaths = errors.filter((e) => e.keyword === "anyOf").map((e) => `${e.schemaPath}/`)
  return errors.filter(
    (e) =>
      e.keyword === "oneOf" ||
      e.keyword === "anyOf" ||
      (!oneOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)) &&
        !anyOfSchemaPaths.some((p) => e.schemaPath.startsWith(p))),
  )
}

export interface Classification {
  readonly agree: boolean
  /** The classes that explained the complaints. */
  readonly classes: ReadonlySet<string>
  /** Complaints no listed class explains (empty when explained). */
  readonly unexplained: ReadonlyArray<string>
}

/**
 * Compare the verdicts and explain a disagreement with the listed classes (each class id must have a
 * predicate here, `predicates`).
 */
export const classify = (
  classes: ReadonlyArray<DisagreementClass>,
  value: unknown,
  ajvErrors: ReadonlyArray<ErrorObject>,
  ourErrors: ReadonlyArray<Finding>,
): Classification => {
  const schemaValid = ajvErrors.length === 0
  const oursValid = ourErrors.length === 0
  if (schemaValid === oursValid) return { agree: true, classes: new Set(), unexplained: [] }
  const direction: Direction = oursValid ? "schema-only" : "ours-only"
  const candidates = classes.filter((c) => c.direction === direction)
  const complaints: Array<Complaint> = oursValid
    ? withoutBranchErrors(ajvErrors).map((ajv) => ({ value, ajv }))
    : ourErrors.map((finding) => ({ value, finding }))
  const used = new Set<string>()
  const unexplained: Array<string> = []
  for (const complaint of complaints) {
    const match = candidates.find((c) => predicates[c.id]?.(complaint) === true)
    if (match !== undefined) used.add(match.id)
    else
      unexplained.push(
        complaint.ajv !== undefined
          ? `schema: ${complaint.ajv.instancePath || "/"} ${complaint.ajv.keyword} ${JSON.stringify(complaint.ajv.params)}`
          : `ours: ${complaint.finding?.rule} ${complaint.finding?.pointer || "/"}: ${complaint.finding?.message}`,
      )
  }
  return { agree: false, classes: used, unexplained }
}

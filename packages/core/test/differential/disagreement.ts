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

const setOf = (record: unknown, key: string): boolean =>
  isRecord(record) && Object.hasOwn(record, key) && record[key] !== null

const ajvPath = (c: Complaint): string => c.ajv?.instancePath ?? ""
const findingPointer = (c: Complaint): string => c.finding?.pointer ?? ""
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
    if (c.ajv.keyword === "required" && typeof missing === "string")
      return hasOtherSpelling(valueAt(c.value, path), missing)
    if (c.ajv.keyword === "oneOf") return holdsCaseVariant(valueAt(c.value, path))
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
    ruleIs(c, "integration-structure") &&
    /^\/integrations\/\d+$/.test(findingPointer(c)) &&
    !holdsCaseVariant(valueAt(c.value, findingPointer(c))),
  "action-objects-not-empty": (c) => {
    if (!ruleIs(c, "read-objects", "write-objects", "subscribe-objects")) return false
    const pointer = findingPointer(c)
    if (actionObjects.test(pointer)) return JSON.stringify(valueAt(c.value, pointer)) === "[]"
    return actionBlock.test(pointer) && !hasOtherSpelling(valueAt(c.value, pointer), "objects")
  },
  "backfill-days-xor-full-history": (c) => {
    if (!ruleIs(c, "backfill-config") || !/\/backfill\/defaultPeriod$/.test(findingPointer(c))) return false
    const period = valueAt(c.value, findingPointer(c))
    return !holdsCaseVariant(period) && setOf(period, "days") === setOf(period, "fullHistory")
  },
  "delivery-page-size-needs-on-request": (c) => {
    if (!ruleIs(c, "delivery-mode")) return false
    const pointer = findingPointer(c)
    const delivery = valueAt(c.value, /\/pageSize$/.test(pointer) ? parentOf(pointer) : pointer)
    if (!isRecord(delivery) || holdsCaseVariant(delivery)) return false
    const mode = setOf(delivery, "mode") ? delivery.mode : "auto"
    const pageSize = delivery.pageSize
    const inRange = typeof pageSize === "number" && pageSize >= 50 && pageSize <= 500
    return (
      (mode === "auto" && inRange && /\/pageSize$/.test(pointer)) ||
      (mode === "onRequest" && !setOf(delivery, "pageSize"))
    )
  },
  "case-variant-value-is-checked": (c) =>
    c.finding !== undefined && !ruleIs(c, ...shapeVerdictRules) && pathCrossesCaseVariant(c.value, findingPointer(c)),
  "field-name-means-existing-field": (c) =>
    ruleIs(c, "wrong-type") &&
    lastOf(findingPointer(c)) === "fieldName" &&
    fieldEntry.test(parentOf(findingPointer(c))) &&
    typeof (valueAt(c.value, parentOf(findingPointer(c))) as JsonRecord | undefined)?.mapToName === "string",
  // --- generated schema only
  "always-enabled-empty-map-to-name": (c) => {
    if (c.ajv === undefined) return false
    const path = ajvPath(c)
    if (c.ajv.keyword === "not" && fieldEntry.test(path))
      return (valueAt(c.value, path) as JsonRecord | undefined)?.mapToName === ""
    if (c.ajv.keyword !== "if" || !readObject.test(path)) return false
    // The object breaks always-enabled-fields only through a `mapToName: ""` on a required field.
    const object = valueAt(c.value, path)
    if (!isRecord(object) || !Array.isArray(object.requiredFields) || object.requiredFields.length === 0) return false
    const schedule = object.schedule
    const mapped = (e: unknown) => isRecord(e) && setOf(e, "fieldName") && setOf(e, "mapToName")
    return (
      typeof schedule === "string" &&
      schedule !== "" &&
      object.requiredFields.some((e) => isRecord(e) && e.mapToName === "") &&
      !object.requiredFields.some((e) => mapped(e) && (e as JsonRecord).mapToName !== "")
    )
  },
  "google-calendar-empty-module": (c) => {
    if (!ruleIs(c, "google-calendar-backfill")) return false
    const integration = /^\/integrations\/\d+/.exec(findingPointer(c))?.[0]
    return integration !== undefined && (valueAt(c.value, integration) as JsonRecord | undefined)?.module === ""
  },
  "rules-read-keys-case-sensitively": (c) => {
    if (!ruleIs(c, ...shapeVerdictRules)) return false
    const pointer = findingPointer(c)
    // The rule looked for a key (or a pair of keys) in this object or its parent and missed a case variant.
    return holdsCaseVariant(valueAt(c.value, pointer)) || holdsCaseVariant(valueAt(c.value, parentOf(pointer)))
  },
}

/** Drop the errors of a failed `oneOf`'s branches (at or under its instance path), keeping the `oneOf` error. */
export const withoutBranchErrors = (errors: ReadonlyArray<ErrorObject>): Array<ErrorObject> => {
  const oneOfPaths = errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath)
  return errors.filter(
    (e) => e.keyword === "oneOf" || !oneOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)),
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

/**
 * Mutated manifests for the differential tests: a base (a generated valid manifest, a real sample,
 * or now and then any JSON value) with 0–3 random mutations, each applied at a random node:
 *
 * | kind                 | applies to            | does                                                      |
 * |----------------------|-----------------------|-----------------------------------------------------------|
 * | `delete-key`         | a member of an object | removes it (a required key, often)                        |
 * | `wrong-type`         | any node but the root | replaces it by a value of another JSON type               |
 * | `null`               | any node but the root | replaces it by null                                       |
 * | `out-of-enum`        | a string              | replaces it by a near-miss word (`never`, `ALL`, `1.0` …) |
 * | `empty-string`       | a string              | ""                                                        |
 * | `number-for-string`  | a string              | a number (`1.1`, `0`, `42`)                               |
 * | `string-for-number`  | a number              | its decimal text                                          |
 * | `number-edge`        | a number              | -1, 0, 28, 29, 49, 50, 181, 500, 501, 2.5                 |
 * | `extra-key`          | an object             | adds an unknown key (`descrption`, `__proto__`, `constructor` …) |
 * | `known-key`          | an object             | adds a key of the manifest vocabulary with a plausible value |
 * | `case-variant`       | a member of an object | renames the key to `Key` / `KEY` (Ampersand reads keys case-insensitively) |
 * | `empty-array`        | an array              | []                                                        |
 * | `empty-object`       | an object             | {}                                                        |
 * | `duplicate-item`     | a non-empty array     | appends a copy of one item                                |
 * | `remove-item`        | a non-empty array     | removes one item                                          |
 *
 * Values stay plain JSON (own data properties, plain prototypes); keys are written with
 * `Object.defineProperty`, so `__proto__` is an own key, never a prototype change.
 */
import fc from "fast-check"

type Path = ReadonlyArray<string | number>
type JsonRecord = Record<string, unknown>

const isRecord = (u: unknown): u is JsonRecord => typeof u === "object" && u !== null && !Array.isArray(u)

export const mutationKinds = [
  "delete-key",
  "wrong-type",
  "null",
  "out-of-enum",
  "empty-string",
  "number-for-string",
  "string-for-number",
  "number-edge",
  "extra-key",
  "known-key",
  "case-variant",
  "empty-array",
  "empty-object",
  "duplicate-item",
  "remove-item",
] as const

export type MutationKind = (typeof mutationKinds)[number]

export interface Mutation {
  readonly kind: MutationKind
  /** Picks the node among the candidates (modulo their count). */
  readonly target: number
  /** Picks the replacement among the pool of the kind (modulo its size). */
  readonly pick: number
}

interface Node {
  readonly path: Path
  readonly value: unknown
}

const nodesOf = (root: unknown): Array<Node> => {
  const out: Array<Node> = []
  const visit = (value: unknown, path: Array<string | number>) => {
    out.push({ path: [...path], value })
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], [...path, i])
    } else if (isRecord(value)) for (const key of Object.keys(value)) visit(value[key], [...path, key])
  }
  visit(root, [])
  return out
}

const setOwn = (target: JsonRecord, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const at = (root: unknown, path: Path): unknown => {
  let node = root
  for (const segment of path) node = Array.isArray(node) ? node[segment as number] : (node as JsonRecord)[segment]
  return node
}

/** A copy of `root` with the node at `path` replaced by `value` (the root itself when `path` is empty). */
const replaceAt = (root: unknown, path: Path, value: unknown): unknown => {
  if (path.length === 0) return value
  const parentNode = at(root, path.slice(0, -1))
  const last = path[path.length - 1] as string | number
  if (Array.isArray(parentNode)) parentNode[last as number] = value
  else setOwn(parentNode as JsonRecord, last as string, value)
  return root
}

/** An object with `key` renamed to `renamed`, in place of the old key (order kept). */
const renameKey = (record: JsonRecord, key: string, renamed: string): JsonRecord => {
  const out: JsonRecord = {}
  for (const k of Object.keys(record)) setOwn(out, k === key ? renamed : k, record[k])
  return out
}

const otherTypes: ReadonlyArray<unknown> = [
  0,
  1.5,
  -3,
  "x",
  "",
  true,
  false,
  [],
  {},
  ["a"],
  { a: 1 },
  [{ fieldName: "x" }],
]
const nearMisses = ["never", "ALL", "Always", "sometimes", "all ", "onrequest", "1.0", "2.0.0", "selected", "auto", "*"]
const numbersForStrings = [1.1, 0, 42, 1.0, -1]
const numberEdges = [-1, 0, 28, 29, 49, 50, 181, 500, 501, 2.5]
const unknownKeys = ["descrption", "scheduel", "feildName", "__proto__", "constructor", "prototype", "x-extra", ""]

/** The manifest's vocabulary, with plausible values (right and wrong). */
const knownKeys: ReadonlyArray<readonly [string, ReadonlyArray<unknown>]> = [
  ["specVersion", ["1.0.0", "1.0"]],
  ["integrations", [[], [{ name: "x", provider: "salesforce", proxy: { enabled: true } }]]],
  ["name", ["extra", "bad name!", ""]],
  ["provider", ["salesforce", "hubspot", "snowflake", "google"]],
  ["module", ["crm", "calendar", ""]],
  ["read", [{ objects: [{ objectName: "account", destination: "d" }] }, { objects: [] }, {}]],
  ["write", [{ objects: [{ objectName: "account" }] }, {}]],
  ["subscribe", [{ objects: [{ objectName: "account", destination: "d", inheritFieldsAndMapping: true }] }, {}]],
  ["proxy", [{ enabled: true }, {}]],
  ["watchSchema", [{ destination: "d", allObjects: {} }, { destination: "d" }]],
  ["objects", [[], [{ objectName: "account", destination: "d" }]]],
  ["objectName", ["account", ""]],
  ["destination", ["webhook", ""]],
  ["schedule", ["*/10 * * * *", "*/5 * * * *", "", "bad cron"]],
  ["enabled", ["always", true]],
  ["requiredFields", [[], [{ fieldName: "email" }], [{ fieldName: "email", mapToName: "mail" }]]],
  ["optionalFields", [[{ mapToName: "m", prompt: "p" }], [{}]]],
  ["optionalFieldsAuto", ["all"]],
  ["fieldName", ["email", "$['a']['b']", "$[bad"]],
  ["mapToName", ["mapped", "", "$['x']"]],
  ["mapToDisplayName", ["Mapped"]],
  ["default", ["email"]],
  ["prompt", ["Which field?"]],
  ["backfill", [{ defaultPeriod: { days: 30 } }, { defaultPeriod: {} }, {}]],
  ["defaultPeriod", [{ days: 1 }, { fullHistory: true }, { days: 1, fullHistory: false }]],
  ["days", [0, 30, 200, -1]],
  ["fullHistory", [true, false]],
  ["delivery", [{ mode: "auto" }, { mode: "onRequest" }, { mode: "onRequest", pageSize: 100 }, { pageSize: 100 }]],
  ["mode", ["auto", "onRequest"]],
  ["pageSize", [100, 10, 1000]],
  ["inheritMapping", [true]],
  ["valueDefaults", [{ allowAnyFields: true }]],
  ["inheritFieldsAndMapping", [true, false]],
  ["createEvent", [{ enabled: "always" }, {}]],
  ["updateEvent", [{ enabled: "always", watchFieldsAuto: "all" }, { enabled: "always" }]],
  ["deleteEvent", [{ enabled: "always" }]],
  ["associationChangeEvent", [{ enabled: "always", includeFullRecords: true }]],
  ["watchFieldsAuto", ["all", "selected"]],
  ["requiredWatchFields", [["name"], [], ["a.b"]]],
  ["otherEvents", [["UNDELETE"]]],
  ["allObjects", [{ fieldCreated: { enabled: "always" } }, { fieldCreated: {} }]],
  ["useModule", [true]],
]

const pickFrom = <T>(pool: ReadonlyArray<T>, pick: number): T => pool[pick % pool.length] as T

const caseVariant = (key: string, pick: number): string =>
  pick % 2 === 0 ? key.charAt(0).toUpperCase() + key.slice(1) : key.toUpperCase()

/** Apply one mutation to `root` (mutated in place where possible; use the returned value). */
export const applyMutation = (root: unknown, mutation: Mutation): unknown => {
  const nodes = nodesOf(root)
  const memberNodes = nodes.filter((n) => typeof n.path[n.path.length - 1] === "string")
  const nonRoot = nodes.filter((n) => n.path.length > 0)
  const candidates: ReadonlyArray<Node> = (() => {
    switch (mutation.kind) {
      case "delete-key":
      case "case-variant":
        return memberNodes
      case "wrong-type":
      case "null":
        return nonRoot
      case "out-of-enum":
      case "empty-string":
      case "number-for-string":
        return nodes.filter((n) => typeof n.value === "string")
      case "string-for-number":
      case "number-edge":
        return nodes.filter((n) => typeof n.value === "number")
      case "extra-key":
      case "known-key":
      case "empty-object":
        return nodes.filter((n) => isRecord(n.value))
      case "empty-array":
        return nodes.filter((n) => Array.isArray(n.value))
      case "duplicate-item":
      case "remove-item":
        return nodes.filter((n) => Array.isArray(n.value) && n.value.length > 0)
    }
  })()
  if (candidates.length === 0) return root
  const node = pickFrom(candidates, mutation.target)
  const { path, value } = node
  switch (mutation.kind) {
    case "delete-key": {
      const parentNode = at(root, path.slice(0, -1)) as JsonRecord
      delete parentNode[path[path.length - 1] as string]
      return root
    }
    case "case-variant": {
      const key = path[path.length - 1] as string
      const renamed = caseVariant(key, mutation.pick)
      if (renamed === key) return root
      return replaceAt(root, path.slice(0, -1), renameKey(at(root, path.slice(0, -1)) as JsonRecord, key, renamed))
    }
    case "wrong-type": {
      const pool = otherTypes.filter((v) => typeof v !== typeof value || Array.isArray(v) !== Array.isArray(value))
      return replaceAt(root, path, structuredClone(pickFrom(pool, mutation.pick)))
    }
    case "null":
      return replaceAt(root, path, null)
    case "out-of-enum":
      return replaceAt(root, path, pickFrom(nearMisses, mutation.pick))
    case "empty-string":
      return replaceAt(root, path, "")
    case "number-for-string":
      return replaceAt(root, path, pickFrom(numbersForStrings, mutation.pick))
    case "string-for-number":
      return replaceAt(root, path, String(value))
    case "number-edge":
      return replaceAt(root, path, pickFrom(numberEdges, mutation.pick))
    case "extra-key": {
      const key = pickFrom(unknownKeys, mutation.pick)
      setOwn(value as JsonRecord, key, pickFrom(otherTypes, mutation.pick >> 3))
      return root
    }
    case "known-key": {
      const [key, values] = pickFrom(knownKeys, mutation.pick)
      setOwn(value as JsonRecord, key, structuredClone(pickFrom(values, mutation.pick >> 6)))
      return root
    }
    case "empty-array":
      return replaceAt(root, path, [])
    case "empty-object":
      return replaceAt(root, path, {})
    case "duplicate-item": {
      const list = value as Array<unknown>
      list.push(structuredClone(pickFrom(list, mutation.pick)))
      return root
    }
    case "remove-item": {
      const list = value as Array<unknown>
      list.splice(mutation.pick % list.length, 1)
      return root
    }
  }
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...mutationKinds),
  target: fc.nat(),
  pick: fc.nat(),
})

export interface MutatedManifest {
  readonly value: unknown
  readonly mutations: ReadonlyArray<Mutation>
}

/**
 * A base manifest with up to `maxMutations` mutations. `bases` are drawn as they are (deep-copied),
 * alongside `generated`; arbitrary JSON values come now and then.
 */
export const mutatedManifestArb = (
  generated: fc.Arbitrary<unknown>,
  bases: ReadonlyArray<unknown>,
  maxMutations = 3,
): fc.Arbitrary<MutatedManifest> =>
  fc
    .record({
      base: fc.oneof(
        { arbitrary: generated, weight: 6 },
        { arbitrary: fc.constantFrom(...bases), weight: 3 },
        { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
      ),
      mutations: fc.array(mutationArb, { minLength: 0, maxLength: maxMutations }),
    })
    .map(({ base, mutations }) => {
      let value: unknown = structuredClone(base)
      for (const mutation of mutations) value = applyMutation(value, mutation)
      return { value, mutations }
    })

/**
 * Shape findings: what is wrong with a document's structure, driven by the model (the Effect
 * schemas as plain descriptors, internal/model.generated.ts, so that this module loads no effect).
 *
 * `shapeFindings(value)` walks the manifest's model alongside the value (no decoding, no
 * exceptions) and reports, with rule ids from design/rules.md:
 * - `missing-key` (error): a required key is absent. Pointer: the missing member
 *   (`/integrations/0/read/objects/2/destination`). When an unknown key of the same object looks
 *   like a misspelling of it (`objetName`), the two are one defect: one `missing-key` finding at the
 *   misspelt key (`at: "key"`) with the hint "rename …".
 * - `wrong-type` (error): a value of the wrong JSON type, `null` included, or a non-integer where an
 *   integer is required. A string-typed field holding a number or boolean gets the hint "quote it".
 * - `invalid-value` (error): a value outside its enum (`enabled: never`, `watchFieldsAuto: some`),
 *   or failing another schema check.
 * - `unknown-key` (warning, `at: "key"`): a key the schema does not define at that position, with a
 *   did-you-mean hint (case-insensitive match first). Ampersand's server matches keys
 *   case-insensitively (Go `encoding/json`: ASCII case, plus `ſ`→s, `K`(Kelvin)→k, `İ`/`ı`→i), so a
 *   case variant (`ObjectName`) is read as the real key: it is reported as `unknown-key` ("write it as
 *   `objectName`") and its value is checked as that key's value. When several spellings are present
 *   the server decodes each, in order, into the one field: mappings merge (and lists of them, element
 *   by element), other values are replaced (see `mergeStart`). The walk checks the merged value, each
 *   member at the spelling that supplied it, with one warning per non-canonical spelling that says
 *   which ("merges into the earlier `x`" / "overrides the earlier `x`"). The semantic rules read
 *   keys the same way, through `serverView` (rules/withServerKeys.ts).
 * One defect gives one finding; the walk does not descend into a value of the wrong type.
 *
 * A field entry (`requiredFields` / `optionalFields` item) is checked against the variant it means:
 * `fieldName` present ⇒ existing field; only `mapToName` ⇒ mapping; neither ⇒ nothing here.
 * Keys allowed in an entry are the union of both variants' keys (domain §2.12).
 *
 * NOT reported here, because a dedicated rule reports them (the schemas carry these owners as
 * annotations, see Manifest.ts; `schemaFindings(…, { owned: "keep" })` reports them under the
 * owner's id instead):
 * - `specVersion` missing, not a string, or not "1.0.0"          → `spec-version`
 * - `integrations` missing (empty is not a schema condition)      → `integration-structure`
 * - `read/write/subscribe.objects` missing                         → `read-objects`, `write-objects`, `subscribe-objects`
 * - `backfill.defaultPeriod` missing; `days` a number but no integer → `backfill-config`
 *   (`days: "30"`, a string, stays `wrong-type`, as rules.md lists it)
 * - a field entry with neither `fieldName` nor `mapToName`         → `field-entry-shape`
 * Not schema conditions at all (so never reported here): empty `integrations` / `objects`, both or
 * neither of `days`/`fullHistory`, negative `days`, `pageSize` presence and range, empty
 * `objectName` / `destination`, name formats, cron syntax, duplicates.
 *
 * Cost: one pass over the value, bounded by the schema's depth (a value nested deeper than the
 * schema is never visited); per-object-schema lookup tables are built once and cached. Measured on
 * the largest real sample (unifiedCRM, 13 KB; test/model/shape.perf.test.ts): this walk takes
 * ~0.07 ms, Effect's own `decodeUnknownResult(…, { errors: "all", onExcessProperty: "error" })`
 * ~0.24 ms, before the issue tree would even be post-processed (union branch, owners, case folding).
 */
import type { Finding, Severity } from "./Diagnostic.js"
import { models } from "./internal/model.generated.js"
import {
  checkPasses,
  type ModelArray,
  type ModelCheck,
  type ModelLiteral,
  type ModelNode,
  type ModelObject,
  type ModelProperty,
  type ModelUnion,
} from "./internal/model.js"
import { child, toPath } from "./internal/pointer.js"
import { excerpt, excerptLength, fitMessage, maxMessageLength, quote, show } from "./internal/quote.js"
import { suggest } from "./internal/suggest.js"

type LiteralValue = ModelLiteral["literal"]

// ---------------------------------------------------------------------------------------------
// Keys as the server matches them

/**
 * A key folded as Go's `encoding/json` folds field names (ASCII letters upper-cased; other code
 * points c → upper(lower(c)), of which only `ſ`, `K` (Kelvin sign), `İ` and `ı` reach ASCII).
 * Two keys name the same field for the server iff their folds are equal.
 */
export const foldKey = (key: string): string => {
  let out = ""
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    if (code >= 97 && code <= 122) out += String.fromCharCode(code - 32)
    else if (code === 0x17f) out += "S"
    else if (code === 0x212a) out += "K"
    else if (code === 0x130 || code === 0x131) out += "I"
    else out += key[i]
  }
  return out
}

interface CompiledObject {
  readonly node: ModelObject
  /** Declared property by exact name. */
  readonly byName: ReadonlyMap<string, ModelProperty>
  /** Declared property name by folded name. */
  readonly byFold: ReadonlyMap<string, string>
  /** Required property names (in declaration order). */
  readonly required: ReadonlyArray<string>
  /** Names usable as keys here (Never-typed properties excluded), for suggestions. */
  readonly known: ReadonlyArray<string>
  readonly label: string | undefined
  /** Length of the longest declared name. */
  readonly longest: number
}

const compiledObjects = new WeakMap<ModelObject, CompiledObject>()

const compileObject = (node: ModelObject): CompiledObject => {
  const cached = compiledObjects.get(node)
  if (cached !== undefined) return cached
  const byName = new Map<string, ModelProperty>()
  const byFold = new Map<string, string>()
  const required: Array<string> = []
  const known: Array<string> = []
  for (const ps of node.properties) {
    byName.set(ps.name, ps)
    byFold.set(foldKey(ps.name), ps.name)
    if (!ps.optional) required.push(ps.name)
    if (ps.type._tag !== "Never") known.push(ps.name)
  }
  const compiled: CompiledObject = {
    node,
    byName,
    byFold,
    required,
    known,
    label: node.label,
    longest: Math.max(0, ...[...byName.keys()].map((name) => name.length)),
  }
  compiledObjects.set(node, compiled)
  return compiled
}

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The declared property a key names for the server (exact name first, then folded), if any. A key
 * longer than every declared name is not folded at all (folding keeps the length), so hostile long
 * keys cost nothing here.
 */
const resolveKey = (compiled: CompiledObject, key: string): string | undefined =>
  compiled.byName.has(key) ? key : key.length > compiled.longest ? undefined : compiled.byFold.get(foldKey(key))

/** Whether `value` (an object) has a key naming property `name` for the server. */
const hasKey = (compiled: CompiledObject, value: Readonly<Record<string, unknown>>, name: string): boolean => {
  if (Object.hasOwn(value, name)) return true
  for (const key of Object.keys(value)) if (resolveKey(compiled, key) === name) return true
  return false
}

interface CompiledUnion {
  /** Members as compiled objects, when every member is an object schema. */
  readonly objects: ReadonlyArray<CompiledObject> | undefined
  /** Member literals, when every member is a literal (an enum). */
  readonly literals: ReadonlyArray<LiteralValue> | undefined
  /** Keys usable in any object member (domain §2.12: an entry may hold keys of both variants). */
  readonly known: ReadonlyArray<string>
}

const compiledUnions = new WeakMap<ModelUnion, CompiledUnion>()

const compileUnion = (union: ModelUnion): CompiledUnion => {
  const cached = compiledUnions.get(union)
  if (cached !== undefined) return cached
  const objects: Array<CompiledObject> = []
  const literals: Array<LiteralValue> = []
  for (const node of union.members) {
    if (node._tag === "Object") objects.push(compileObject(node))
    else if (node._tag === "Literal") literals.push(node.literal)
  }
  const known = new Set<string>()
  for (const o of objects) for (const k of o.known) known.add(k)
  const compiled: CompiledUnion = {
    objects: objects.length === union.members.length ? objects : undefined,
    literals: literals.length === union.members.length ? literals : undefined,
    known: [...known],
  }
  compiledUnions.set(union, compiled)
  return compiled
}

/**
 * The union member a value means: the first object member whose required keys are all present
 * (the server's resolution for field entries: `fieldName` ⇒ existing field, else mapping).
 */
const meantMember = (union: ModelUnion, value: Readonly<Record<string, unknown>>): CompiledObject | undefined => {
  for (const compiled of compileUnion(union).objects ?? []) {
    if (compiled.required.every((name) => hasKey(compiled, value, name))) return compiled
  }
  return undefined
}

const literalMembers = (union: ModelUnion): ReadonlyArray<LiteralValue> | undefined => compileUnion(union).literals

/** `pointer` + one reference token (RFC 6901 escaping only when the key needs it). */
const step = (pointer: string, token: string | number): string =>
  typeof token === "number" || (token.indexOf("~") < 0 && token.indexOf("/") < 0)
    ? `${pointer}/${token}`
    : child(pointer, token)

// ---------------------------------------------------------------------------------------------
// Canonical keys (used by decoding, Document.ts)

/**
 * A copy of `value` whose object keys are spelled as the model declares them, resolved as the
 * server resolves them (exact, then case-insensitive; several spellings of one key are decoded in
 * order into one field, so mappings merge and other values are replaced: see {@link serverView}).
 * Keys the model does not declare are dropped (typed decoding ignores them anyway); keys of a
 * record are kept as they are. Values of the wrong type are returned unchanged, for the decoder to
 * reject. Never mutates `value`.
 */
export const canonicalKeys = (model: ModelNode, value: unknown): unknown => canonical(model, viewOf(model, value))

/** Drops undeclared keys of a server view (whose declared keys are already spelled as declared). */
const canonical = (node: ModelNode, value: unknown): unknown => {
  switch (node._tag) {
    case "Array":
      return Array.isArray(value) ? value.map((v) => canonical(node.item, v)) : value
    case "Union": {
      if (!isPlainObject(value)) return value
      const member = meantMember(node, value)
      return member === undefined ? value : canonical(member.node, value)
    }
    case "Object": {
      if (!isPlainObject(value)) return value
      const compiled = compileObject(node)
      const out: Record<string, unknown> = {}
      const record = node.record
      for (const key of Object.keys(value)) {
        const ps = compiled.byName.get(key)
        if (ps !== undefined) out[key] = canonical(ps.type, value[key])
        else if (record !== undefined) defineMember(out, key, canonical(record, value[key]))
      }
      return out
    }
    default:
      return value
  }
}

// ---------------------------------------------------------------------------------------------
// Several spellings of one key: Go decodes each, in order, into the same field

/**
 * Where the values decoded into one field start to accumulate (`values[start..]` all count). Go's
 * `encoding/json` decodes a later object INTO the struct (or map) an earlier one filled, and a
 * later array into the slice an earlier one filled, element by element, over the old elements (its
 * `array()` grows the slice over the old backing array and never clears it; the result has the
 * later array's length); an empty array makes a fresh slice. Everything else (scalars, field
 * entries, which decode through a union's `UnmarshalJSON`) is replaced, and so, here, is a value of
 * another type: null (which resets a pointer) or a wrong type (which the server rejects anyway) ends
 * the accumulation. Returns the last index when nothing accumulates.
 */
const mergeStart = (node: ModelNode, values: ReadonlyArray<unknown>): number => {
  const last = values.length - 1
  const accumulates =
    node._tag === "Object"
      ? (v: unknown) => isPlainObject(v)
      : node._tag === "Array"
        ? (v: unknown) => Array.isArray(v) && v.length > 0
        : undefined
  if (accumulates === undefined || !accumulates(values[last])) return last
  let start = last
  while (start > 0 && accumulates(values[start - 1])) start--
  return start
}

/** A value decoded into a field, with where it is written relative to the object holding the spellings. */
interface Contribution {
  readonly value: unknown
  readonly path: ReadonlyArray<string>
}

/**
 * A view node built by accumulating several values, and where its parts are written, each as a
 * path relative to the view object whose key had several spellings: `self` for the node itself
 * (its last contribution), `members` for members taken from one contribution; members in `merged`
 * are accumulated nodes themselves.
 */
interface MergeInfo {
  readonly self: ReadonlyArray<string>
  readonly members: ReadonlyMap<string, ReadonlyArray<string>>
  readonly merged: ReadonlySet<string>
}

const mergeInfos = new WeakMap<object, MergeInfo>()

/**
 * The value the server holds after decoding `values` (the raw values of the spellings, in order,
 * already flattened: a spelling inside an earlier one counts in its place) into one field of type
 * `node`, see {@link mergeStart}: a fresh node registered in `mergeInfos` when values accumulate,
 * else the view of one value. `from` is that value's index (-1 for a fresh node).
 */
const accumulate = (
  node: ModelNode,
  values: ReadonlyArray<Contribution>,
): { readonly value: unknown; readonly from: number } => {
  const start = mergeStart(
    node,
    values.map((c) => c.value),
  )
  const last = values.length - 1
  if (start === last) return { value: viewOf(node, (values[last] as Contribution).value), from: last }
  const run = values.slice(start)
  const members = new Map<string, ReadonlyArray<string>>()
  const merged = new Set<string>()
  const place = (
    record: Record<string, unknown>,
    key: string,
    type: ModelNode | undefined,
    list: Array<Contribution>,
  ) => {
    if (type === undefined) {
      const only = list[list.length - 1] as Contribution
      defineMember(record, key, only.value)
      members.set(key, only.path)
      return
    }
    const combined = accumulate(type, list)
    defineMember(record, key, combined.value)
    if (combined.from < 0) merged.add(key)
    else members.set(key, (list[combined.from] as Contribution).path)
  }
  let out: Record<string, unknown> | Array<unknown>
  if (node._tag === "Array") {
    const lastArray = (run[run.length - 1] as Contribution).value as ReadonlyArray<unknown>
    const items: Record<string, unknown> = {}
    for (let i = 0; i < lastArray.length; i++) {
      const list: Array<Contribution> = []
      for (const c of run) {
        const array = c.value as ReadonlyArray<unknown>
        if (array.length > i) list.push({ value: array[i], path: [...c.path, String(i)] })
      }
      place(items, String(i), node.item, list)
    }
    out = Array.from({ length: lastArray.length }, (_, i) => items[String(i)])
  } else {
    const compiled = compileObject(node as ModelObject)
    const byName = new Map<string, Array<Contribution>>()
    for (const c of run) {
      const object = c.value as Readonly<Record<string, unknown>>
      for (const key of Object.keys(object)) {
        const name = resolveKey(compiled, key)
        const target = name !== undefined && compiled.byName.has(name) ? name : key
        const contribution = { value: object[key], path: [...c.path, key] }
        const list = byName.get(target)
        if (list === undefined) byName.set(target, [contribution])
        else list.push(contribution)
      }
    }
    const record: Record<string, unknown> = {}
    for (const [key, list] of byName) {
      // Declared fields accumulate; map entries take the last value (viewed); undeclared keys stay as written.
      const ps = compiled.byName.get(key)
      const type = ps?.type ?? (node as ModelObject).record
      if (ps === undefined && type !== undefined) place(record, key, type, list.slice(-1))
      else place(record, key, type, list)
    }
    out = record
  }
  mergeInfos.set(out, { self: (run[run.length - 1] as Contribution).path, members, merged })
  return { value: out, from: -1 }
}

// ---------------------------------------------------------------------------------------------
// The server's view of keys (used by the semantic rules, rules/withServerKeys.ts)

/** A manifest value as the server reads its keys, with the way back to the keys as written. */
export interface ServerView {
  /**
   * The value with every case variant of a declared key renamed to that key (`READ` → `read`) and
   * several spellings of one key combined as the server decodes them, in order, into one field:
   * mappings merge (members the later one does not mention survive, recursively), lists merge
   * element by element (the later list's length; see `mergeStart`), anything else is replaced (the
   * last spelling wins). Nothing else changes: unknown keys stay, values of the wrong type stay as
   * they are, and every sub-tree without a case variant is the input's own object (the whole input
   * when it has none). Never mutates the input.
   */
  readonly value: unknown
  /**
   * The pointer of a node of `value` → the pointer of the same node in the input, naming each key as
   * written (`/integrations/0/read` → `/integrations/0/READ`); in merged content, the spelling that
   * supplied the member (a merged node itself maps to the last spelling). Tokens past the last
   * existing node (a pointer to an absent key) are kept as they are.
   */
  readonly written: (pointer: string) => string
}

/** Per object of a view that renamed keys: declared name → the key as written (only where they differ). */
const viewRenames = new WeakMap<object, ReadonlyMap<string, string>>()

/**
 * The manifest as the server reads its keys (Go `encoding/json`: exact name first, else
 * case-insensitive; several spellings of one key decoded in order into one field), so that rules
 * written against the declared key names see what the server sees; `written` maps their pointers
 * back onto the input. Same key resolution as {@link canonicalKeys} (which also drops unknown keys,
 * for the typed decoder).
 */
export const serverView = (value: unknown): ServerView => {
  const viewed = viewOf(models.manifest, value)
  if (viewed === value) return { value, written: (pointer) => pointer }
  return { value: viewed, written: (pointer) => writtenPointer(viewed, pointer) }
}

const viewOf = (node: ModelNode, value: unknown): unknown => {
  switch (node._tag) {
    case "Array": {
      const item = node.item
      if (!Array.isArray(value)) return value
      let out: Array<unknown> | undefined
      for (let i = 0; i < value.length; i++) {
        const viewed = viewOf(item, value[i])
        if (viewed !== value[i] && out === undefined) out = value.slice(0, i)
        out?.push(viewed)
      }
      return out ?? value
    }
    case "Union": {
      if (!isPlainObject(value)) return value
      const member = meantMember(node, value)
      return member === undefined ? value : viewOf(member.node, value)
    }
    case "Object":
      return isPlainObject(value) ? viewObject(node, value) : value
    default:
      return value
  }
}

const viewObject = (node: ModelObject, value: Readonly<Record<string, unknown>>): unknown => {
  const compiled = compileObject(node)
  const index = node.record
  const keys = Object.keys(value)
  // Allocates only once a key is renamed or a member's view differs (never, for most documents).
  let out: Record<string, unknown> | undefined
  let renames: Map<string, string> | undefined
  // Declared names written more than once: the keys as written and their views, in order.
  let repeated: Map<string, Array<Contribution>> | undefined
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string
    const name = resolveKey(compiled, key)
    const ps = name === undefined ? undefined : compiled.byName.get(name)
    const type = ps?.type ?? index
    const target = ps !== undefined && name !== undefined ? name : key
    // A later spelling of a declared key (before `out` exists, every earlier key is as written).
    const again =
      ps !== undefined &&
      (out !== undefined
        ? Object.hasOwn(out, target)
        : target !== key && Object.hasOwn(value, target) && keys.indexOf(target) < k)
    const viewed = again || type === undefined ? value[key] : viewOf(type, value[key])
    if (out === undefined) {
      if (!again && target === key && viewed === value[key]) continue
      out = {}
      for (let j = 0; j < k; j++) defineMember(out, keys[j] as string, value[keys[j] as string])
    }
    renames ??= new Map()
    if (again) {
      repeated ??= new Map()
      let spelt = repeated.get(target)
      if (spelt === undefined) {
        const first = renames.get(target) ?? target
        spelt = [{ value: value[first], path: [first] }]
        repeated.set(target, spelt)
      }
      spelt.push({ value: value[key], path: [key] })
      continue
    }
    defineMember(out, target, viewed)
    if (target === key) renames.delete(target)
    else renames.set(target, key)
  }
  if (out === undefined) return value
  if (repeated !== undefined && renames !== undefined) {
    for (const [name, spelt] of repeated) {
      const combined = accumulate((compiled.byName.get(name) as ModelProperty).type, spelt)
      defineMember(out, name, combined.value)
      // An accumulated node maps its own parts back (mergeInfos); else the winning spelling.
      const winner = combined.from < 0 ? name : ((spelt[combined.from] as Contribution).path[0] as string)
      if (winner === name) renames.delete(name)
      else renames.set(name, winner)
    }
  }
  if (renames !== undefined && renames.size > 0) viewRenames.set(out, renames)
  return out
}

/** Set an own, enumerable member (a key such as `__proto__` stays plain data). */
const defineMember = (record: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
}

const writtenPointer = (root: unknown, pointer: string): string => {
  let path: Array<string>
  try {
    path = toPath(pointer)
  } catch {
    return pointer
  }
  let node = root
  let out = ""
  for (let k = 0; k < path.length; k++) {
    const token = path[k] as string
    const member = hasMember(node, token) ? memberOf(node, token) : undefined
    let info = typeof member === "object" && member !== null ? mergeInfos.get(member) : undefined
    if (info !== undefined) {
      // Accumulated from several spellings: its parts are written relative to `out`.
      const prefix = out
      let at: unknown = member
      let j = k + 1
      for (;;) {
        const next = path[j]
        const rel = next === undefined ? undefined : info.members.get(next)
        if (next !== undefined && info.merged.has(next)) {
          at = memberOf(at, next)
          info = mergeInfos.get(at as object) as MergeInfo
          j++
          continue
        }
        if (next === undefined || rel === undefined) {
          // The node itself, or a member no spelling has: the last spelling.
          out = info.self.reduce(step, prefix)
          node = undefined
          k = j - 1
        } else {
          out = rel.reduce(step, prefix)
          node = memberOf(at, next)
          k = j
        }
        break
      }
      continue
    }
    const written = isPlainObject(node) ? (viewRenames.get(node)?.get(token) ?? token) : token
    out = step(out, written)
    node = member
  }
  return out
}

/** Whether `container` (an object or array of a view) has member `token`. */
const hasMember = (container: unknown, token: string): boolean =>
  Array.isArray(container)
    ? /^(0|[1-9]\d*)$/.test(token) && Number(token) < container.length
    : isPlainObject(container) && Object.hasOwn(container, token)

const memberOf = (container: unknown, token: string): unknown =>
  Array.isArray(container) ? container[Number(token)] : isPlainObject(container) ? container[token] : undefined

// ---------------------------------------------------------------------------------------------
// Findings

/** Options of {@link schemaFindings}. */
export interface SchemaFindingsOptions {
  /**
   * Conditions whose schema node names an owning rule (see the module comment): `"drop"` leaves
   * them to that rule (the validator's view); `"keep"` reports them under the owner's rule id
   * (a complete account of why decoding fails).
   */
  readonly owned: "drop" | "keep"
  /** Report keys the schema does not define (`unknown-key` warnings). */
  readonly unknownKeys: boolean
}

interface WalkContext extends SchemaFindingsOptions {
  readonly out: Array<Finding>
}

const emit = (
  ctx: WalkContext,
  owner: unknown,
  natural: string,
  severity: Severity,
  message: string,
  pointer: string,
  extra: { readonly hint?: string | undefined; readonly at?: "key" | "value" } = {},
): void => {
  const ownerRule = typeof owner === "string" ? owner : undefined
  if (ownerRule !== undefined && ctx.owned === "drop") return
  ctx.out.push({
    rule: ownerRule ?? natural,
    severity,
    message,
    pointer,
    ...(extra.at !== undefined ? { at: extra.at } : {}),
    ...(extra.hint !== undefined ? { hint: extra.hint } : {}),
  })
}

const ownerOf = (node: { readonly owner?: string } | undefined): string | undefined => node?.owner

/** `` `key` `` for an object member, `` `list[3]` `` for an array item, "the document" for the root. */
const subjectOf = (pointer: string, max: number = excerptLength): string => {
  if (pointer === "") return "the document"
  const path = toPath(pointer)
  const last = path[path.length - 1] ?? ""
  if (/^(0|[1-9]\d*)$/.test(last) && path.length >= 2)
    return `\`${excerpt(path[path.length - 2] ?? "", max)}[${last}]\``
  return quote(last, max)
}

const isIntCheck = (check: ModelCheck): boolean => check.id === "int"

const hasIntCheck = (node: ModelNode): boolean => "checks" in node && node.checks?.some(isIntCheck) === true

const codeList = (values: ReadonlyArray<LiteralValue>): string =>
  values.map((v) => `\`${excerpt(String(v), 40)}\``).join(", ")

/** What a node expects, in words ("a string", "one of `all`, `selected`", "a mapping" …). */
const expectedOf = (node: ModelNode): string => {
  switch (node._tag) {
    case "String":
      return "a string"
    case "Number":
      return hasIntCheck(node) ? "an integer" : "a number"
    case "Boolean":
      return "true or false"
    case "Null":
      return "null"
    case "Literal":
      return `\`${excerpt(String(node.literal), 40)}\``
    case "Array":
      return "a list"
    case "Object":
      return "a mapping"
    case "Union": {
      const literals = literalMembers(node)
      if (literals !== undefined) return literals.length === 1 ? codeList(literals) : `one of ${codeList(literals)}`
      if (compileUnion(node).objects !== undefined) return "a mapping"
      return node.members.map(expectedOf).join(" or ")
    }
    default:
      return "a valid value"
  }
}

const jsonTypeOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value

/** The JSON type names a node's values may have. */
const jsonTypesOf = (node: ModelNode): ReadonlySet<string> => {
  switch (node._tag) {
    case "String":
      return new Set(["string"])
    case "Number":
      return new Set(["number"])
    case "Boolean":
      return new Set(["boolean"])
    case "Null":
      return new Set(["null"])
    case "Literal":
      return new Set([node.literal === null ? "null" : typeof node.literal])
    case "Array":
      return new Set(["array"])
    case "Object":
      return new Set(["object"])
    case "Union": {
      const out = new Set<string>()
      for (const t of node.members) for (const j of jsonTypesOf(t)) out.add(j)
      return out
    }
    default:
      return new Set(["string", "number", "boolean", "null", "array", "object"])
  }
}

const typeHint = (node: ModelNode, value: unknown, pointer: string): string | undefined => {
  const expected = jsonTypesOf(node)
  if (value === null)
    return /\/\d+$/.test(pointer) ? "give it a value or remove the empty item" : "give it a value or remove the key"
  const literals = node._tag === "Literal" ? [node.literal] : node._tag === "Union" ? literalMembers(node) : undefined
  if (literals !== undefined) return literals.length === 1 ? `write \`${excerpt(String(literals[0]), 40)}\`` : undefined
  // Not `quote it: "<value>"`: the parsed value need not be what was written (`1.10` parses as 1.1,
  // `0x1F` as 31, `True` as true), and quoting the parsed form would change the name.
  if (expected.has("string") && (typeof value === "number" || typeof value === "boolean")) {
    return `quote it, exactly as written (unquoted, it is read as a ${typeof value})`
  }
  if (expected.has("boolean") && typeof value === "string" && /^(true|false)$/i.test(value)) {
    return `write ${value.toLowerCase()} without quotes`
  }
  if (expected.has("number") && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return "remove the quotes"
  }
  if (expected.has("array") && isPlainObject(value)) return "write it as a list: one `- ` item per entry"
  return undefined
}

const wrongType = (ctx: WalkContext, node: ModelNode, value: unknown, pointer: string): void => {
  emit(
    ctx,
    ownerOf(node),
    "wrong-type",
    "error",
    fitMessage((max) => `${subjectOf(pointer, max)} must be ${expectedOf(node)}, got ${show(value, max)}`),
    pointer,
    { hint: typeHint(node, value, pointer) },
  )
}

const runChecks = (ctx: WalkContext, node: ModelNode, value: unknown, pointer: string): void => {
  const checks = "checks" in node ? node.checks : undefined
  if (checks === undefined) return
  for (const check of checks) {
    const owner = ownerOf(check)
    if (owner !== undefined && ctx.owned === "drop") continue
    if (checkPasses(check.id, value)) continue
    emit(
      ctx,
      owner,
      isIntCheck(check) ? "wrong-type" : "invalid-value",
      "error",
      fitMessage((max) => `${subjectOf(pointer, max)} must be ${check.expected}, got ${show(value, max)}`),
      pointer,
    )
    return
  }
}

const walk = (ctx: WalkContext, node: ModelNode, value: unknown, pointer: string): void => {
  switch (node._tag) {
    case "String":
    case "Number":
    case "Boolean":
    case "Null": {
      const matches =
        node._tag === "String"
          ? typeof value === "string"
          : node._tag === "Number"
            ? typeof value === "number" && Number.isFinite(value)
            : node._tag === "Boolean"
              ? typeof value === "boolean"
              : value === null
      if (matches) runChecks(ctx, node, value, pointer)
      else wrongType(ctx, node, value, pointer)
      break
    }
    case "Literal":
      walkEnum(ctx, node, [node.literal], value, pointer)
      break
    case "Never":
      emit(ctx, ownerOf(node), "invalid-value", "error", `${subjectOf(pointer)} is not allowed here`, pointer)
      break
    case "Array":
      walkArray(ctx, node, value, pointer)
      break
    case "Object":
      if (isPlainObject(value)) walkObject(ctx, compileObject(node), [{ value, pointer }], undefined)
      else wrongType(ctx, node, value, pointer)
      break
    case "Union": {
      const literals = literalMembers(node)
      if (literals !== undefined) walkEnum(ctx, node, literals, value, pointer)
      else walkUnion(ctx, node, value, pointer)
      break
    }
    default:
      break
  }
}

const walkEnum = (
  ctx: WalkContext,
  node: ModelNode,
  literals: ReadonlyArray<LiteralValue>,
  value: unknown,
  pointer: string,
): void => {
  if (literals.some((l) => l === value)) {
    runChecks(ctx, node, value, pointer)
    return
  }
  if (!jsonTypesOf(node).has(jsonTypeOf(value))) {
    wrongType(ctx, node, value, pointer)
    return
  }
  const candidates = literals.filter((l): l is string => typeof l === "string")
  const close = typeof value === "string" ? suggest(value, candidates) : undefined
  emit(
    ctx,
    ownerOf(node),
    "invalid-value",
    "error",
    fitMessage((max) => `${subjectOf(pointer, max)} must be ${expectedOf(node)}, got ${show(value, max)}`),
    pointer,
    { hint: close !== undefined ? `did you mean \`${close}\`?` : undefined },
  )
}

const walkArray = (ctx: WalkContext, node: ModelArray, value: unknown, pointer: string): void => {
  if (!Array.isArray(value)) {
    wrongType(ctx, node, value, pointer)
    return
  }
  for (let i = 0; i < value.length; i++) walk(ctx, node.item, value[i], step(pointer, i))
}

const walkUnion = (ctx: WalkContext, node: ModelUnion, value: unknown, pointer: string): void => {
  const compiled = compileUnion(node)
  if (compiled.objects !== undefined) {
    if (!isPlainObject(value)) {
      wrongType(ctx, node, value, pointer)
      return
    }
    const member = meantMember(node, value)
    if (member !== undefined) {
      walkObject(ctx, member, [{ value, pointer }], compiled.known)
      return
    }
    const needs = compiled.objects.map((o) => o.required.map((r) => `\`${r}\``).join(" and ")).join(" or ")
    emit(ctx, node.noBranchOwner, "missing-key", "error", `${subjectOf(pointer)} needs ${needs}`, pointer)
    return
  }
  // A general union: accept when some member yields no finding, else report the member with fewest.
  let best: Array<Finding> | undefined
  for (const member of node.members) {
    const trial: WalkContext = { ...ctx, out: [] }
    walk(trial, member, value, pointer)
    if (trial.out.filter((f) => f.severity === "error").length === 0) return
    if (best === undefined || trial.out.length < best.length) best = trial.out
  }
  if (best !== undefined) for (const finding of best) ctx.out.push(finding)
}

/** A value to walk and where it is written. */
interface Sourced {
  readonly value: unknown
  readonly pointer: string
}

/**
 * Walk the values decoded, in order, into one field (several spellings of one key): the value the
 * server ends with, each member from the spelling that supplied it (see `mergeStart`).
 */
const walkAccumulated = (ctx: WalkContext, node: ModelNode, sources: ReadonlyArray<Sourced>): void => {
  const start = mergeStart(
    node,
    sources.map((s) => s.value),
  )
  const last = sources[sources.length - 1] as Sourced
  if (start === sources.length - 1) {
    walk(ctx, node, last.value, last.pointer)
    return
  }
  const run = sources.slice(start)
  if (node._tag === "Object") {
    walkObject(ctx, compileObject(node), run, undefined)
    return
  }
  if (node._tag !== "Array") return
  const length = (last.value as ReadonlyArray<unknown>).length
  for (let i = 0; i < length; i++) {
    const items: Array<Sourced> = []
    for (const s of run) {
      const list = s.value as ReadonlyArray<unknown>
      if (list.length > i) items.push({ value: list[i], pointer: step(s.pointer, i) })
    }
    walkAccumulated(ctx, node.item, items)
  }
}

/** One key as written, in one of the objects being walked. */
interface Spelt extends Sourced {
  readonly key: string
}

/**
 * Walk an object, or several objects decoded in order into one struct (several spellings of its
 * key): their keys together, as the server reads them.
 */
const walkObject = (
  ctx: WalkContext,
  compiled: CompiledObject,
  sources: ReadonlyArray<Sourced>,
  knownOverride: ReadonlyArray<string> | undefined,
): void => {
  const known = knownOverride ?? compiled.known
  const index = compiled.node.record
  const spellings = new Map<string, Array<Spelt>>()
  const unknown: Array<Spelt> = []
  const entries = new Map<string, Sourced>()
  const pointer = (sources[sources.length - 1] as Sourced).pointer
  for (const source of sources) {
    const value = source.value as Readonly<Record<string, unknown>>
    for (const key of Object.keys(value)) {
      const name = resolveKey(compiled, key)
      if (name === undefined) {
        if (index !== undefined) {
          if (sources.length === 1) walk(ctx, index, value[key], step(source.pointer, key))
          else entries.set(key, { value: value[key], pointer: step(source.pointer, key) })
        } else if (!known.includes(key)) unknown.push({ key, value: value[key], pointer: child(source.pointer, key) })
        continue
      }
      const spelt: Spelt = { key, value: value[key], pointer: step(source.pointer, key) }
      const list = spellings.get(name)
      if (list === undefined) spellings.set(name, [spelt])
      else list.push(spelt)
    }
  }
  // A map keeps the entries of earlier objects; a key's value is the last one (Go replaces map values).
  if (index !== undefined) for (const entry of entries.values()) walk(ctx, index, entry.value, entry.pointer)
  // Missing required keys first (they may absorb a misspelt unknown key).
  const absorbed = new Set<Spelt>()
  for (const name of compiled.required) {
    if (spellings.has(name)) continue
    const ps = compiled.byName.get(name)
    const owner = ps?.owner
    if (owner !== undefined && ctx.owned === "drop") continue
    const what = compiled.label ?? "this mapping"
    const typo = ctx.unknownKeys
      ? unknown.find((spelt) => !absorbed.has(spelt) && suggest(spelt.key, known) === name)
      : undefined
    if (typo !== undefined) {
      absorbed.add(typo)
      emit(
        ctx,
        owner,
        "missing-key",
        "error",
        fitMessage((max) => `${what} is missing \`${name}\`: ${quote(typo.key, max)} looks like a misspelling of it`),
        typo.pointer,
        { hint: `rename ${quote(typo.key)} to \`${name}\``, at: "key" },
      )
    } else {
      emit(ctx, owner, "missing-key", "error", `${what} is missing required key \`${name}\``, child(pointer, name))
    }
  }
  // Present keys, case variants included.
  for (const [name, spelt] of spellings) {
    const ps = compiled.byName.get(name)
    if (ctx.unknownKeys && spelt.some((s) => s.key !== name)) {
      const start =
        ps === undefined
          ? spelt.length - 1
          : mergeStart(
              ps.type,
              spelt.map((s) => s.value),
            )
      for (let i = 0; i < spelt.length; i++) {
        const { key } = spelt[i] as Spelt
        if (key === name) continue
        const merges = start < spelt.length - 1 && i >= start
        const message =
          spelt.length === 1
            ? fitMessage((max) => `key ${quote(key, max)} is read as \`${name}\` (keys match case-insensitively)`)
            : merges && i > start
              ? fitMessage(
                  (max) => `key ${quote(key, max)} merges into the earlier \`${name}\` (keys match case-insensitively)`,
                )
              : merges
                ? fitMessage((max) => `key ${quote(key, max)} is merged with a later spelling of \`${name}\``)
                : i === spelt.length - 1
                  ? fitMessage(
                      (max) =>
                        `key ${quote(key, max)} overrides the earlier \`${name}\` (keys match case-insensitively)`,
                    )
                  : fitMessage((max) => `key ${quote(key, max)} is overridden by a later spelling of \`${name}\``)
        emit(ctx, undefined, "unknown-key", "warning", message, (spelt[i] as Spelt).pointer, {
          hint: spelt.length === 1 ? `write it as \`${name}\`` : `keep one spelling: \`${name}\``,
          at: "key",
        })
      }
    }
    if (ps === undefined) continue
    if (spelt.length === 1) walk(ctx, ps.type, (spelt[0] as Spelt).value, (spelt[0] as Spelt).pointer)
    else walkAccumulated(ctx, ps.type, spelt)
  }
  if (!ctx.unknownKeys) return
  for (const spelt of unknown) {
    if (absorbed.has(spelt)) continue
    const key = spelt.key
    const close = suggest(key, known)
    const allowed =
      (Object.hasOwn(knownKeyHints, key) ? knownKeyHints[key] : undefined) ??
      (known.length <= 9 ? allowedKeys(known) : undefined)
    emit(
      ctx,
      undefined,
      "unknown-key",
      "warning",
      fitMessage(
        (max) => `unknown key ${quote(key, max)} in ${compiled.label ?? "this mapping"} (Ampersand ignores it)`,
      ),
      spelt.pointer,
      { hint: close !== undefined ? `did you mean \`${close}\`?` : allowed, at: "key" },
    )
  }
}

/** "keys allowed here: `a`, `b`, …", as many as fit in a hint. */
const allowedKeys = (known: ReadonlyArray<string>): string => {
  let out = "keys allowed here:"
  for (let i = 0; i < known.length; i++) {
    const next = `${out}${i === 0 ? " " : ", "}\`${known[i]}\``
    if (next.length > maxMessageLength - 3) return `${out}, …`
    out = next
  }
  return out
}

const configKey = (key: string) => `\`${key}\` belongs to an installation's config, not to amp.yaml`

/**
 * Hints for unknown keys people write by mistake: installation-config keys (domain Q14) and the
 * `delete` action some samples carry (deletion is enabled per installation, domain §2.8).
 */
const knownKeyHints: Readonly<Record<string, string>> = {
  alwaysEnabled: "write `enabled: always` instead",
  delete: "deletion is not an amp.yaml action: it is enabled per installation (write deletionSettings)",
  selectedFields: configKey("selectedFields"),
  selectedFieldMappings: configKey("selectedFieldMappings"),
  selectedFieldsAuto: configKey("selectedFieldsAuto"),
  selectedValueMappings: configKey("selectedValueMappings"),
  selectedFieldSettings: configKey("selectedFieldSettings"),
  selectedValueDefaults: configKey("selectedValueDefaults"),
  requiredFieldMappings: configKey("requiredFieldMappings"),
  deletionSettings: configKey("deletionSettings"),
}

/** Schema-level findings of `value` against any model (the encoded side of a schema). Never throws. */
export const schemaFindings = (model: ModelNode, value: unknown, options: SchemaFindingsOptions): Array<Finding> => {
  const ctx: WalkContext = { ...options, out: [] }
  walk(ctx, model, value, "")
  return ctx.out
}

/** The shape findings of a manifest for the validator (see the module comment). Never throws. */
export const shapeFindings = (value: unknown): Array<Finding> =>
  schemaFindings(models.manifest, value, { owned: "drop", unknownKeys: true })

// ---------------------------------------------------------------------------------------------
// Scalar types by pointer (for the `yaml-compat` rule)

/** The scalar JSON type a manifest position expects. */
export type ScalarType = "string" | "boolean" | "number" | "integer"

const scalarTypeOf = (node: ModelNode): ScalarType | undefined => {
  switch (node._tag) {
    case "String":
      return "string"
    case "Boolean":
      return "boolean"
    case "Number":
      return hasIntCheck(node) ? "integer" : "number"
    case "Literal":
      return typeof node.literal === "string"
        ? "string"
        : typeof node.literal === "boolean"
          ? "boolean"
          : typeof node.literal === "number"
            ? "number"
            : undefined
    case "Union": {
      const types = new Set(node.members.filter((t) => t._tag !== "Never").map(scalarTypeOf))
      return types.size === 1 ? [...types][0] : undefined
    }
    default:
      return undefined
  }
}

const descend = (node: ModelNode, token: string): ModelNode | undefined => {
  switch (node._tag) {
    case "Array":
      return /^(0|[1-9]\d*)$/.test(token) ? node.item : undefined
    case "Object": {
      const compiled = compileObject(node)
      const name = resolveKey(compiled, token)
      const ps = name === undefined ? undefined : compiled.byName.get(name)
      if (ps !== undefined) return ps.type._tag === "Never" ? undefined : ps.type
      return node.record
    }
    case "Union": {
      const found = node.members.map((t) => descend(t, token)).filter((t): t is ModelNode => t !== undefined)
      if (found.length === 0) return undefined
      if (found.length === 1) return found[0]
      const types = new Set(found.map(scalarTypeOf))
      return types.size === 1 && !types.has(undefined) ? found[0] : undefined
    }
    default:
      return undefined
  }
}

/**
 * The scalar type the manifest schema expects at a JSON pointer (`/integrations/0/read/objects/1/objectName`
 * → "string"), or `undefined` for containers, unknown positions and invalid pointers. Keys resolve
 * as the server resolves them (case-insensitively).
 */
export const expectedScalarType = (pointer: string): ScalarType | undefined => {
  if (pointer !== "" && !pointer.startsWith("/")) return undefined
  let node: ModelNode | undefined = models.manifest
  for (const token of toPath(pointer)) {
    node = descend(node, token)
    if (node === undefined) return undefined
  }
  return scalarTypeOf(node)
}

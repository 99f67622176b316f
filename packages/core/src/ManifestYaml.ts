/**
 * ManifestYaml: deterministic YAML text of a manifest, for a batch request's `sourceYaml`.
 *
 * Ampersand's server reads YAML with `sigs.k8s.io/yaml` (YAML 1.1 resolution); ampkit reads YAML 1.2.
 * The emitter therefore writes a string plain only when both read it back as that same string
 * (identifiers, object names such as `project/tickets`, display names); everything else is
 * double-quoted with JSON escapes, which both YAML versions accept. Keys come in the manifest's
 * canonical order (the order of the Ampersand schema), unknown keys after them in their given order,
 * so equal content always gives byte-identical text. Array order is kept as given.
 */

/** Canonical key order of every object in a manifest (one ranking works for all of them). */
const keyRank: ReadonlyMap<string, number> = new Map(
  [
    "specVersion",
    "integrations",
    "name",
    "displayName",
    "provider",
    "module",
    "objectName",
    "fieldName",
    "mapToName",
    "mapToDisplayName",
    "default",
    "prompt",
    "destination",
    "schedule",
    "enabled",
    "useModule",
    "inheritFieldsAndMapping",
    "inheritMapping",
    "valueDefaults",
    "allowAnyFields",
    "requiredFields",
    "optionalFields",
    "optionalFieldsAuto",
    "backfill",
    "defaultPeriod",
    "days",
    "fullHistory",
    "delivery",
    "mode",
    "pageSize",
    "read",
    "write",
    "subscribe",
    "proxy",
    "watchSchema",
    "objects",
    "createEvent",
    "updateEvent",
    "deleteEvent",
    "associationChangeEvent",
    "watchFieldsAuto",
    "requiredWatchFields",
    "includeFullRecords",
    "otherEvents",
    "allObjects",
    "fieldCreated",
    "fieldDeleted",
    "fieldChanged",
  ].map((key, index) => [key, index]),
)

/** Words YAML 1.1 (and partly 1.2) resolves to booleans or null when written plain. */
const reservedWords = new Set(
  ["y", "yes", "n", "no", "true", "false", "on", "off", "null"].flatMap((w) => [
    w,
    w.toUpperCase(),
    w[0]!.toUpperCase() + w.slice(1),
  ]),
)

/** A plain scalar both YAML 1.1 and 1.2 read as a string: starts with a letter, safe characters, single spaces. */
const plainSafe = /^[A-Za-z][A-Za-z0-9_./()?,'-]*(?: [A-Za-z0-9_./()?,'-]+)*$/
/** `e5`, `E-3`: YAML 1.1 floats with an empty mantissa in the `yaml` library (not in Go's); quoted for both. */
const exponentOnly = /^[eE][-+]?[0-9]+$/
/** Dotted version numbers (`1.0.0`): neither a float nor a sexagesimal number in either YAML version. */
const versionLike = /^[0-9]+\.[0-9]+\.[0-9]+$/

/** Characters YAML does not allow raw (or that would be invisible in review): escaped in double quotes. */
const unsafeChar =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const escapeChar = (c: string): string => {
  switch (c) {
    case "\n":
      return "\\n"
    case "\t":
      return "\\t"
    case "\r":
      return "\\r"
    default:
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  }
}

/** A string as a YAML scalar: plain when unambiguous in YAML 1.1 and 1.2, else double-quoted. */
export const yamlString = (s: string): string => {
  if ((plainSafe.test(s) && !reservedWords.has(s) && !exponentOnly.test(s)) || versionLike.test(s)) return s
  return `"${s.replace(/[\\"]/g, "\\$&").replace(unsafeChar, escapeChar)}"`
}

const scalar = (value: unknown): string => {
  if (typeof value === "string") return yamlString(value)
  if (typeof value === "number") {
    if (Number.isFinite(value)) return Object.is(value, -0) ? "0" : String(value)
    return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf"
  }
  if (typeof value === "boolean") return value ? "true" : "false"
  return "null"
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Own enumerable keys in canonical order: ranked keys first, then the others in their given order. */
export const orderedKeys = (record: Record<string, unknown>): Array<string> => {
  const keys = Object.keys(record).filter((k) => record[k] !== undefined)
  const ranked: Array<string> = []
  const rest: Array<string> = []
  for (const key of keys) (keyRank.has(key) ? ranked : rest).push(key)
  ranked.sort((a, b) => keyRank.get(a)! - keyRank.get(b)!)
  return ranked.concat(rest)
}

/** Whether a value is written on its own lines (a non-empty object or array) rather than inline. */
const isBlock = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : isRecord(value) && orderedKeys(value).length > 0

const inline = (value: unknown): string => (Array.isArray(value) ? "[]" : isRecord(value) ? "{}" : scalar(value))

/**
 * Append the block lines of `value` (a non-empty object or array) at `indent` spaces. `first` is the text
 * that precedes the first line (a sequence dash), which then takes the place of the indentation.
 */
const emitBlock = (out: Array<string>, value: unknown, indent: number, first: string | undefined): void => {
  const pad = " ".repeat(indent)
  let lead = first
  const prefix = (): string => {
    if (lead === undefined) return pad
    const p = lead
    lead = undefined
    return p
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const p = `${prefix()}- `
      if (isBlock(item)) emitBlock(out, item, indent + 2, p)
      else out.push(`${p}${inline(item)}`)
    }
    return
  }
  const record = value as Record<string, unknown>
  for (const key of orderedKeys(record)) {
    const item = record[key]
    const head = `${prefix()}${yamlString(key)}:`
    if (!isBlock(item)) out.push(`${head} ${inline(item)}`)
    else {
      out.push(head)
      emitBlock(out, item, indent + 2, undefined)
    }
  }
}

/** Block-style YAML of plain JSON data (objects, arrays, strings, finite numbers, booleans, null), ending in `\n`. */
export const yamlText = (value: unknown): string => {
  if (!isBlock(value)) return `${inline(value)}\n`
  const out: Array<string> = []
  emitBlock(out, value, 0, undefined)
  return `${out.join("\n")}\n`
}

/** The spec version every manifest ampkit writes declares (the only one Ampersand accepts). */
export const specVersion = "1.0.0"

/** A complete `amp.yaml` holding exactly `integrations` (integration blocks as plain data), deterministically. */
export const manifestYaml = (integrations: ReadonlyArray<unknown>): string => yamlText({ specVersion, integrations })

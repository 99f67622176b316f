/**
 * Typed decoding without effect: a model (internal/model.ts) + a JSON value → the typed value, the
 * same value `Schema.decodeUnknownResult(schema)` gives for the schema the model was generated from
 * (test/model/model-decode.prop.test.ts holds the two to each other), or where decoding first fails.
 *
 * Effect's semantics, mirrored: objects are non-array, non-null objects; declared properties are
 * read as own keys, in declaration order (the decoded object has its keys in that order); keys not
 * declared are dropped (`onExcessProperty: "ignore"`); a required key must be present, an optional
 * one may be absent but not `undefined`; records keep every own enumerable string key, in order
 * (`__proto__` stays plain data); arrays are copied item by item; unions take the first member that
 * decodes; checks run on a value of the right type; transformations run last.
 */
import { decodeProblemObject, problemNotObject } from "../Problem.js"
import { canonicalKeys } from "../Shape.js"
import { checkPasses, type ModelNode, type ModelObject, type ModelTransformation } from "./model.js"
import { fromPath } from "./pointer.js"
import { kindOf } from "./quote.js"
import { dateFromDateTime } from "./rfc3339.js"

/** The typed value, or where and why decoding failed (the first failure, as Effect's default `errors: "first"`). */
export type ModelDecoded =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly pointer: string; readonly message: string }

interface Failure {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/** Thrown inside a decode only, caught at its entry: decoding stops at the first failure. */
class DecodeStop {
  constructor(readonly failure: Failure) {}
}

const stop = (path: ReadonlyArray<string | number>, message: string): never => {
  throw new DecodeStop({ path, message })
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const jsonTypeName: Readonly<Record<string, string>> = {
  String: "a string",
  Number: "a number",
  Boolean: "true or false",
  Null: "null",
}

const transform = (name: ModelTransformation, value: unknown, path: ReadonlyArray<string | number>): unknown => {
  if (name === "date-time") {
    const date = typeof value === "string" ? dateFromDateTime(value) : undefined
    return date ?? stop(path, "expected an RFC 3339 date-time")
  }
  return decodeProblemObject(value) ?? stop(path, problemNotObject(value))
}

const decodeNode = (node: ModelNode, value: unknown, path: Array<string | number>): unknown => {
  switch (node._tag) {
    case "String":
    case "Number":
    case "Boolean":
    case "Null": {
      const matches =
        node._tag === "String"
          ? typeof value === "string"
          : node._tag === "Number"
            ? typeof value === "number"
            : node._tag === "Boolean"
              ? typeof value === "boolean"
              : value === null
      if (!matches) stop(path, `expected ${jsonTypeName[node._tag]}, got ${kindOf(value)}`)
      for (const check of node.checks ?? []) if (!checkPasses(check.id, value)) stop(path, `expected ${check.expected}`)
      return node.transformation === undefined ? value : transform(node.transformation, value, path)
    }
    case "Unknown":
      return node.transformation === undefined ? value : transform(node.transformation, value, path)
    case "Never":
      return stop(path, "no value is allowed here")
    case "Literal":
      return value === node.literal ? value : stop(path, `expected ${JSON.stringify(node.literal)}`)
    case "Array": {
      if (!Array.isArray(value)) return stop(path, `expected a list, got ${kindOf(value)}`)
      const out: Array<unknown> = []
      for (let i = 0; i < value.length; i++) {
        path.push(i)
        out.push(decodeNode(node.item, value[i], path))
        path.pop()
      }
      return out
    }
    case "Object":
      return isObject(value) ? decodeObject(node, value, path) : stop(path, `expected a mapping, got ${kindOf(value)}`)
    case "Union": {
      let first: DecodeStop | undefined
      for (const member of node.members) {
        try {
          return decodeNode(member, value, [...path])
        } catch (error) {
          if (!(error instanceof DecodeStop)) throw error
          first ??= error
        }
      }
      return stop(first?.failure.path ?? path, first?.failure.message ?? "matches no member")
    }
  }
}

const decodeObject = (
  node: ModelObject,
  value: Readonly<Record<string, unknown>>,
  path: Array<string | number>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const property of node.properties) {
    if (!Object.hasOwn(value, property.name)) {
      if (!property.optional) stop([...path, property.name], `missing required key \`${property.name}\``)
      continue
    }
    path.push(property.name)
    out[property.name] = decodeNode(property.type, value[property.name], path)
    path.pop()
  }
  if (node.record !== undefined) {
    for (const key of Object.keys(value)) {
      path.push(key)
      Object.defineProperty(out, key, {
        value: decodeNode(node.record, value[key], path),
        enumerable: true,
        writable: true,
        configurable: true,
      })
      path.pop()
    }
  }
  return out
}

/**
 * Decode `value` as `model` describes, reading keys exactly as written (Effect's decode of the
 * model's schema). Never throws for any JSON value.
 */
export const decodeModelExact = (model: ModelNode, value: unknown): ModelDecoded => {
  try {
    return { ok: true, value: decodeNode(model, value, []) }
  } catch (error) {
    if (!(error instanceof DecodeStop)) throw error
    return { ok: false, pointer: fromPath(error.failure.path), message: error.failure.message }
  }
}

/**
 * Decode `value` as Ampersand's server reads it: keys matched case-insensitively first
 * (Shape.ts `canonicalKeys`), then {@link decodeModelExact}.
 */
export const decodeModel = (model: ModelNode, value: unknown): ModelDecoded =>
  decodeModelExact(model, canonicalKeys(model, value))

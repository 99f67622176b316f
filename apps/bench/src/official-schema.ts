/**
 * The official manifest schema (corpus/ampersand/openapi/manifest.yaml, OpenAPI 3.0 components)
 * as a JSON Schema draft-07 document for ajv: `#/components/schemas/X` → `#/definitions/X`,
 * `nullable` → a `"null"` type, OpenAPI-only keywords (`example`, `x-*`, `deprecated` …) dropped.
 * This is what a user without ampkit would validate `amp.yaml` against.
 */
import { readFileSync } from "node:fs"
import { parse } from "yaml"
import { corpusDir } from "./corpus.js"

type Schema = { [key: string]: unknown }

const openApiOnly = new Set(["example", "examples", "deprecated", "discriminator", "xml", "externalDocs", "nullable"])
const schemaMaps = new Set(["properties", "patternProperties", "definitions"])
const schemaLists = new Set(["allOf", "anyOf", "oneOf"])
const schemaValues = new Set(["items", "additionalProperties", "not"])

const isSchema = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v)

const refPrefix = "#/components/schemas/"

const convert = (schema: Schema): Schema => {
  const out: Schema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || openApiOnly.has(key)) continue
    if (key === "$ref" && typeof value === "string") {
      if (!value.startsWith(refPrefix)) throw new Error(`unsupported $ref ${value}`)
      out.$ref = `#/definitions/${value.slice(refPrefix.length)}`
    } else if (schemaMaps.has(key) && isSchema(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSchema(v) ? convert(v) : v]))
    } else if (schemaLists.has(key) && Array.isArray(value)) {
      out[key] = value.map((v) => (isSchema(v) ? convert(v) : v))
    } else if (schemaValues.has(key) && isSchema(value)) {
      out[key] = convert(value)
    } else {
      out[key] = value
    }
  }
  if (schema.nullable === true && typeof out.type === "string") out.type = [out.type, "null"]
  return out
}

/** Draft-07 schema whose root is `Manifest`, every component schema under `definitions`. */
export const officialManifestSchema = (): Schema => {
  const openapi = parse(readFileSync(`${corpusDir}openapi/manifest.yaml`, "utf8")) as Schema
  const components = openapi.components
  const schemas = isSchema(components) ? components.schemas : undefined
  if (!isSchema(schemas) || !isSchema(schemas.Manifest)) throw new Error("openapi/manifest.yaml has no Manifest")
  const definitions = Object.fromEntries(
    Object.entries(schemas).map(([name, s]) => {
      if (!isSchema(s)) throw new Error(`component ${name} is not a schema`)
      return [name, convert(s)]
    }),
  )
  return { $schema: "http://json-schema.org/draft-07/schema#", $ref: "#/definitions/Manifest", definitions }
}

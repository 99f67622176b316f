/**
 * OpenAPI 3.0 component schemas → a JSON Schema (draft 2020-12) document, for ajv.
 *
 * OpenAPI 3.0's Schema Object is a dialect of JSON Schema draft 4/5. The conversion:
 * - `$ref: '#/components/schemas/X'` → `$ref: '#/$defs/X'`; every component becomes a `$defs` entry
 *   and the root is `{ $ref: '#/$defs/<root>' }`. Other refs (other files, other components) are refused.
 * - `nullable: true` → `null` added to `type` (and to `enum` when there is one); `nullable: false` dropped.
 * - draft-4 boolean `exclusiveMinimum` / `exclusiveMaximum` → the numeric form of 2020-12.
 * - Keywords that are annotations in OpenAPI but unknown to JSON Schema (`example`, `discriminator`,
 *   `xml`, `externalDocs`) and specification extensions (`x-…`) are dropped; `example` becomes
 *   `examples: [example]`, kept as an annotation.
 * - A `$ref` with siblings: OpenAPI 3.0 ignores the siblings, so they are dropped too.
 * - `properties`, `items`, `allOf`/`oneOf`/`anyOf`/`not`, `additionalProperties` are converted recursively;
 *   a property NAMED like a keyword (`example`, `default`) is kept, since it is data, not a keyword.
 * Nothing else is changed: in particular no `additionalProperties: false` is added (OpenAPI objects are
 * open unless they say otherwise).
 */

type Json = Record<string, unknown>

const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const dropped = new Set(["example", "discriminator", "xml", "externalDocs", "nullable"])

const refPrefix = "#/components/schemas/"

/** One OpenAPI schema object → JSON Schema. */
export const convertSchema = (schema: unknown): unknown => {
  if (!isRecord(schema)) return schema
  if (typeof schema.$ref === "string") {
    if (!schema.$ref.startsWith(refPrefix)) throw new Error(`unsupported $ref ${schema.$ref}`)
    return { $ref: `#/$defs/${schema.$ref.slice(refPrefix.length)}` }
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || dropped.has(key)) continue
    switch (key) {
      case "properties":
        out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, s]) => [name, convertSchema(s)]))
        break
      case "items":
      case "not":
        out[key] = convertSchema(value)
        break
      case "additionalProperties":
        out[key] = typeof value === "boolean" ? value : convertSchema(value)
        break
      case "allOf":
      case "oneOf":
      case "anyOf":
        out[key] = (value as Array<unknown>).map(convertSchema)
        break
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        break // handled below, with minimum / maximum
      default:
        out[key] = value
    }
  }
  if (schema.example !== undefined) out.examples = [schema.example]
  if (schema.exclusiveMinimum === true && typeof schema.minimum === "number") {
    out.exclusiveMinimum = schema.minimum
    delete out.minimum
  }
  if (schema.exclusiveMaximum === true && typeof schema.maximum === "number") {
    out.exclusiveMaximum = schema.maximum
    delete out.maximum
  }
  if (schema.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"]
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
  }
  return out
}

/**
 * The JSON Schema of component `root` of an OpenAPI 3.0 document (`components.schemas`): every
 * component as a `$defs` entry, the root a `$ref` to it.
 */
export const jsonSchemaOfOpenApi = (openapi: unknown, root: string): Json => {
  const schemas = isRecord(openapi) && isRecord(openapi.components) ? openapi.components.schemas : undefined
  if (!isRecord(schemas) || schemas[root] === undefined) throw new Error(`no components.schemas.${root}`)
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $ref: `#/$defs/${root}`,
    $defs: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, convertSchema(s)])),
  }
}

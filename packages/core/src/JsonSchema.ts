/**
 * The JSON Schema of `amp.yaml`, generated from the same Effect schemas as the typed model
 * (Manifest.ts), as a self-contained draft 2020-12 document (`$schema`, `$ref` to `$defs/Manifest`,
 * every definition under `$defs`). Checked with ajv 8 (`ajv/dist/2020`) in the tests.
 *
 * Generation: `Schema.toStandardJSONSchemaV1(Manifest)`, target draft-2020-12. The Effect traps of
 * toolchain.md §3 do not bite here: the manifest has no `Schema.Number` (integers are `Schema.Int`),
 * no `Schema.optional` (only exact `optionalKey`, so no `anyOf [X, null]`), and no `isPattern`
 * (patterns below are added explicitly).
 *
 * Post-processing adds, for editors, the value-level constraints that the typed model leaves to the
 * validator's rules (Manifest.ts explains why), each in an `allOf` entry whose `$comment` names the
 * rule id (rules.md): non-empty lists and names, integration name format, at least one action,
 * subscribe needs read, `days` ≥ 0 and `days` xor `fullHistory`, `pageSize` 50–500 and its pairing
 * with `mode`, update-event watch fields, top-level watch fields, inherit-fields on events,
 * `enabled: always` requirements, nested bracket-path grammar, Salesforce's 5 subscribe objects,
 * Google Calendar and Snowflake backfills.
 * Not expressible in JSON Schema, so left to the validator: uniqueness by `objectName` / `name` /
 * `mapToName`, cross-references (subscribe → read object, inheritMapping → read object), cron
 * syntax and frequency, provider and module catalogs, case-insensitive keys, and every warning.
 *
 * Objects stay open (`additionalProperties: true`), as the server ignores unknown keys and our
 * validator only warns about them; `{ strictKeys: true }` closes them (for editors that should
 * flag unknown keys), keeping every key either field-entry variant allows.
 */
import * as Schema from "effect/Schema"
import { Manifest } from "./Manifest.js"

type Json = Record<string, unknown>

/** Options of {@link manifestJsonSchema}. */
export interface ManifestJsonSchemaOptions {
  /** Refuse keys the manifest does not define (`additionalProperties: false`). Default false. */
  readonly strictKeys?: boolean
}

/** A nested bracket path (`$['a'][*]`) must follow amp-common's grammar; other names are free. */
const NESTED_PATH_PATTERN = "^(?!\\$\\[)|^\\$(?:\\[\\*\\]|\\['(?!\\*'\\])[^']+'\\])+$"
const INTEGRATION_NAME_PATTERN = "^[A-Za-z0-9_-]+$"
const TOP_LEVEL_FIELD_PATTERN = "^[^.\\[\\]]*$"

const THEN = "then"
const nonEmpty = { type: "string", minLength: 1 }
/**
 * A JSON Schema `if` / `then` pair, spread into a schema. (Built without a literal `then` key:
 * objects with one look like promises to linters and to `await`.)
 */
const ifThen = (condition: Json, consequence: Json): Json => {
  const out: Json = { if: condition }
  out[THEN] = consequence
  return out
}

const obj = (properties: Json, extra: Json = {}): Json => ({ type: "object", properties, ...extra })
const list = (items: Json, extra: Json = {}): Json => ({ type: "array", items, ...extra })

/**
 * Value-level rules expressible in JSON Schema, by `$defs` entry: `properties` are merged into the
 * definition's own property schemas (so editors show them in place), `schema` is appended to the
 * definition's `allOf`. Every fragment names its JSON types (ajv strict mode).
 */
const ruleConstraints: ReadonlyArray<{
  readonly def: string
  readonly rule: string
  readonly properties?: Json
  readonly schema?: Json
}> = [
  { def: "Manifest", rule: "integration-structure", properties: { integrations: { minItems: 1 } } },
  {
    def: "Integration",
    rule: "integration-name",
    properties: { name: { minLength: 1, maxLength: 64, pattern: INTEGRATION_NAME_PATTERN } },
  },
  {
    def: "Integration",
    rule: "integration-structure",
    schema: {
      anyOf: [{ required: ["read"] }, { required: ["write"] }, { required: ["subscribe"] }, { required: ["proxy"] }],
    },
  },
  { def: "Integration", rule: "subscribe-requires-read", schema: { dependentRequired: { subscribe: ["read"] } } },
  {
    def: "Integration",
    rule: "salesforce-subscribe-limit",
    schema: {
      ...ifThen(
        obj({ provider: { const: "salesforce" } }, { required: ["provider"] }),
        obj({ subscribe: obj({ objects: { type: "array", maxItems: 5 } }) }),
      ),
    },
  },
  {
    def: "Integration",
    rule: "google-calendar-backfill",
    schema: {
      ...ifThen(
        // module omitted or "" (Go reads "" as unset: walk.ts) is the default module, calendar.
        obj({ provider: { const: "google" }, module: { enum: ["calendar", ""] } }, { required: ["provider"] }),
        obj({
          read: obj({
            objects: list(
              ifThen(
                obj({ objectName: { const: "events" } }, { required: ["objectName"] }),
                obj({
                  backfill: obj({
                    defaultPeriod: obj({
                      days: { type: "integer", maximum: 28 },
                      fullHistory: { not: { const: true } },
                    }),
                  }),
                }),
              ),
            ),
          }),
        }),
      ),
    },
  },
  {
    def: "Integration",
    rule: "snowflake-backfill",
    schema: {
      ...ifThen(
        obj({ provider: { const: "snowflake" } }, { required: ["provider"] }),
        obj({
          read: obj({
            objects: list(obj({ backfill: obj({ defaultPeriod: { type: "object", not: { required: ["days"] } } }) })),
          }),
        }),
      ),
    },
  },
  { def: "IntegrationRead", rule: "read-objects", properties: { objects: { minItems: 1 } } },
  { def: "IntegrationWrite", rule: "write-objects", properties: { objects: { minItems: 1 } } },
  { def: "IntegrationSubscribe", rule: "subscribe-objects", properties: { objects: { minItems: 1 } } },
  { def: "ReadObject", rule: "object-name-empty", properties: { objectName: nonEmpty } },
  { def: "ReadObject", rule: "destination-empty", properties: { destination: nonEmpty } },
  {
    def: "ReadObject",
    rule: "always-enabled-fields",
    schema: {
      ...ifThen(
        { required: ["enabled"] },
        {
          required: ["requiredFields", "schedule"],
          properties: {
            // A required fieldName entry must not map (mapToName "" is no mapping, as for the server).
            requiredFields: list(
              {
                type: "object",
                not: obj({ mapToName: { type: "string", minLength: 1 } }, { required: ["fieldName", "mapToName"] }),
              },
              { minItems: 1 },
            ),
            schedule: nonEmpty,
          },
        },
      ),
    },
  },
  { def: "WriteObject", rule: "object-name-empty", properties: { objectName: nonEmpty } },
  { def: "SubscribeObject", rule: "object-name-empty", properties: { objectName: nonEmpty } },
  { def: "SubscribeObject", rule: "destination-empty", properties: { destination: nonEmpty } },
  {
    def: "SubscribeObject",
    rule: "subscribe-inherit-fields",
    schema: {
      ...ifThen(
        {
          anyOf: [
            { required: ["createEvent"] },
            { required: ["updateEvent"] },
            { required: ["deleteEvent"] },
            { required: ["associationChangeEvent"] },
          ],
        },
        { required: ["inheritFieldsAndMapping"], properties: { inheritFieldsAndMapping: { const: true } } },
      ),
    },
  },
  {
    def: "UpdateEvent",
    rule: "update-event-watch-fields",
    schema: {
      oneOf: [
        { required: ["watchFieldsAuto"] },
        { required: ["requiredWatchFields"], properties: { requiredWatchFields: { type: "array", minItems: 1 } } },
      ],
    },
  },
  {
    def: "UpdateEvent",
    rule: "watch-fields-no-nesting",
    properties: { requiredWatchFields: { items: { pattern: TOP_LEVEL_FIELD_PATTERN } } },
  },
  { def: "DefaultPeriod", rule: "backfill-config", properties: { days: { minimum: 0 } } },
  {
    def: "DefaultPeriod",
    rule: "backfill-config",
    schema: { oneOf: [{ required: ["days"] }, { required: ["fullHistory"] }] },
  },
  { def: "Delivery", rule: "delivery-mode", properties: { pageSize: { minimum: 50, maximum: 500 } } },
  {
    def: "Delivery",
    rule: "delivery-mode",
    schema: {
      allOf: [
        { ...ifThen({ properties: { mode: { const: "onRequest" } }, required: ["mode"] }, { required: ["pageSize"] }) },
        {
          // mode auto, or no mode (auto is the default): no pageSize.
          ...ifThen(
            {
              anyOf: [{ not: { required: ["mode"] } }, { properties: { mode: { const: "auto" } }, required: ["mode"] }],
            },
            { not: { required: ["pageSize"] } },
          ),
        },
      ],
    },
  },
  {
    def: "IntegrationFieldExistent",
    rule: "field-mapping-jsonpath",
    properties: { fieldName: { pattern: NESTED_PATH_PATTERN }, mapToName: { pattern: NESTED_PATH_PATTERN } },
  },
  {
    def: "IntegrationFieldMapping",
    rule: "field-mapping-jsonpath",
    properties: { mapToName: { pattern: NESTED_PATH_PATTERN } },
  },
]

/** Merge `fragment` into `target` (objects recursively; anything else replaced). */
const mergeInto = (target: Json, fragment: Json): void => {
  for (const [key, value] of Object.entries(fragment)) {
    const existing = target[key]
    if (isRecord(existing) && isRecord(value)) mergeInto(existing, value)
    else target[key] = value
  }
}

const copy = (json: Json): Json => JSON.parse(JSON.stringify(json)) as Json

const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The JSON Schema (draft 2020-12) of `amp.yaml`: a fresh, self-contained, JSON-serialisable object
 * on every call.
 */
export const manifestJsonSchema = (options: ManifestJsonSchemaOptions = {}): Json => {
  const generated = Schema.toStandardJSONSchemaV1(Manifest)["~standard"].jsonSchema.input({ target: "draft-2020-12" })
  const document = copy(generated as Json)
  const defs = document.$defs
  if (!isRecord(defs)) throw new Error("JSON Schema generation gave no $defs")
  for (const { def, rule, properties, schema } of ruleConstraints) {
    const target = defs[def]
    if (!isRecord(target) || !isRecord(target.properties))
      throw new Error(`JSON Schema generation gave no $defs/${def}`)
    for (const [name, fragment] of Object.entries(properties ?? {})) {
      const property = target.properties[name]
      if (!isRecord(property) || !isRecord(fragment)) throw new Error(`no property ${name} in $defs/${def}`)
      mergeInto(property, copy(fragment))
      property.$comment = typeof property.$comment === "string" ? `${property.$comment}; rule ${rule}` : `rule ${rule}`
    }
    if (schema !== undefined) {
      const allOf = Array.isArray(target.allOf) ? target.allOf : []
      target.allOf = [...allOf, { $comment: `rule ${rule}`, ...copy(schema) }]
    }
  }
  if (options.strictKeys === true) {
    for (const value of Object.values(defs)) {
      if (isRecord(value) && value.type === "object") value.additionalProperties = false
    }
    const existent = defs.IntegrationFieldExistent
    if (isRecord(existent) && isRecord(existent.properties)) {
      existent.properties.default = { type: "string" }
      existent.properties.prompt = { type: "string" }
    }
  }
  return {
    $schema: document.$schema,
    $id: "urn:ampkit:schema:amp.yaml",
    title: "Ampersand manifest (amp.yaml)",
    description: "The integrations of an Ampersand project (spec version 1.0.0). Generated by @ampkit/core.",
    $ref: document.$ref,
    $defs: defs,
  }
}

/**
 * The JSON Schema of amp.yaml as {@link https://json-schema.org draft 2020-12} text: exactly what
 * JsonSchema.ts `manifestJsonSchema()` (default options) generates from the Effect schemas, generated
 * ahead of time so that a bundle serving it carries no `effect` (the Worker's `GET /v1/schema`: about
 * 35 KB gzip less). test/model/json-schema-generated.test.ts keeps it equal to what the schemas generate;
 * `node packages/core/scripts/generate-model.mjs` rewrites it after a schema change.
 */
export { manifestJsonSchemaText } from "./internal/json-schema.generated.js"

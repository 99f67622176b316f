/**
 * internal/model.generated.ts is what the Effect schemas generate now (run
 * `node scripts/generate-model.mjs` after changing a schema), and the generator refuses what it
 * does not know instead of dropping it.
 */
import { readFileSync, writeFileSync } from "node:fs"
import * as Schema from "effect/Schema"
import { describe, expect, test } from "vitest"
import { CHECK_ID, LABEL, NO_BRANCH_OWNER, RULE_OWNER } from "../../src/internal/annotations.js"
import { models } from "../../src/internal/model.generated.js"
import { describeAst, generateModels, renderModelModule } from "../../src/internal/model-generate.js"

const generatedFile = new URL("../../src/internal/model.generated.ts", import.meta.url)

test("src/internal/model.generated.ts is generated from the schemas and up to date", () => {
  const expected = renderModelModule()
  if (process.env.AMPKIT_UPDATE_MODEL === "1") writeFileSync(generatedFile, expected)
  expect(readFileSync(generatedFile, "utf8"), "run: node packages/core/scripts/generate-model.mjs").toBe(expected)
  expect(models).toEqual(generateModels())
})

test("the generated model carries the annotations Shape.ts reads", () => {
  const manifest = models.manifest
  expect(manifest.label).toBe("manifest")
  expect(manifest.properties.map((p) => [p.name, p.optional, p.owner])).toEqual([
    ["specVersion", false, "spec-version"],
    ["integrations", false, "integration-structure"],
  ])
  const integration = manifest.properties[1]?.type
  if (integration?._tag !== "Array" || integration.item._tag !== "Object") throw new Error("integrations")
  const read = integration.item.properties.find((p) => p.name === "read")?.type
  if (read?._tag !== "Object") throw new Error("read")
  expect(read.properties[0]).toMatchObject({ name: "objects", optional: false, owner: "read-objects" })
  expect(models.revision.properties.find((p) => p.name === "createTime")?.type).toMatchObject({
    _tag: "String",
    checks: [{ id: "rfc3339-date-time" }],
    transformation: "date-time",
  })
  expect(models.apiProblem).toEqual({ _tag: "Unknown", transformation: "api-problem" })
})

describe("the generator is loud on what it does not know", () => {
  test.each([
    ["a tuple", Schema.Tuple([Schema.String, Schema.Number]), /no tuples/],
    ["a bigint", Schema.BigInt, /BigInt is not supported/],
    ["an unknown check", Schema.String.check(Schema.isMinLength(1)), /unknown check/],
    ["an anonymous filter", Schema.Number.check(Schema.makeFilter((n: number) => n > 0)), /unknown check/],
    [
      "an unknown ampkit check",
      Schema.String.check(Schema.makeFilter(() => true, { [CHECK_ID]: "x" })),
      /unknown check/,
    ],
    ["an unknown transformation", Schema.NumberFromString, /unknown transformation/],
    [
      "a record keyed by checked strings",
      Schema.Record(Schema.String.check(Schema.isMinLength(1)), Schema.String),
      /records keyed by plain/,
    ],
    [
      "a record with properties",
      Schema.StructWithRest(Schema.Struct({ a: Schema.String }), [Schema.Record(Schema.String, Schema.String)]),
      /record alone/,
    ],
    ["a label on a string", Schema.String.annotate({ [LABEL]: "x" }), /ampkit\/label is not supported/],
    ["a branch owner on an object", Schema.Struct({}).annotate({ [NO_BRANCH_OWNER]: "x" }), /noBranchOwner/],
    ["an owner that is not a string", Schema.String.annotate({ [RULE_OWNER]: 1 }), /not a string/],
    ["a property named like a prototype member", Schema.Struct({ toString: Schema.String }), /Object\.prototype/],
    ["a symbol", Schema.Symbol, /Symbol is not supported/],
    ["a class", Schema.Date, /Declaration is not supported/],
    ["a check on an array", Schema.Array(Schema.String).check(Schema.isMinLength(1)), /checks on a Arrays/],
  ])("%s", (_, schema, message) => {
    expect(() => describeAst(schema.ast)).toThrow(message)
  })

  test("the error names where the construct is", () => {
    const schema = Schema.Struct({ outer: Schema.Struct({ inner: Schema.Array(Schema.BigInt) }) })
    expect(() => describeAst(schema.ast)).toThrow("at /outer/inner/*")
  })
})

/**
 * Differential check against the official schema: corpus/ampersand/openapi/manifest.yaml (OpenAPI 3.0
 * components, converted by openapi-json-schema.ts) compiled with ajv 8, against OUR shape-level
 * verdict, on every real sample and on ≥ 10,000 generated and mutated manifests (fast-check, fixed
 * seed; AMPKIT_DIFFERENTIAL_RUNS raises the count, e.g. in CI).
 *
 * Our shape-level verdict: a value is valid ⇔ no error among
 * - `shapeFindings(value)` (Shape.ts: missing-key, wrong-type, invalid-value; keys read
 *   case-insensitively as the server does), and
 * - the findings of the rules that own schema conditions Shape.ts leaves to them
 *   (`shapeVerdictRules`: spec-version, integration-structure, read-objects, write-objects,
 *   subscribe-objects, backfill-config, field-entry-shape, delivery-mode): e.g. a missing
 *   `specVersion` or `defaultPeriod`, a field entry matching no variant, `days` < 0, `pageSize` outside
 *   50–500 are reported by these rules, not by Shape.ts.
 * Those rules also state value-level facts the spec lacks (non-empty lists, days xor fullHistory …):
 * each such fact is a listed class of disagreement (disagreements.json, `officialSpec`).
 *
 * The same for OUR generated JSON Schema (`manifestJsonSchema()`): every sample that our validator
 * accepts passes it, and it agrees with our verdict restricted to the shape plus the rules the schema
 * says it encodes (its `$comment: "rule …"` entries), listed likewise (`generatedSchema`).
 * Any disagreement no listed class explains fails, printing the input.
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js"
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import YAML from "yaml"
import { catalogModules, catalogProviders } from "../../src/Catalog.js"
import type { Finding } from "../../src/Diagnostic.js"
import { manifestJsonSchema } from "../../src/JsonSchema.js"
import { rules } from "../../src/rules/index.js"
import { shapeFindings } from "../../src/Shape.js"
import { validate } from "../../src/Validate.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import {
  type Classification,
  classify,
  type DisagreementClass,
  type DisagreementFixture,
  predicates,
  shapeVerdictRules,
} from "./disagreement.js"
import disagreementsJson from "./disagreements.json" with { type: "json" }
import { mutatedManifestArb } from "./manifest-mutation.js"
import { jsonSchemaOfOpenApi } from "./openapi-json-schema.js"

const fixture = disagreementsJson as DisagreementFixture
const seed = 20260821
const envRuns = Number(process.env.AMPKIT_DIFFERENTIAL_RUNS)
const numRuns = Number.isInteger(envRuns) && envRuns > 0 ? envRuns : 10_000

// ---------------------------------------------------------------------------------------------
// The two schemas and our verdicts

const compile = (schema: object) =>
  new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema)

const officialSchema = jsonSchemaOfOpenApi(YAML.parse(corpusText("openapi/manifest.yaml")), "Manifest")
const official = compile(officialSchema)
const generatedSchema = manifestJsonSchema()
const generated = compile(generatedSchema)

const ajvErrors = (validator: typeof official, value: unknown): Array<ErrorObject> =>
  validator(value) ? [] : [...(validator.errors ?? [])]

/** Rule ids named by the generated schema's `$comment: "rule <id>"` entries. */
const encodedRules = (() => {
  const out = new Set<string>()
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$comment" && typeof value === "string")
          for (const m of value.matchAll(/rule ([a-z0-9-]+)/g)) out.add(m[1] as string)
        else visit(value)
      }
    }
  }
  visit(generatedSchema)
  return out
})()

const ruleById = new Map(rules.map((rule) => [rule.id, rule]))

const errorsOf = (value: unknown, ruleIds: Iterable<string>): Array<Finding> => {
  const ctx = { value, document: undefined, providers: catalogProviders, modules: catalogModules }
  const findings = [...shapeFindings(value)]
  for (const id of ruleIds) {
    const rule = ruleById.get(id)
    if (rule === undefined) throw new Error(`no rule ${id}`)
    findings.push(...rule.check(ctx))
  }
  return findings.filter((f) => f.severity === "error")
}

/** The rules of the shape-level verdict, and those plus the rules the generated schema encodes. */
const shapeRuleSet: ReadonlySet<string> = new Set(shapeVerdictRules)
const verdictRules: ReadonlySet<string> = new Set([...shapeVerdictRules, ...encodedRules])

/** Our shape-level verdict's errors (see the module comment). */
const shapeErrors = (value: unknown) => errorsOf(value, shapeRuleSet)
/** Our errors for the conditions the generated JSON Schema encodes. */
const encodedErrors = (value: unknown) => errorsOf(value, verdictRules)

// ---------------------------------------------------------------------------------------------
// The inputs: the real samples, then numRuns generated and mutated manifests (drawn once, fixed seed)

interface Case {
  readonly label: string
  readonly value: unknown
  /** Every error of ours that either verdict uses (shape + the rules of both verdicts), computed once. */
  readonly errors: ReadonlyArray<Finding>
}

const caseOf = (label: string, value: unknown): Case => ({ label, value, errors: errorsOf(value, verdictRules) })
const only = (errors: ReadonlyArray<Finding>, ruleIds: ReadonlySet<string>) =>
  errors.filter((f) => !ruleById.has(f.rule) || ruleIds.has(f.rule))

const samples = sampleFiles().map((file) => caseOf(`samples/${file}`, YAML.parse(corpusText(`samples/${file}`))))
const mutated = mutatedManifestArb(
  manifestArb(3),
  samples.map((s) => s.value),
)
let generatedCases: ReadonlyArray<Case & { readonly mutations: string }> | undefined
const generatedInputs = () => {
  generatedCases ??= fc.sample(mutated, { seed, numRuns }).map((m, i) => ({
    ...caseOf(`generated #${i}`, m.value),
    mutations: JSON.stringify(m.mutations),
  }))
  return generatedCases
}

// ---------------------------------------------------------------------------------------------
// Tallies and failures

type Tally = Map<string, number>
const count = (tally: Tally, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1)

const describeFailure = (label: string, c: Classification, value: unknown, extra = ""): string =>
  `unlisted disagreement with the ${label}:\n  ${c.unexplained.join("\n  ")}\ninput: ${JSON.stringify(value)}${extra}`

const checkFixture = (classes: ReadonlyArray<DisagreementClass>) => {
  const ids = classes.map((c) => c.id)
  expect(new Set(ids).size, "class ids are unique").toBe(ids.length)
  for (const c of classes) {
    expect(predicates[c.id], `no predicate for class ${c.id}`).toBeTypeOf("function")
    expect(c.description.length, c.id).toBeGreaterThan(20)
    expect(c.reason.length, c.id).toBeGreaterThan(20)
  }
}

/** Each class's example disagrees, and that class alone explains it. */
const checkExamples = (
  classes: ReadonlyArray<DisagreementClass>,
  validator: typeof official,
  ruleIds: ReadonlySet<string>,
) => {
  for (const c of classes) {
    const result = classify(
      classes,
      c.example,
      ajvErrors(validator, c.example),
      only(errorsOf(c.example, verdictRules), ruleIds),
    )
    expect(result.agree, `${c.id}: its example should disagree`).toBe(false)
    expect(result.unexplained, c.id).toEqual([])
    expect([...result.classes], `${c.id}: the classes explaining its example`).toEqual([c.id])
  }
}

/** Run one comparison over the samples or the generated set; fail on the first unlisted disagreement. */
const compare = (
  label: string,
  classes: ReadonlyArray<DisagreementClass>,
  validator: typeof official,
  ruleIds: ReadonlySet<string>,
  cases: ReadonlyArray<Case & { readonly mutations?: string }>,
): Tally => {
  const tally: Tally = new Map()
  for (const input of cases) {
    const c = classify(classes, input.value, ajvErrors(validator, input.value), only(input.errors, ruleIds))
    count(tally, c.agree ? "agree" : "disagree")
    for (const id of c.classes) count(tally, id)
    if (c.unexplained.length > 0) {
      const mutations = input.mutations === undefined ? "" : `\nmutations: ${input.mutations}`
      throw new Error(`${input.label}: ${describeFailure(label, c, input.value, mutations)}`)
    }
  }
  console.info(`${label}, ${cases.length} inputs: ${JSON.stringify(Object.fromEntries(tally))}`)
  return tally
}

// ---------------------------------------------------------------------------------------------

describe("official schema (openapi/manifest.yaml) vs our shape-level verdict", () => {
  test("the spec converts and compiles in ajv's strict mode; every $ref resolves to $defs", () => {
    const text = JSON.stringify(officialSchema)
    expect(text).not.toContain("#/components/")
    expect(text).not.toContain('"x-go-')
    expect(Object.keys(officialSchema.$defs as object)).toEqual(
      expect.arrayContaining(["Manifest", "Integration", "IntegrationObject", "IntegrationField", "DefaultPeriod"]),
    )
    checkFixture(fixture.officialSpec)
  })

  test("the verdicts sanity-check: both accept a minimal manifest and both refuse a broken one", () => {
    const minimal = {
      specVersion: "1.0.0",
      integrations: [{ name: "a", provider: "salesforce", proxy: { enabled: true } }],
    }
    expect(ajvErrors(official, minimal)).toEqual([])
    expect(shapeErrors(minimal)).toEqual([])
    const broken = {
      specVersion: "1.0.0",
      integrations: [{ name: 1, provider: "salesforce", proxy: { enabled: true } }],
    }
    expect(ajvErrors(official, broken).map((e) => e.instancePath)).toEqual(["/integrations/0/name"])
    expect(shapeErrors(broken).map((f) => [f.rule, f.pointer])).toEqual([["wrong-type", "/integrations/0/name"]])
  })

  test("each listed class is shown by its example (a class with a bug fixed stops disagreeing: remove it)", () => {
    checkExamples(fixture.officialSpec, official, shapeRuleSet)
  })

  test("every real sample: our shape verdict accepts it; the spec agrees or a listed class explains why not", () => {
    for (const s of samples) expect(only(s.errors, shapeRuleSet), s.label).toEqual([])
    const tally = compare(
      "official spec vs shape verdict (samples)",
      fixture.officialSpec,
      official,
      shapeRuleSet,
      samples,
    )
    expect(tally.get("field-entry-matches-both-variants")).toBeGreaterThan(0)
  })

  test(`${numRuns} generated and mutated manifests: every disagreement is a listed class`, () => {
    const cases = generatedInputs()
    expect(cases.length).toBe(numRuns)
    const tally = compare(
      "official spec vs shape verdict (generated)",
      fixture.officialSpec,
      official,
      shapeRuleSet,
      cases,
    )
    expect(tally.get("agree") ?? 0).toBeGreaterThan(numRuns / 4)
    expect(tally.get("disagree") ?? 0).toBeGreaterThan(numRuns / 20)
  })
})

describe("our generated JSON Schema (manifestJsonSchema) vs our verdict", () => {
  test("it compiles in ajv's strict mode and names the rules it encodes", () => {
    expect([...encodedRules].sort()).toEqual(
      expect.arrayContaining(["always-enabled-fields", "backfill-config", "integration-name", "read-objects"]),
    )
    for (const id of encodedRules) expect(ruleById.has(id), id).toBe(true)
    checkFixture(fixture.generatedSchema)
  })

  test("each listed class is shown by its example", () => {
    checkExamples(fixture.generatedSchema, generated, verdictRules)
  })

  test("every sample our validator accepts passes it; the one it refuses (netsuiteM2M) fails it for the same rule", () => {
    for (const s of samples) {
      const errors = ajvErrors(generated, s.value)
      const report = validate(corpusText(s.label))
      expect(errors.length === 0, `${s.label}: ${JSON.stringify(errors.slice(0, 3))}`).toBe(report.ok)
    }
    compare("generated schema vs our verdict (samples)", fixture.generatedSchema, generated, verdictRules, samples)
    // netsuiteM2M: read objects 0 (schedule '') and 1 (mapped required field) break always-enabled-fields.
    const netsuite = samples.find((s) => s.label === "samples/netsuiteM2M/amp.yaml")?.value
    const objectOf = (path: string) => /^\/integrations\/0\/read\/objects\/\d+/.exec(path)?.[0]
    const failing = ajvErrors(generated, netsuite)
    expect(new Set(failing.map((e) => objectOf(e.instancePath)))).toEqual(
      new Set(["/integrations/0/read/objects/0", "/integrations/0/read/objects/1"]),
    )
    expect(failing.filter((e) => e.keyword === "if").map((e) => e.instancePath)).toEqual([
      "/integrations/0/read/objects/0",
      "/integrations/0/read/objects/1",
    ])
    expect(encodedErrors(netsuite).map((f) => [f.rule, objectOf(f.pointer)])).toEqual([
      ["always-enabled-fields", "/integrations/0/read/objects/0"],
      ["always-enabled-fields", "/integrations/0/read/objects/1"],
    ])
  })

  test(`${numRuns} generated and mutated manifests: every disagreement is a listed class`, () => {
    compare(
      "generated schema vs our verdict (generated)",
      fixture.generatedSchema,
      generated,
      verdictRules,
      generatedInputs(),
    )
  })

  test("nothing polluted Object.prototype", () => {
    expect(Object.prototype).not.toHaveProperty("polluted")
    expect(({} as Record<string, unknown>).a).toBeUndefined()
  })
})

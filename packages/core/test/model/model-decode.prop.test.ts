/**
 * Differential: the plain decode (internal/model-decode.ts, on the generated model) agrees with
 * Effect's `Schema.decodeUnknownResult` on the schema the model was generated from: same verdict,
 * and on success the same value (dates included) with the same key order. Inputs: every real
 * sample, every validator-testdata file, every example of the OpenAPI document (against every
 * model), fast-check arbitraries of every document kind, values effect derives from the schemas
 * (`effect/Arbitrary`, encoded back to JSON), and mutations of all of these (wrong types, missing,
 * extra and case-variant keys …).
 *
 * Both readings are checked: `decodeModel` (keys matched as the server matches them, then decoded)
 * against Effect on the same canonical-key value, and `decodeModelExact` against Effect on the
 * value as it is.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { describe, expect } from "vitest"
import { parse } from "yaml"
import { models } from "../../src/internal/model.generated.js"
import type { ModelNode } from "../../src/internal/model.js"
import { decodeModel, decodeModelExact } from "../../src/internal/model-decode.js"
import { type ModelName, modelSchemas } from "../../src/internal/model-generate.js"
import { canonicalKeys } from "../../src/Shape.js"
import {
  integrationArb,
  integrationBlockArb,
  integrationListArb,
  manifestArb,
  problemArb,
  revisionArb,
} from "../arbitraries/manifest.js"
import { corpusRoot, corpusText, sampleFiles, validatorTestdataFiles } from "../corpus/corpus-files.js"
import { applyMutation, mutationArb } from "../differential/manifest-mutation.js"

const names = Object.keys(modelSchemas) as Array<ModelName>

/** JSON text of a decoded value with dates as `Date(<ms>)`, so that key order and dates both count. */
const fingerprint = (value: unknown): string =>
  JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = key === "" ? value : this[key]
    return raw instanceof Date ? `Date(${raw.getTime()})` : v
  })

/** The two decodes of `value` as `name` agree (both readings); returns whether it decoded. */
const agree = (name: ModelName, value: unknown): boolean => {
  const model: ModelNode = models[name]
  const decode = Schema.decodeUnknownResult(modelSchemas[name] as unknown as Schema.Codec<unknown, unknown>)
  const check = (plain: ReturnType<typeof decodeModelExact>, input: unknown): boolean => {
    const effect = decode(input)
    expect(plain.ok, `${name}: plain ${plain.ok ? "decodes" : `fails (${plain.ok || plain.message})`}`).toBe(
      effect._tag === "Success",
    )
    if (plain.ok && effect._tag === "Success") {
      expect(plain.value).toEqual(effect.success)
      // The problem codec's typed side is checked by Effect field by field; its key order is not the wire's.
      if (name !== "apiProblem") expect(fingerprint(plain.value)).toBe(fingerprint(effect.success))
    }
    return plain.ok
  }
  const canonical = canonicalKeys(model, value)
  const ok = check(decodeModel(model, value), canonical)
  check(decodeModelExact(model, value), value)
  return ok
}

const yamlValue = (path: string): unknown => parse(corpusText(path)) as unknown

describe("real documents", () => {
  test.each(sampleFiles())("samples/%s", (file) => {
    const value = yamlValue(`samples/${file}`)
    expect(agree("manifest", value)).toBe(true)
    for (const name of names) agree(name, value)
  })

  test.each(validatorTestdataFiles())("validator-testdata/%s", (file) => {
    let value: unknown
    try {
      value = yamlValue(`validator-testdata/${file}`)
    } catch {
      return // not YAML at all: nothing to decode
    }
    for (const name of names) agree(name, value)
  })

  test("every example of the OpenAPI document, against every model", () => {
    const api = JSON.parse(readFileSync(join(corpusRoot, "openapi/api.bundled.json"), "utf8")) as unknown
    const examples: Array<unknown> = []
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) for (const item of node) collect(item)
      else if (typeof node === "object" && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === "example") examples.push(value)
          else if (key === "examples" && typeof value === "object" && value !== null) {
            for (const example of Object.values(value)) {
              if (typeof example === "object" && example !== null && "value" in example) examples.push(example.value)
              else examples.push(example)
            }
          }
          collect(value)
        }
      }
    }
    collect(api)
    expect(examples.length).toBeGreaterThan(100)
    const decoded: Record<string, number> = {}
    for (const example of examples) {
      for (const name of names) if (agree(name, example)) decoded[name] = (decoded[name] ?? 0) + 1
    }
    // The examples hold real integrations, installations and problems: the models accept them.
    expect(decoded.installationList ?? 0).toBeGreaterThan(0)
    expect(decoded.apiProblem ?? 0).toBeGreaterThan(0)
  })
})

/** One arbitrary per model, of values that mostly decode. */
const documentArbs: Record<ModelName, fc.Arbitrary<unknown>> = {
  manifest: manifestArb(),
  integrationBlock: fc.constantFrom("alpha", "beta-2").chain((name) => integrationBlockArb(name)),
  revision: revisionArb(fc.constantFrom("alpha").chain((name) => integrationBlockArb(name))),
  integration: integrationArb(),
  integrationList: integrationListArb(),
  installationList: fc.constant([]),
  apiProblem: problemArb,
}

/** Last millisecond of 9999-12-31: RFC 3339 has no later (nor negative) year. */
const maxRfc3339Time = 253402300799999

/** `value` with every date moved into years 0000–9999 (the others have no RFC 3339 form to encode to). */
const inRfc3339Range = (value: unknown): unknown => {
  if (value instanceof Date) {
    const time = value.getTime()
    return Number.isNaN(time) ? new Date(0) : new Date(Math.abs(time) % maxRfc3339Time)
  }
  if (Array.isArray(value)) return value.map(inRfc3339Range)
  if (typeof value !== "object" || value === null) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: inRfc3339Range((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/** Values effect derives from the schemas (their typed side), encoded back to JSON. */
const derived = (name: ModelName, count: number): ReadonlyArray<unknown> => {
  const schema = modelSchemas[name] as unknown as Schema.Codec<unknown, unknown>
  const typed = Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(schema), { count, seed: name }))
  return typed.map((value) => Schema.encodeUnknownSync(schema)(inRfc3339Range(value)))
}

describe.each(names)("%s", (name) => {
  test.prop([documentArbs[name], fc.array(mutationArb, { maxLength: 3 })], { numRuns: 300 })(
    "generated and mutated documents decode alike",
    (base, mutations) => {
      let value: unknown = structuredClone(base)
      for (const mutation of mutations) value = applyMutation(value, mutation)
      agree(name, value)
    },
  )

  test("values effect derives from the schema decode alike, and so do their mutations", () => {
    const values = derived(name, 60)
    expect(values.length).toBe(60)
    let decoded = 0
    for (const value of values) if (agree(name, value)) decoded++
    expect(decoded).toBe(values.length)
    fc.assert(
      fc.property(fc.constantFrom(...values), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (base, muts) => {
        let value: unknown = structuredClone(base)
        for (const mutation of muts) value = applyMutation(value, mutation)
        agree(name, value)
      }),
      { numRuns: 300 },
    )
  })

  test.prop([fc.jsonValue({ maxDepth: 4 })], { numRuns: 200 })("any JSON value decodes alike", (value) => {
    agree(name, value)
  })
})

import { test as propTest } from "@fast-check/vitest"
import { Ajv2020 } from "ajv/dist/2020.js"
import { describe, expect, test } from "vitest"
import { manifestJsonSchema } from "../../src/JsonSchema.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { realSamples } from "./corpus.js"

type Json = Record<string, unknown>
/** A manifest edited freely in place by the cases below (any shape, on purpose). */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are broken on purpose, in every possible way
type Loose = any

const compile = (schema: Json) => {
  const warnings: Array<string> = []
  // ajv's default strict mode (strictSchema, strictTypes …); `strictRequired`, off by default, would
  // flag `required` inside anyOf/oneOf/if branches that do not repeat `properties`, a style lint only.
  const ajv = new Ajv2020({
    allErrors: true,
    logger: { log: () => {}, warn: (...args: Array<unknown>) => warnings.push(args.join(" ")), error: () => {} },
  })
  return { validate: ajv.compile(schema), warnings }
}

const { validate, warnings } = compile(manifestJsonSchema())
const errorsOf = (value: unknown): Array<string> =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)

const valid = (): Json => ({
  specVersion: "1.0.0",
  integrations: [
    {
      name: "readSalesforce",
      provider: "salesforce",
      read: { objects: [{ objectName: "account", destination: "webhook", requiredFields: [{ fieldName: "name" }] }] },
    },
  ],
})

describe("manifestJsonSchema", () => {
  test("is a self-contained draft 2020-12 document that ajv compiles in its default strict mode without warnings", () => {
    const schema = manifestJsonSchema()
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(schema.$ref).toBe("#/$defs/Manifest")
    expect(Object.keys(schema.$defs as Json)).toEqual(
      expect.arrayContaining([
        "Manifest",
        "Integration",
        "ReadObject",
        "IntegrationField",
        "WatchSchema",
        "UpdateEvent",
      ]),
    )
    expect(JSON.stringify(schema)).not.toMatch(/"\$ref":"(?!#\/\$defs\/)/)
    expect(JSON.stringify(schema)).not.toMatch(/Infinity|NaN|"null"/)
    expect(warnings).toEqual([])
    expect(manifestJsonSchema()).toEqual(schema)
    expect(manifestJsonSchema()).not.toBe(schema)
  })

  test("every real sample is valid, except netsuiteM2M, which breaks always-enabled-fields (as rules.md expects)", () => {
    const invalid = realSamples()
      .filter((s) => !validate(s.value))
      .map((s) => s.name)
    expect(invalid).toEqual(["netsuiteM2M/amp.yaml"])
    expect(errorsOf(realSamples().find((s) => s.name === "netsuiteM2M/amp.yaml")?.value)).toEqual(
      expect.arrayContaining([
        "/integrations/0/read/objects/0/schedule must NOT have fewer than 1 characters",
        "/integrations/0/read/objects/1/requiredFields/0 must NOT be valid",
      ]),
    )
  })

  propTest.prop([manifestArb()], { numRuns: 300 })("every generated valid manifest is valid", (manifest) => {
    expect(errorsOf(manifest)).toEqual([])
  })

  const at = (edit: (m: Loose) => void): Array<string> => {
    const m = valid() as Loose
    edit(m)
    return errorsOf(m)
  }

  test.each<[string, (m: Loose) => void]>([
    ["specVersion 1.0 (a number)", (m) => (m.specVersion = 1.0)],
    ["specVersion 2.0.0", (m) => (m.specVersion = "2.0.0")],
    ["no integrations", (m) => (m.integrations = [])],
    ["integration name with a dot", (m) => (m.integrations[0].name = "a.b")],
    ["integration name of 65 characters", (m) => (m.integrations[0].name = "a".repeat(65))],
    ["no action", (m) => delete m.integrations[0].read],
    [
      "subscribe without read",
      (m) => {
        m.integrations[0].subscribe = { objects: [{ objectName: "account", destination: "w" }] }
        delete m.integrations[0].read
      },
    ],
    ["empty read objects", (m) => (m.integrations[0].read.objects = [])],
    ["empty objectName", (m) => (m.integrations[0].read.objects[0].objectName = "")],
    ["missing destination", (m) => delete m.integrations[0].read.objects[0].destination],
    ["enabled: never", (m) => (m.integrations[0].read.objects[0].enabled = "never")],
    ["enabled: always without schedule", (m) => (m.integrations[0].read.objects[0].enabled = "always")],
    [
      "days and fullHistory",
      (m) => (m.integrations[0].read.objects[0].backfill = { defaultPeriod: { days: 1, fullHistory: true } }),
    ],
    ["neither days nor fullHistory", (m) => (m.integrations[0].read.objects[0].backfill = { defaultPeriod: {} })],
    ["negative days", (m) => (m.integrations[0].read.objects[0].backfill = { defaultPeriod: { days: -1 } })],
    ["fractional days", (m) => (m.integrations[0].read.objects[0].backfill = { defaultPeriod: { days: 1.5 } })],
    ["pageSize with mode auto", (m) => (m.integrations[0].read.objects[0].delivery = { mode: "auto", pageSize: 100 })],
    ["onRequest without pageSize", (m) => (m.integrations[0].read.objects[0].delivery = { mode: "onRequest" })],
    ["pageSize 10", (m) => (m.integrations[0].read.objects[0].delivery = { mode: "onRequest", pageSize: 10 })],
    [
      "field entry with neither fieldName nor mapToName",
      (m) => m.integrations[0].read.objects[0].requiredFields.push({ prompt: "x" }),
    ],
    ["bad bracket path", (m) => m.integrations[0].read.objects[0].requiredFields.push({ fieldName: "$['a'" })],
    ["['*'] is not a wildcard", (m) => m.integrations[0].read.objects[0].requiredFields.push({ fieldName: "$['*']" })],
    [
      "update event without watch fields",
      (m) => {
        m.integrations[0].subscribe = {
          objects: [
            {
              objectName: "account",
              destination: "w",
              inheritFieldsAndMapping: true,
              updateEvent: { enabled: "always" },
            },
          ],
        }
      },
    ],
    [
      "update event with both watch settings",
      (m) => {
        m.integrations[0].subscribe = {
          objects: [
            {
              objectName: "account",
              destination: "w",
              inheritFieldsAndMapping: true,
              updateEvent: { enabled: "always", watchFieldsAuto: "all", requiredWatchFields: ["name"] },
            },
          ],
        }
      },
    ],
    [
      "nested watch field",
      (m) => {
        m.integrations[0].subscribe = {
          objects: [
            {
              objectName: "account",
              destination: "w",
              inheritFieldsAndMapping: true,
              updateEvent: { enabled: "always", requiredWatchFields: ["address.city"] },
            },
          ],
        }
      },
    ],
    [
      "events without inheritFieldsAndMapping",
      (m) => {
        m.integrations[0].subscribe = {
          objects: [{ objectName: "account", destination: "w", createEvent: { enabled: "always" } }],
        }
      },
    ],
    [
      "six Salesforce subscribe objects",
      (m) => {
        m.integrations[0].subscribe = {
          objects: Array.from({ length: 6 }, (_, i) => ({ objectName: `o${i}`, destination: "w", otherEvents: ["X"] })),
        }
      },
    ],
    [
      "Google Calendar events with 29 days",
      (m) => {
        m.integrations[0].provider = "google"
        m.integrations[0].read.objects[0] = {
          objectName: "events",
          destination: "w",
          backfill: { defaultPeriod: { days: 29 } },
        }
      },
    ],
    [
      "Snowflake with days",
      (m) => {
        m.integrations[0].provider = "snowflake"
        m.integrations[0].read.objects[0].backfill = { defaultPeriod: { days: 3 } }
      },
    ],
    ["a string where a list belongs", (m) => (m.integrations[0].read.objects = "account")],
    [
      "pageSize without a mode (auto is the default)",
      (m) => (m.integrations[0].read.objects[0].delivery = { pageSize: 100 }),
    ],
    [
      'Google Calendar events with 29 days, module "" (read as omitted: the default, calendar)',
      (m) => {
        m.integrations[0].provider = "google"
        m.integrations[0].module = ""
        m.integrations[0].read.objects[0] = {
          objectName: "events",
          destination: "w",
          backfill: { defaultPeriod: { days: 29 } },
        }
      },
    ],
    [
      "enabled: always with a mapped required field",
      (m) =>
        Object.assign(m.integrations[0].read.objects[0], {
          enabled: "always",
          schedule: "*/10 * * * *",
          requiredFields: [{ fieldName: "name", mapToName: "fullName" }],
        }),
    ],
  ])("refuses: %s", (_, edit) => {
    expect(at(edit)).not.toEqual([])
  })

  test.each<[string, (m: Loose) => void]>([
    ["unknown keys (the server ignores them)", (m) => (m.integrations[0].delete = { objects: [] })],
    [
      "Google Calendar events with 28 days",
      (m) => {
        m.integrations[0].provider = "google"
        m.integrations[0].read.objects[0] = {
          objectName: "events",
          destination: "w",
          backfill: { defaultPeriod: { days: 28 } },
        }
      },
    ],
    [
      "Google Gmail events with 90 days",
      (m) => {
        m.integrations[0].provider = "google"
        m.integrations[0].module = "gmail"
        m.integrations[0].read.objects[0] = {
          objectName: "events",
          destination: "w",
          backfill: { defaultPeriod: { days: 90 } },
        }
      },
    ],
    ["an empty schedule", (m) => (m.integrations[0].read.objects[0].schedule = "")],
    [
      "a nested bracket path",
      (m) => m.integrations[0].read.objects[0].requiredFields.push({ fieldName: "$['a'][*]['b']" }),
    ],
    [
      "a mapping entry with prompt and default",
      (m) => (m.integrations[0].read.objects[0].optionalFields = [{ mapToName: "x", prompt: "p", default: "d" }]),
    ],
    [
      "an existing field with prompt (allowed in an entry)",
      (m) => m.integrations[0].read.objects[0].requiredFields.push({ fieldName: "n", prompt: "p" }),
    ],
    [
      "proxy only",
      (m) => {
        delete m.integrations[0].read
        m.integrations[0].proxy = { enabled: true }
      },
    ],
    [
      'enabled: always with mapToName "" on a required field (no mapping, as for the server and the rule)',
      (m) =>
        Object.assign(m.integrations[0].read.objects[0], {
          enabled: "always",
          schedule: "*/10 * * * *",
          requiredFields: [{ fieldName: "name", mapToName: "" }],
        }),
    ],
  ])("accepts: %s", (_, edit) => {
    expect(at(edit)).toEqual([])
  })

  test("strictKeys closes objects but keeps every key a field entry allows", () => {
    const strict = compile(manifestJsonSchema({ strictKeys: true }))
    expect(strict.warnings).toEqual([])
    const m = valid() as Loose
    expect(strict.validate(m)).toBe(true)
    m.integrations[0].read.objects[0].requiredFields.push({ fieldName: "n", mapToName: "x", prompt: "p", default: "d" })
    expect(strict.validate(m)).toBe(true)
    m.integrations[0].read.objects[0].scheduel = "*/10 * * * *"
    expect(strict.validate(m)).toBe(false)
    const sendGrid = realSamples().find((s) => s.name === "sendGrid/amp.yaml")?.value
    expect(validate(sendGrid)).toBe(true)
    expect(strict.validate(sendGrid)).toBe(false)
  })
})

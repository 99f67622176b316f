/**
 * Hostile values through the plain face's typed decoding (internal/model-decode.ts `decodeModel`, on the
 * generated model internal/model.generated.ts) and the shape walk (Shape.ts `shapeFindings`), per
 * design/reliability.md: prototype keys (`__proto__`, `constructor`, `toString`), case variants of keys
 * (`ObjectName`), arrays where objects are expected and the reverse, huge arrays, odd JSON numbers
 * (1e400, -0, 2^53+1), lone surrogates, sparse arrays. Whatever the value: no throw, no prototype
 * pollution, a failure at the precise pointer, and a decoded value that holds only own plain data.
 */
import { describe, expect, test } from "vitest"
import { decodeFindings } from "../../src/Document.js"
import { models } from "../../src/internal/model.generated.js"
import { decodeModel, type ModelDecoded } from "../../src/internal/model-decode.js"
import { shapeFindings } from "../../src/Shape.js"

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

/** Decode without throwing, checking Object.prototype after; `value` from JSON text keeps `__proto__` as own data. */
const decode = (model: keyof typeof models, value: unknown): ModelDecoded => {
  let r: ModelDecoded | undefined
  expect(() => {
    r = decodeModel(models[model], value)
  }).not.toThrow()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).name).toBeUndefined()
  return r as ModelDecoded
}

const failure = (r: ModelDecoded) => (r.ok ? undefined : [r.pointer, r.message])

const manifest = (integration: Record<string, unknown>) => ({ specVersion: "1.0.0", integrations: [integration] })
const readObject = (extra: Record<string, unknown> = {}) => ({
  name: "a",
  provider: "p",
  read: { objects: [{ objectName: "o", destination: "d", ...extra }] },
})
const daysPointer = "/integrations/0/read/objects/0/backfill/defaultPeriod/days"
const withDays = (days: string) =>
  JSON.parse(
    `{"specVersion":"1.0.0","integrations":[{"name":"a","provider":"p","read":{"objects":[{"objectName":"o","destination":"d","backfill":{"defaultPeriod":{"days":${days}}}}]}}]}`,
  )

describe("prototype keys stay plain data and never reach the decoded value's prototype", () => {
  test("__proto__ at the root and in an integration (JSON.parse keeps it as an own key)", () => {
    const root = decode(
      "manifest",
      JSON.parse('{"__proto__": {"polluted": 1}, "specVersion": "1.0.0", "integrations": []}'),
    )
    expect(root).toEqual({ ok: true, value: { specVersion: "1.0.0", integrations: [] } })
    const value = (root as { value: object }).value
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.hasOwn(value, "__proto__")).toBe(false)
  })

  test("required keys are read as own keys only: a __proto__ object holding them does not supply them", () => {
    const r = decode(
      "manifest",
      JSON.parse('{"specVersion":"1.0.0","integrations":[{"__proto__":{"name":"x","provider":"p"}}]}'),
    )
    expect(failure(r)).toEqual(["/integrations/0/name", "missing required key `name`"])
    // An object whose PROTOTYPE holds the keys (not JSON, but a caller's value) is no better.
    const inherited = Object.create({ name: "x", provider: "p" }) as object
    expect(failure(decode("manifest", { specVersion: "1.0.0", integrations: [inherited] }))).toEqual([
      "/integrations/0/name",
      "missing required key `name`",
    ])
  })

  test("constructor, toString, hasOwnProperty, valueOf keys are unknown keys, dropped from the value", () => {
    const value = JSON.parse(
      '{"specVersion":"1.0.0","constructor":1,"toString":"x","hasOwnProperty":2,"valueOf":null,"integrations":[{"name":"a","provider":"p","constructor":{"prototype":{"x":1}}}]}',
    )
    expect(decode("manifest", value)).toEqual({
      ok: true,
      value: { specVersion: "1.0.0", integrations: [{ name: "a", provider: "p" }] },
    })
    expect(shapeFindings(value).map((f) => [f.rule, f.pointer])).toEqual([
      ["unknown-key", "/integrations/0/constructor"],
      ["unknown-key", "/constructor"],
      ["unknown-key", "/toString"],
      ["unknown-key", "/hasOwnProperty"],
      ["unknown-key", "/valueOf"],
    ])
  })

  test("records (installation config objects) keep __proto__ and constructor as own data", () => {
    const list = JSON.parse(
      `[{"id":"i","projectId":"p","integrationId":"x","groupRef":"g","groupName":"g","healthStatus":"healthy","createTime":"2024-01-01T00:00:00Z","createdBy":"c","connection":{"id":"c","projectId":"p","provider":"p","group":{"groupRef":"g","groupName":"g","projectId":"p","createTime":"2024-01-01T00:00:00Z"},"consumer":{"consumerRef":"c","consumerName":"c","projectId":"p","createTime":"2024-01-01T00:00:00Z"},"createTime":"2024-01-01T00:00:00Z","authScheme":"oauth2","status":"working"},"config":{"id":"c","revisionId":"r","createTime":"2024-01-01T00:00:00Z","createdBy":"c","content":{"provider":"p","read":{"objects":{"__proto__":{"objectName":"o","selectedFields":{"__proto__":true,"constructor":true}},"constructor":{"objectName":"c"}}}}}}]`,
    )
    const r = decode("installationList", list)
    if (!r.ok) {
      // The fixture must decode; if the API model gained a required key, show which.
      expect(failure(r)).toBe(undefined)
      return
    }
    const objects = (r.value as Array<{ config: { content: { read: { objects: Record<string, unknown> } } } }>)[0]
      ?.config.content.read.objects as Record<string, { selectedFields?: object }>
    expect(Object.keys(objects)).toEqual(["__proto__", "constructor"])
    expect(Object.getPrototypeOf(objects)).toBe(Object.prototype)
    const own = new Map(Object.entries(objects))
    expect(Object.keys(own.get("__proto__")?.selectedFields ?? {})).toEqual(["__proto__", "constructor"])
  })
})

describe("case variants of keys: read as the server reads them (last spelling wins)", () => {
  test("ObjectName alone is objectName; with both spellings the last wins", () => {
    const only = manifest({ name: "a", provider: "p", read: { objects: [{ OBJECTNAME: "X", destination: "d" }] } })
    const r = decode("manifest", only)
    expect(r.ok && (r.value as ReturnType<typeof manifest>).integrations[0]).toEqual({
      name: "a",
      provider: "p",
      read: { objects: [{ objectName: "X", destination: "d" }] },
    })
    const both = manifest(readObject({ ObjectName: "Y" }))
    const b = decode("manifest", both)
    expect(b.ok && JSON.stringify(b.value)).toContain('"objectName":"Y"')
    expect(shapeFindings(both).map((f) => [f.rule, f.pointer, f.message])).toEqual([
      [
        "unknown-key",
        "/integrations/0/read/objects/0/ObjectName",
        "key `ObjectName` overrides the earlier `objectName` (keys match case-insensitively)",
      ],
    ])
  })

  test("a wrong-typed case variant fails at the key as written", () => {
    const value = manifest(readObject({ OBJECTNAME: 7 }))
    expect(failure(decode("manifest", value))).toEqual([
      "/integrations/0/read/objects/0/objectName",
      "expected a string, got a number",
    ])
    const findings = decodeFindings(models.manifest, value)
    expect(findings._tag === "Failure" && findings.failure.map((f) => [f.rule, f.pointer])).toEqual([
      ["wrong-type", "/integrations/0/read/objects/0/OBJECTNAME"],
    ])
  })

  test("50,000 keys, half of them case variants of one key, decode in bounded time", () => {
    const object: Record<string, unknown> = { objectName: "o", destination: "d" }
    for (let i = 0; i < 50_000; i++) object[i % 2 === 0 ? `OBJECTNAME${"".padEnd(i % 3)}` : `k${i}`] = "v"
    const started = performance.now()
    const r = decode("manifest", manifest({ name: "a", provider: "p", read: { objects: [object] } }))
    expect(r.ok).toBe(true)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe("wrong containers, huge arrays, sparse arrays: one failure at the precise pointer", () => {
  test.each([
    ["a list as the document", [manifest(readObject())], "", "expected a mapping, got a list"],
    [
      "a list as `read`",
      manifest({ name: "a", provider: "p", read: [{ objects: [] }] }),
      "/integrations/0/read",
      "expected a mapping, got a list",
    ],
    [
      "a mapping as `integrations`",
      { specVersion: "1.0.0", integrations: { 0: readObject() } },
      "/integrations",
      "expected a list, got a mapping",
    ],
    [
      "null as a read object",
      manifest({ name: "a", provider: "p", read: { objects: [null] } }),
      "/integrations/0/read/objects/0",
      "expected a mapping, got null",
    ],
    [
      "a string as a field entry",
      manifest(readObject({ requiredFields: ["id"] })),
      "/integrations/0/read/objects/0/requiredFields/0",
      "expected a mapping, got a string",
    ],
  ])("%s", (_name, value, pointer, message) => {
    expect(failure(decode("manifest", value))).toEqual([pointer, message])
  })

  test("a hole in a sparse array is 'nothing', at its index", () => {
    const integrations = new Array(3)
    integrations[1] = readObject()
    expect(failure(decode("manifest", { specVersion: "1.0.0", integrations }))).toEqual([
      "/integrations/0",
      "expected a mapping, got nothing",
    ])
  })

  test("200,000 integrations decode in bounded time; 200,000 bad ones fail at the first", () => {
    const started = performance.now()
    const many = { specVersion: "1.0.0", integrations: Array.from({ length: 200_000 }, () => readObject()) }
    const r = decode("manifest", many)
    expect(r.ok && (r.value as typeof many).integrations.length).toBe(200_000)
    const bad = { specVersion: "1.0.0", integrations: Array.from({ length: 200_000 }, () => 1) }
    expect(failure(decode("manifest", bad))).toEqual(["/integrations/0", "expected a mapping, got a number"])
    expect(performance.now() - started).toBeLessThan(4000)
  })
})

describe("odd numbers and strings", () => {
  test("1e400 (Infinity after JSON.parse), NaN, 1.5 and 2^53+1 are no integer; -0 is", () => {
    for (const days of ["1e400", "1.5", "9007199254740993"])
      expect(failure(decode("manifest", withDays(days))), days).toEqual([daysPointer, "expected an integer"])
    const nan = manifest(readObject({ backfill: { defaultPeriod: { days: Number.NaN } } }))
    expect(failure(decode("manifest", nan))).toEqual([daysPointer, "expected an integer"])
    const r = decode("manifest", withDays("-0"))
    expect(r.ok).toBe(true)
    const pageSize = manifest(readObject({ delivery: { pageSize: Number.POSITIVE_INFINITY } }))
    expect(failure(decode("manifest", pageSize))).toEqual([
      "/integrations/0/read/objects/0/delivery/pageSize",
      "expected an integer",
    ])
  })

  test("lone surrogates in values and keys are data (identifier-charset and unknown-key report them)", () => {
    const value = JSON.parse(
      '{"specVersion":"1.0.0","integrations":[{"name":"\\ud800","provider":"\\udc00x","\\ud800":1}]}',
    )
    const r = decode("manifest", value)
    expect(r.ok && (r.value as { integrations: Array<unknown> }).integrations[0]).toEqual({
      name: "\ud800",
      provider: "\udc00x",
    })
    const unknown = shapeFindings(value).find((f) => f.rule === "unknown-key")
    expect(unknown?.message).toBe("unknown key `\\u{D800}` in integration (Ampersand ignores it)")
  })

  test("a problem body that is not an object fails with its kind; __proto__ in one is not an extension", () => {
    expect(failure(decode("apiProblem", [1]))).toEqual(["", "a problem must be an object, got a list"])
    const r = decode("apiProblem", JSON.parse('{"__proto__":{"x":1},"title":"t","status":500}'))
    expect(r.ok).toBe(true)
    const problem = (r as { value: { extensions: object } }).value
    expect(Object.getPrototypeOf(problem)).toBe(Object.prototype)
    expect(Object.keys(problem.extensions)).toEqual([])
  })
})

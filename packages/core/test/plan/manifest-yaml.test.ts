import { readdirSync, readFileSync } from "node:fs"
import { fc, test as fcTest } from "@fast-check/vitest"
import * as Result from "effect/Result"
import { describe, expect, test } from "vitest"
import { parse } from "yaml"
import { diff } from "../../src/Diff.js"
import { decodeDocument } from "../../src/Document.js"
import type { Manifest } from "../../src/Manifest.js"
import { manifestYaml, orderedKeys, yamlString, yamlText } from "../../src/ManifestYaml.js"
import { parseSource } from "../../src/Source.js"
import { manifestArb } from "../arbitraries/manifest.js"

/** Read as ampkit does (YAML 1.2 core) and as Ampersand's server does (YAML 1.1). */
const both = (text: string): [unknown, unknown] => [parse(text), parse(text, { version: "1.1" })]

const samplesDir = new URL("../../../../corpus/ampersand/samples/", import.meta.url)
/** Every `amp.yaml` / `amp.yml` of the corpus, as paths relative to the samples folder. */
const samples = (readdirSync(samplesDir, { recursive: true }) as Array<string>)
  .filter((p) => /(^|\/)amp\.ya?ml$/.test(p))
  .sort()

describe("yamlString", () => {
  test.each([
    ["account", "account"],
    ["project/tickets", "project/tickets"],
    ["Salesforce read and write", "Salesforce read and write"],
    ["1.0.0", "1.0.0"],
    ["*/10 * * * *", '"*/10 * * * *"'],
    ["yes", '"yes"'],
    ["Off", '"Off"'],
    ["y", '"y"'],
    ["null", '"null"'],
    ["e69", '"e69"'],
    ["0755", '"0755"'],
    ["1:30", '"1:30"'],
    ["0o17", '"0o17"'],
    ["", '""'],
    [" padded", '" padded"'],
    ["a: b", '"a: b"'],
    ["x #y", '"x #y"'],
    ["$['address']['city']", "\"$['address']['city']\""],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    ["\u0085\u2028\ufeff", '"\\u0085\\u2028\\ufeff"'],
  ])("%j → %s", (input, output) => {
    expect(yamlString(input)).toBe(output)
    for (const read of both(`k: ${output}`)) expect(read).toEqual({ k: input })
  })

  fcTest.prop([fc.string({ unit: "binary", maxLength: 40 })], { numRuns: 1000 })(
    "any string reads back as itself in YAML 1.1 and 1.2, as a value and as a key",
    (s) => {
      const q = yamlString(s)
      for (const read of both(`value: ${q}\n`)) expect(read).toEqual({ value: s })
      for (const read of both(`${q}: v\n`)) expect(Object.entries(read as object)).toEqual([[s, "v"]])
    },
  )

  fcTest.prop([fc.stringMatching(/^[A-Za-z][A-Za-z0-9_./-]{0,12}$/)], { numRuns: 1000 })(
    "identifier-like strings stay plain unless a YAML reader would take them for something else",
    (s) => {
      const q = yamlString(s)
      const [a, b] = both(`k: ${s}`)
      const ambiguous = (a as { k: unknown }).k !== s || (b as { k: unknown }).k !== s
      expect(q === s).toBe(!ambiguous)
    },
  )
})

describe("yamlText", () => {
  fcTest.prop([fc.jsonValue({ maxDepth: 5 })], { numRuns: 500 })(
    "any JSON value round-trips in YAML 1.1 and 1.2",
    (v) => {
      const expected = JSON.parse(JSON.stringify(v))
      for (const read of both(yamlText(v))) expect(read).toEqual(expected)
    },
  )

  test("keys come in the schema's order, unknown keys after them in their order", () => {
    expect(orderedKeys({ zeta: 1, read: 1, provider: 1, alpha: 1, name: 1 })).toEqual([
      "name",
      "provider",
      "read",
      "zeta",
      "alpha",
    ])
    const a = yamlText({ provider: "p", name: "x", read: { objects: [{ schedule: "", objectName: "o" }] } })
    const b = yamlText({ read: { objects: [{ objectName: "o", schedule: "" }] }, name: "x", provider: "p" })
    expect(a).toBe(b)
    expect(a).toBe('name: x\nprovider: p\nread:\n  objects:\n    - objectName: o\n      schedule: ""\n')
  })

  test("nested sequences, empty containers, numbers and null", () => {
    expect(yamlText({ a: [[1, 2], [], {}, null, -0, 1.5, 1e21, true] })).toBe(
      "a:\n  - - 1\n    - 2\n  - []\n  - {}\n  - null\n  - 0\n  - 1.5\n  - 1e+21\n  - true\n",
    )
    expect(yamlText([])).toBe("[]\n")
    expect(yamlText("x")).toBe("x\n")
  })

  test("a __proto__ key is written as data and read back as data", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}')
    const text = yamlText(value)
    expect(text).toBe('name: x\n"__proto__":\n  polluted: true\n')
    const read = parseSource(text).document!.value as Record<string, unknown>
    expect(Object.hasOwn(read, "__proto__")).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("manifestYaml on every real sample", () => {
  test("the corpus is all there", () => expect(samples).toHaveLength(121))

  test.each(samples)("%s: the emitted manifest means the same and reads the same in YAML 1.1", (sample) => {
    const text = readFileSync(new URL(sample, samplesDir), "utf8")
    const source = parseSource(text).document!
    const decoded = decodeDocument(source.value, "manifest")
    if (Result.isFailure(decoded)) throw decoded.failure
    const manifest = decoded.success.value as Manifest
    const emitted = manifestYaml(manifest.integrations)
    expect(emitted.startsWith("specVersion: 1.0.0\nintegrations:\n")).toBe(true)
    const [v12, v11] = both(emitted)
    expect(v11).toEqual(v12)
    expect(diff({ value: manifest }, { value: v12 }).changes).toEqual([])
    // deterministic, and a fixed point: emitting what was read gives the same text
    const again = decodeDocument(v12, "manifest")
    if (Result.isFailure(again)) throw again.failure
    expect(manifestYaml((again.success.value as Manifest).integrations)).toBe(emitted)
  })

  fcTest.prop([manifestArb(4)], { numRuns: 200 })("generated manifests round-trip to the same meaning", (m) => {
    const emitted = manifestYaml(m.integrations)
    const [v12, v11] = both(emitted)
    expect(v11).toEqual(v12)
    expect(diff({ value: m }, { value: v12 }).changes).toEqual([])
  })
})

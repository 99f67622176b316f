/**
 * Rules see keys as the server does (rules/withServerKeys.ts over Shape.ts `serverView`): Go's
 * `encoding/json` matches keys case-insensitively (domain §2.12), so `READ:` is `read`. The view, its
 * pointer map back onto the keys as written, and the property that matters: respelling any manifest
 * key changes no rule's findings but the spelling in their pointers.
 */
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import YAML from "yaml"
import type { Finding } from "../../src/Diagnostic.js"
import { fromPath, toPath } from "../../src/internal/pointer.js"
import { rules } from "../../src/rules/index.js"
import { prepareServerView } from "../../src/rules/withServerKeys.js"
import { foldKey, serverView } from "../../src/Shape.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { manifestKeys } from "../differential/disagreement.js"
import { mutatedManifestArb } from "../differential/manifest-mutation.js"
import { contextOf } from "./harness.js"

type Json = Record<string, unknown>
const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

describe("serverView", () => {
  test("a document without case variants is its own view; pointers stay as they are", () => {
    const value = YAML.parse(corpusText("samples/unifiedCRM/amp.yaml"))
    const view = serverView(value)
    expect(view.value).toBe(value)
    expect(view.written("/integrations/0/read/objects/3/schedule")).toBe("/integrations/0/read/objects/3/schedule")
  })

  test("case variants are renamed; pointers name the keys as written, absent tails kept", () => {
    const value = {
      specVersion: "1.0.0",
      integrations: [
        { name: "a", provider: "p", READ: { Objects: [{ ObjectName: "x", destination: "d", ſchedule: "0 * * * *" }] } },
      ],
    }
    const before = structuredClone(value)
    const view = serverView(value)
    expect(view.value).toEqual({
      specVersion: "1.0.0",
      integrations: [
        { name: "a", provider: "p", read: { objects: [{ objectName: "x", destination: "d", schedule: "0 * * * *" }] } },
      ],
    })
    expect(value).toEqual(before)
    expect(view.written("/integrations/0/read/objects/0/objectName")).toBe("/integrations/0/READ/Objects/0/ObjectName")
    expect(view.written("/integrations/0/read/objects/0/schedule")).toBe("/integrations/0/READ/Objects/0/ſchedule")
    expect(view.written("/integrations/0/read/objects/0/destination")).toBe(
      "/integrations/0/READ/Objects/0/destination",
    )
    expect(view.written("/integrations/0/read/objects/0/backfill/defaultPeriod")).toBe(
      "/integrations/0/READ/Objects/0/backfill/defaultPeriod",
    )
    expect(view.written("/integrations/0/name")).toBe("/integrations/0/name")
    expect(view.written("")).toBe("")
  })

  test("of several spellings of one key the last wins, as on the server", () => {
    const later = serverView({ specVersion: "1.0.0", SPECVERSION: "2.0.0" })
    expect(later.value).toEqual({ specVersion: "2.0.0" })
    expect(later.written("/specVersion")).toBe("/SPECVERSION")
    const earlier = serverView({ SPECVERSION: "2.0.0", specVersion: "1.0.0" })
    expect(earlier.value).toEqual({ specVersion: "1.0.0" })
    expect(earlier.written("/specVersion")).toBe("/specVersion")
  })

  test("unknown keys stay, as own data (never a prototype), and keys needing escapes map back escaped", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a/b~c": 1, "Integrations": []}')
    const view = serverView(value)
    expect(Object.keys(view.value as Json)).toEqual(["__proto__", "a/b~c", "integrations"])
    expect(Object.getPrototypeOf(view.value)).toBe(Object.prototype)
    expect(({} as Json).polluted).toBeUndefined()
    expect(view.written("/a~1b~0c")).toBe("/a~1b~0c")
    expect(view.written("/integrations")).toBe("/Integrations")
  })

  test("values of the wrong type are left as they are", () => {
    const value = { specVersion: 1, integrations: [5, null, { Read: "x", NAME: ["n"] }] }
    expect(serverView(value).value).toEqual({ specVersion: 1, integrations: [5, null, { read: "x", name: ["n"] }] })
  })
})

// ---------------------------------------------------------------------------------------------
// Respelling keys changes nothing but the pointers

/** Another spelling the server reads as `key` (upper case, capitalised, or with `ſ` / the Kelvin sign). */
const variantOf = (key: string, pick: number): string => {
  const variants = [
    key.toUpperCase(),
    `${key[0]?.toUpperCase() ?? ""}${key.slice(1)}`,
    key.replace(/s/, "ſ").replace(/k/, "\u212A"),
    key.toLowerCase(),
  ].filter((v) => v !== key)
  return variants[pick % Math.max(variants.length, 1)] ?? key
}

interface Respelt {
  readonly value: unknown
  /** A pointer of the original → the same node's pointer in the respelt value. */
  readonly pointer: (pointer: string) => string
}

/**
 * Respell manifest keys (those whose spelling is unique in their object, so no key starts to win
 * over another), choosing by `picks`; keys keep their order.
 */
const respell = (root: unknown, picks: ReadonlyArray<number>): Respelt => {
  const renames = new WeakMap<object, Map<string, string>>()
  let next = 0
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy)
    if (!isRecord(value)) return value
    const keys = Object.keys(value)
    const out: Json = {}
    const map = new Map<string, string>()
    for (const key of keys) {
      const pick = picks[next++ % picks.length] ?? 0
      const unique = keys.filter((k) => foldKey(k) === foldKey(key)).length === 1
      let written = key
      if (manifestKeys.has(key) && unique && pick % 3 === 0) {
        const variant = variantOf(key, pick)
        if (foldKey(variant) === foldKey(key) && !keys.includes(variant)) written = variant
      }
      if (written !== key) map.set(key, written)
      Object.defineProperty(out, written, {
        value: copy(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    renames.set(value, map)
    return out
  }
  const value = copy(root)
  return {
    value,
    pointer: (pointer) => {
      const path: Array<string | number> = []
      let node: unknown = root
      for (const token of toPath(pointer)) {
        path.push(isRecord(node) ? (renames.get(node)?.get(token) ?? token) : token)
        node = isRecord(node) || Array.isArray(node) ? (node as Json)[token] : undefined
      }
      return fromPath(path)
    },
  }
}

const semanticRules = rules.filter((rule) => rule.id !== "yaml-compat")
const findingsOf = (value: unknown): Array<Finding> =>
  semanticRules.flatMap((rule) => [...rule.check(contextOf(value))])

const expectSameFindings = (value: unknown, picks: ReadonlyArray<number>) => {
  const respelt = respell(value, picks)
  const expected = findingsOf(value).map((f) => ({ ...f, pointer: respelt.pointer(f.pointer) }))
  expect(findingsOf(respelt.value)).toEqual(expected)
  // The validator's path (one prepared view for every rule) agrees.
  const ctx = prepareServerView(contextOf(respelt.value))
  expect(semanticRules.flatMap((rule) => [...rule.check(ctx)])).toEqual(expected)
}

describe("respelling keys changes no rule's findings, only the spelling of their pointers", () => {
  const samples = sampleFiles().map((file) => YAML.parse(corpusText(`samples/${file}`)) as unknown)

  test("every real sample, several respellings each", () => {
    expect(samples.length).toBeGreaterThan(100)
    samples.forEach((value, i) => {
      for (const offset of [0, 1, 2]) expectSameFindings(value, [i + offset, 3, 6 + offset, 9, 1, 12])
    })
  })

  test("generated manifests with defects (mutations), respelt at random", () => {
    fc.assert(
      fc.property(
        mutatedManifestArb(manifestArb(2), samples.slice(0, 20), 4),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        (mutated, picks) => expectSameFindings(mutated.value, picks),
      ),
      { numRuns: 300, seed: 20260822 },
    )
  })

  test("the respelling changes keys, and the findings of rules that read them (a check of the check)", () => {
    const value = {
      specVersion: "1.0.0",
      integrations: [{ name: "a", provider: "salesforce", read: { objects: [] } }],
    }
    const respelt = respell(value, [0])
    expect(JSON.stringify(respelt.value)).toContain('"READ"')
    expect(findingsOf(respelt.value).map((f) => [f.rule, f.pointer])).toEqual([
      ["read-objects", "/INTEGRATIONS/0/READ/OBJECTS"],
    ])
  })
})

/**
 * Several spellings of one key (`read` and then `Read`) as Go's `encoding/json` decodes them: both,
 * in order, into the same field. A struct receives the second object INTO the first (members the
 * second does not mention survive, recursively); a map keeps its entries (values replaced); a slice
 * receives the second array element by element over the old elements (decode.go `array()` never
 * clears them; the slice takes the second's length; an empty array makes a fresh slice); scalars and
 * field entries (an oapi-codegen union: `UnmarshalJSON` keeps the raw message) are replaced.
 *
 * `goDecode` below is a small reference model of that, written from decode.go, independent of
 * Shape.ts: the server view (`serverView`) and `canonicalKeys` must agree with it.
 */
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import YAML from "yaml"
import { models } from "../../src/internal/model.generated.js"
import type { ModelNode, ModelObject } from "../../src/internal/model.js"
import { canonicalKeys, serverView, shapeFindings } from "../../src/Shape.js"
import { validate } from "../../src/Validate.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { realSamples } from "./corpus.js"

type Json = Record<string, unknown>
const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

// ---------------------------------------------------------------------------------------------
// The reference model

/** Go's fold for ASCII keys (the generators below only respell ASCII letters). */
const fold = (key: string): string => key.toUpperCase()

/** The field a key names in a struct: exact name first, else the first whose fold matches. */
const fieldOf = (node: ModelObject, key: string) =>
  node.properties.find((p) => p.name === key) ?? node.properties.find((p) => fold(p.name) === fold(key))

/** A slice's backing array: elements past its length that a later, longer array decodes into. */
const backing = new WeakMap<ReadonlyArray<unknown>, ReadonlyArray<unknown>>()

/**
 * Decode `json` into `current` (undefined: a zero value) as a Go value of type `node`. Undeclared
 * keys are kept (last wins) when `keepUnknown`, as the server view keeps them; Go drops them.
 * Values of another type replace (the server rejects them anyway; null resets a pointer).
 */
const goDecode = (node: ModelNode, current: unknown, json: unknown, keepUnknown: boolean): unknown => {
  switch (node._tag) {
    case "Object": {
      if (!isRecord(json)) return json
      const out: Json = isRecord(current) ? { ...current } : {}
      for (const [key, value] of Object.entries(json)) {
        if (node.record !== undefined) {
          out[key] = goDecode(node.record, undefined, value, keepUnknown)
          continue
        }
        const field = fieldOf(node, key)
        if (field === undefined) {
          if (keepUnknown) out[key] = value
          continue
        }
        out[field.name] = goDecode(field.type, out[field.name], value, keepUnknown)
      }
      return out
    }
    case "Array": {
      if (!Array.isArray(json)) return json
      if (json.length === 0) return []
      const store = Array.isArray(current) ? [...(backing.get(current) ?? current)] : []
      for (let i = 0; i < json.length; i++) store[i] = goDecode(node.item, store[i], json[i], keepUnknown)
      const out = store.slice(0, json.length)
      backing.set(out, store)
      return out
    }
    case "Union": {
      // Field entries: `UnmarshalJSON` replaces; the entry is read as the variant it means.
      if (!isRecord(json)) return json
      const objects = node.members.filter((m): m is ModelObject => m._tag === "Object")
      const member =
        objects.find((o) =>
          o.properties.every((p) => p.optional || Object.keys(json).some((k) => fieldOf(o, k) === p)),
        ) ?? undefined
      return member === undefined ? json : goDecode(member, undefined, json, keepUnknown)
    }
    default:
      return json
  }
}

// ---------------------------------------------------------------------------------------------
// Generated manifests with injected case variants

/** Another value of the same JSON type (an object: some of its keys, each maybe changed; a list: another length). */
const variantOf = (value: unknown, pick: () => number, depth: number): unknown => {
  if (typeof value === "string") return pick() % 2 === 0 ? `${value}x` : value
  if (typeof value === "number") return value + 1
  if (typeof value === "boolean") return !value
  if (Array.isArray(value)) {
    if (value.length === 0) return []
    const length = pick() % (value.length + 2)
    return Array.from({ length }, (_, i) => variantOf(value[i % value.length], pick, depth + 1))
  }
  if (isRecord(value)) {
    const out: Json = {}
    for (const [key, v] of Object.entries(value)) {
      const choice = pick() % 3
      if (choice === 0) continue
      out[key] = choice === 1 || depth > 6 ? v : variantOf(v, pick, depth + 1)
    }
    return out
  }
  return value
}

const respell = (key: string, pick: () => number): string => {
  const upper = key.toUpperCase()
  const first = key.charAt(0).toUpperCase() + key.slice(1)
  const candidates = [upper, first, key.toLowerCase()].filter((k) => k !== key)
  return candidates.length === 0 ? key : (candidates[pick() % candidates.length] as string)
}

/** `value` with case variants injected in some objects: before or after the original key, nested too. */
const inject = (value: unknown, pick: () => number, depth = 0): unknown => {
  if (Array.isArray(value)) return value.map((v) => inject(v, pick, depth + 1))
  if (!isRecord(value)) return value
  const entries: Array<[string, unknown]> = []
  for (const [key, v] of Object.entries(value)) {
    const inner = inject(v, pick, depth + 1)
    const variant = respell(key, pick)
    if (variant === key || Object.hasOwn(value, variant) || pick() % 3 !== 0) {
      entries.push([key, inner])
      continue
    }
    const other = inject(variantOf(v, pick, depth), pick, depth + 1)
    if (pick() % 2 === 0) entries.push([key, inner], [variant, other])
    else entries.push([variant, other], [key, inner])
  }
  const out: Json = {}
  for (const [k, v] of entries) out[k] = v
  return out
}

const injectedArb = fc
  .tuple(manifestArb(3), fc.array(fc.nat(), { minLength: 64, maxLength: 64 }))
  .map(([manifest, choices]) => {
    let n = 0
    const pick = () => (choices[n++ % choices.length] as number) + n
    return inject(manifest, pick)
  })

const stripUnknown = (u: unknown) => goDecode(models.manifest, undefined, u, false)

describe("server view vs the reference model of encoding/json", () => {
  test("generated manifests with injected case variants (mappings, lists and scalars, nested)", () => {
    fc.assert(
      fc.property(injectedArb, (value) => {
        const before = JSON.stringify(value)
        expect(serverView(value).value).toEqual(goDecode(models.manifest, undefined, value, true))
        expect(canonicalKeys(models.manifest, value)).toEqual(stripUnknown(value))
        expect(JSON.stringify(value)).toBe(before)
      }),
      { numRuns: 300 },
    )
  })

  test("every written pointer of a merged leaf names a key as written, holding that very value", () => {
    const resolve = (root: unknown, pointer: string): unknown => {
      let node = root
      for (const token of pointer.split("/").slice(1)) {
        const t = token.replace(/~1/g, "/").replace(/~0/g, "~")
        node = Array.isArray(node) ? node[Number(t)] : isRecord(node) ? node[t] : undefined
      }
      return node
    }
    const leaves = (u: unknown, pointer: string, out: Array<[string, unknown]>) => {
      if (Array.isArray(u)) {
        for (let i = 0; i < u.length; i++) leaves(u[i], `${pointer}/${i}`, out)
      } else if (isRecord(u))
        for (const [k, v] of Object.entries(u))
          leaves(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, out)
      else out.push([pointer, u])
      return out
    }
    fc.assert(
      fc.property(injectedArb, (value) => {
        const view = serverView(value)
        for (const [pointer, leaf] of leaves(view.value, "", []))
          expect(resolve(value, view.written(pointer))).toBe(leaf)
      }),
      { numRuns: 200 },
    )
  })

  test("shape findings of the written document are those of the server view, at the spelling that supplied them", () => {
    const brief = (findings: ReadonlyArray<{ rule: string; pointer: string }>, map: (p: string) => string) =>
      findings
        .filter((f) => f.rule !== "unknown-key")
        .map((f) => `${f.rule} ${map(f.pointer)}`)
        .sort()
    fc.assert(
      fc.property(injectedArb, (value) => {
        const view = serverView(value)
        expect(brief(shapeFindings(value), (p) => p)).toEqual(brief(shapeFindings(view.value), view.written))
      }),
      { numRuns: 300 },
    )
  })

  test("real samples: `Read: {}` after `read` keeps its objects; an earlier partial `READ` is merged into", () => {
    let checked = 0
    for (const sample of realSamples()) {
      if (!isRecord(sample.value) || !Array.isArray(sample.value.integrations)) continue
      const integrations = sample.value.integrations.map((integration) => {
        if (!isRecord(integration) || !isRecord(integration.read) || !Array.isArray(integration.read.objects))
          return integration
        checked++
        return { READ: { objects: [{ schedule: "*/30 * * * *" }] }, ...integration, Read: {} }
      })
      const value = { ...sample.value, integrations }
      const view = serverView(value)
      expect(view.value, sample.name).toEqual(goDecode(models.manifest, undefined, value, true))
      const viewed = (view.value as { integrations: Array<Json> }).integrations
      sample.value.integrations.forEach((original, i) => {
        if (!isRecord(original) || !isRecord(original.read) || !Array.isArray(original.read.objects)) return
        if (original.read.objects.length === 0) return
        const objects = ((viewed[i] as Json).read as { objects: Array<Json> }).objects
        const first = (original.read.objects as Array<Json>)[0] as Json
        expect(objects.length).toBe((original.read.objects as Array<unknown>).length)
        expect(objects[0]).toEqual({ schedule: "*/30 * * * *", ...first })
        expect(view.written(`/integrations/${i}/read/objects/0/objectName`)).toBe(
          `/integrations/${i}/read/objects/0/objectName`,
        )
        expect(view.written(`/integrations/${i}/read`)).toBe(`/integrations/${i}/Read`)
      })
      const read = shapeFindings(value).filter((f) => f.rule !== "unknown-key")
      expect(
        read.filter((f) => f.rule === "missing-key"),
        sample.name,
      ).toEqual([])
    }
    expect(checked).toBeGreaterThan(50)
  })
})

describe("serverView and canonicalKeys merge mappings", () => {
  const integration = (extra: Json) => ({ name: "i", provider: "salesforce", ...extra })

  test("`read` then `Read: {}`: the objects survive, and point at `read`", () => {
    const objects = [{ objectName: "account", destination: "d" }]
    const value = { specVersion: "1.0.0", integrations: [integration({ read: { objects }, Read: {} })] }
    const view = serverView(value)
    expect(view.value).toEqual({ specVersion: "1.0.0", integrations: [integration({ read: { objects } })] })
    expect(view.written("/integrations/0/read/objects/0/objectName")).toBe("/integrations/0/read/objects/0/objectName")
    expect(view.written("/integrations/0/read")).toBe("/integrations/0/Read")
    expect(view.written("/integrations/0/read/objects")).toBe("/integrations/0/read/objects")
  })

  test("members of a merge point at the spelling that supplied them, nested, three spellings", () => {
    const value = {
      specVersion: "1.0.0",
      integrations: [
        integration({
          read: { objects: [{ objectName: "a", destination: "d", backfill: { defaultPeriod: { days: 3 } } }] },
          READ: { Objects: [{ schedule: "s", Backfill: { DefaultPeriod: { fullHistory: true } } }] },
          Read: { objects: [{ destination: "e" }, { objectName: "b", destination: "f" }] },
        }),
      ],
    }
    const view = serverView(value)
    const merged = {
      objectName: "a",
      destination: "e",
      schedule: "s",
      backfill: { defaultPeriod: { days: 3, fullHistory: true } },
    }
    expect((view.value as { integrations: Array<Json> }).integrations[0]?.read).toEqual({
      objects: [merged, { objectName: "b", destination: "f" }],
    })
    const o = "/integrations/0"
    expect(view.written(`${o}/read/objects/0/objectName`)).toBe(`${o}/read/objects/0/objectName`)
    expect(view.written(`${o}/read/objects/0/destination`)).toBe(`${o}/Read/objects/0/destination`)
    expect(view.written(`${o}/read/objects/0/schedule`)).toBe(`${o}/READ/Objects/0/schedule`)
    expect(view.written(`${o}/read/objects/0/backfill/defaultPeriod/days`)).toBe(
      `${o}/read/objects/0/backfill/defaultPeriod/days`,
    )
    expect(view.written(`${o}/read/objects/0/backfill/defaultPeriod/fullHistory`)).toBe(
      `${o}/READ/Objects/0/Backfill/DefaultPeriod/fullHistory`,
    )
    expect(view.written(`${o}/read/objects/0/backfill/defaultPeriod`)).toBe(
      `${o}/READ/Objects/0/Backfill/DefaultPeriod`,
    )
    expect(view.written(`${o}/read/objects/1/objectName`)).toBe(`${o}/Read/objects/1/objectName`)
    expect(canonicalKeys(models.manifest, value)).toEqual(stripUnknown(value))
  })

  test("lists: the later length; an empty list starts afresh; scalars, field entries and wrong types are replaced", () => {
    const object = (extra: Json) => ({ objectName: "a", destination: "d", ...extra })
    const at = (value: unknown) => (serverView(value).value as { integrations: Array<Json> }).integrations[0]?.read
    const doc = (read: Json, Read: unknown) => ({ specVersion: "1.0.0", integrations: [integration({ read, Read })] })
    // Longer, then shorter, then longer again: the old third element is decoded into again (decode.go).
    const three = [object({ schedule: "1" }), object({ schedule: "2" }), object({ schedule: "3" })]
    const value = {
      specVersion: "1.0.0",
      integrations: [
        integration({
          read: { objects: three },
          Read: { objects: [{}] },
          READ: { objects: [{}, {}, { destination: "z" }] },
        }),
      ],
    }
    expect(at(value)).toEqual({ objects: [three[0], three[1], object({ schedule: "3", destination: "z" })] })
    expect(at(doc({ objects: three }, { objects: [] }))).toEqual({ objects: [] })
    const fields = { objects: [object({ requiredFields: [{ fieldName: "x", mapToName: "y" }] })] }
    expect(at(doc(fields, { objects: [{ requiredFields: [{ FieldName: "z" }] }] }))).toEqual({
      objects: [object({ requiredFields: [{ fieldName: "z" }] })],
    })
    expect(at(doc({ objects: three }, "oops"))).toBe("oops")
    expect(at(doc({ objects: three }, null))).toBe(null)
  })

  test("8,192 spellings of one mapping key, each a mapping: linear, the last value of each member wins", () => {
    const spellings = Array.from({ length: 8192 }, (_, i) =>
      [..."defaultPeriod"].map((c, b) => ((i >> b) & 1 ? c.toUpperCase() : c.toLowerCase())).join(""),
    )
    const backfill: Json = {}
    spellings.forEach((key, i) => {
      backfill[key] = i % 2 === 0 ? { days: i } : { fullHistory: false }
    })
    const object = { objectName: "a", destination: "d", backfill }
    const value = { specVersion: "1.0.0", integrations: [integration({ read: { objects: [object] } })] }
    const started = performance.now()
    const view = serverView(value)
    const findings = shapeFindings(value)
    expect(performance.now() - started).toBeLessThan(2000)
    const period = { days: 8190, fullHistory: false }
    expect(((view.value as Json).integrations as Array<Json>)[0]?.read).toEqual({
      objects: [{ ...object, backfill: { defaultPeriod: period } }],
    })
    const at = "/integrations/0/read/objects/0/backfill"
    expect(view.written(`${at}/defaultPeriod/days`)).toBe(`${at}/${spellings[8190]}/days`)
    expect(view.written(`${at}/defaultPeriod/fullHistory`)).toBe(`${at}/${spellings[8191]}/fullHistory`)
    expect(findings.filter((f) => f.rule === "unknown-key")).toHaveLength(8191)
    expect(findings.filter((f) => f.rule !== "unknown-key")).toEqual([])
  })

  test("a document without case variants is still its own view (no allocation)", () => {
    for (const sample of realSamples().slice(0, 20)) expect(serverView(sample.value).value).toBe(sample.value)
  })
})

describe("shape findings walk the merged value", () => {
  const o = "/integrations/0"
  const yaml = (read: string) => `specVersion: 1.0.0
integrations:
  - name: i
    provider: salesforce
${read}`

  test("`read` + `Read: {}`: no read-objects error, one truthful warning at `Read`", () => {
    const text = yaml(`    read:
      objects:
        - objectName: account
          destination: d
    Read: {}
`)
    const report = validate(text)
    expect(report.diagnostics.map((d) => [d.rule, d.severity, d.message, d.line])).toEqual([
      ["unknown-key", "warning", "key `Read` merges into the earlier `read` (keys match case-insensitively)", 9],
    ])
  })

  test("`defaultPeriod` + `DefaultPeriod`: the merged period sets both days and fullHistory (B2), at the later spelling", () => {
    const text = yaml(`    read:
      objects:
        - objectName: account
          destination: d
          backfill:
            defaultPeriod:
              days: 30
            DefaultPeriod:
              fullHistory: true
`)
    const report = validate(text)
    const brief = report.diagnostics.map((d) => [d.rule, d.severity, d.line])
    // The warning at the key `DefaultPeriod` (line 12); the error at the merged period, whose
    // position is the later spelling's value (line 13).
    expect(brief).toEqual([
      ["unknown-key", "warning", 12],
      ["backfill-config", "error", 13],
    ])
    expect(report.diagnostics.find((d) => d.rule === "unknown-key")?.message).toBe(
      "key `DefaultPeriod` merges into the earlier `defaultPeriod` (keys match case-insensitively)",
    )
  })

  test("no missing-key for a member the other spelling supplies; findings inside point at their spelling", () => {
    const value = YAML.parse(
      yaml(`    read:
      objects:
        - objectName: account
          destination: 5
    Read:
      Objects:
        - schedule: 7
`),
    )
    const findings = shapeFindings(value).map((f) => [f.rule, f.pointer, f.message])
    expect(findings).toEqual([
      ["unknown-key", `${o}/Read`, "key `Read` merges into the earlier `read` (keys match case-insensitively)"],
      [
        "unknown-key",
        `${o}/Read/Objects`,
        "key `Objects` merges into the earlier `objects` (keys match case-insensitively)",
      ],
      ["wrong-type", `${o}/read/objects/0/destination`, "`destination` must be a string, got `5`"],
      ["wrong-type", `${o}/Read/Objects/0/schedule`, "`schedule` must be a string, got `7`"],
    ])
  })

  test("a non-canonical first spelling; scalars still override", () => {
    const value = {
      specVersion: "1.0.0",
      integrations: [{ name: "i", provider: "p", READ: { objects: [] }, read: { objects: [{}] }, NAME: "j" }],
    }
    expect(shapeFindings(value).map((f) => [f.rule, f.pointer, f.message])).toEqual([
      ["unknown-key", `${o}/NAME`, "key `NAME` overrides the earlier `name` (keys match case-insensitively)"],
      ["unknown-key", `${o}/READ`, "key `READ` is merged with a later spelling of `read`"],
      ["missing-key", `${o}/read/objects/0/objectName`, "read object is missing required key `objectName`"],
      ["missing-key", `${o}/read/objects/0/destination`, "read object is missing required key `destination`"],
    ])
  })
})

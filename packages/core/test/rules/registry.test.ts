import { existsSync, readdirSync } from "node:fs"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { catalogModules, catalogProviders, effectiveModule, moduleTable, providerNames } from "../../src/Catalog.js"
import type { Finding } from "../../src/Diagnostic.js"
import { toPath } from "../../src/internal/pointer.js"
import { rules } from "../../src/rules/index.js"
import { contextOf, expectWellFormed } from "./harness.js"

/** rules.md ids in catalog order, without the parser's and Shape.ts's. */
const catalogOrder = [
  "yaml-compat",
  "identifier-charset",
  "identifier-confusable",
  "spec-version",
  "integration-structure",
  "integration-name",
  "integration-name-duplicate",
  "display-name-length",
  "provider-not-supported",
  "provider-module",
  "read-objects",
  "object-name-empty",
  "destination-empty",
  "duplicate-read-object",
  "always-enabled-fields",
  "field-mapping-unique",
  "field-duplicate",
  "field-entry-shape",
  "field-mapping-jsonpath",
  "schedule-syntax",
  "schedule-minimum-interval",
  "watch-schema-schedule",
  "backfill-config",
  "backfill-large",
  "delivery-mode",
  "delivery-deprecated",
  "write-objects",
  "duplicate-write-object",
  "write-inherit-without-read",
  "subscribe-requires-read",
  "subscribe-objects",
  "subscribe-inherit-fields",
  "subscribe-read-object-missing",
  "event-enabled",
  "update-event-watch-fields",
  "watch-fields-no-nesting",
  "duplicate-subscribe-object",
  "subscribe-minimum-events",
  "salesforce-subscribe-limit",
  "association-event-provider",
  "google-calendar-backfill",
  "snowflake-backfill",
]

const severities: Record<string, string> = {
  "backfill-large": "info",
  "subscribe-minimum-events": "info",
  "display-name-length": "warning",
  "provider-not-supported": "warning",
  "provider-module": "warning",
  "field-duplicate": "warning",
  "delivery-deprecated": "warning",
  "write-inherit-without-read": "warning",
  "event-enabled": "warning",
  "association-event-provider": "warning",
  "identifier-confusable": "warning",
}

describe("the rule registry", () => {
  it("holds every semantic rule of rules.md once, in its order", () => {
    expect(rules.map((r) => r.id)).toEqual(catalogOrder)
  })
  it("gives each rule its rules.md severity, a summary and its domain rules", () => {
    for (const rule of rules) {
      expect(rule.severity).toBe(severities[rule.id] ?? "error")
      expect(rule.summary.length).toBeGreaterThan(20)
      expect(rule.summary.length).toBeLessThanOrEqual(120)
      // yaml-compat and the identifier rules come from reliability.md (parser differential, spoofing), not domain §5.
      if (!["yaml-compat", "identifier-charset", "identifier-confusable"].includes(rule.id))
        expect(rule.domain.length).toBeGreaterThan(0)
    }
  })
  it("has one source file, one test file and (but for yaml-compat) a fixture folder per rule", () => {
    const sources = readdirSync(new URL("../../src/rules/", import.meta.url)).filter((f) => /^[a-z0-9-]+\.ts$/.test(f))
    expect(sources.map((f) => f.slice(0, -3)).sort()).toEqual([...catalogOrder, "index", "walk"].sort())
    for (const id of catalogOrder) {
      expect(existsSync(new URL(`./${id}.test.ts`, import.meta.url))).toBe(true)
      if (id !== "yaml-compat") expect(existsSync(new URL(`../fixtures/rules/${id}/`, import.meta.url))).toBe(true)
    }
  })
})

describe("the bundled catalog", () => {
  it("is providers.txt without the test-only connectors, plus the documented providers beyond it", async () => {
    const { readFileSync } = await import("node:fs")
    const lines = readFileSync(new URL("../../../../corpus/ampersand/providers.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l !== "")
    const testOnly = lines.filter((l) => l.startsWith("mock") || l === "memstore" || l === "monaco")
    expect(testOnly).toHaveLength(9)
    // `apollo`: listed in domain.md §6.1 and deployed by samples/apollo, missing from the snapshot.
    expect(providerNames).toEqual([...lines.filter((l) => !testOnly.includes(l)), "apollo"])
    expect(catalogProviders.size).toBe(236)
  })
  it("has a module table of catalog providers, default first (domain §6.2)", () => {
    for (const [provider, modules] of moduleTable) {
      expect(catalogProviders.has(provider)).toBe(true)
      expect(modules.length).toBeGreaterThan(0)
    }
    expect(catalogModules.get("salesforce")?.[0]).toBe("crm")
    expect(catalogModules.get("pipedrive")?.[0]).toBe("legacy")
    expect(effectiveModule("google", undefined)).toBe("calendar")
    expect(effectiveModule("google", "")).toBe("calendar")
    expect(effectiveModule("google", "gmail")).toBe("gmail")
    expect(effectiveModule("slack", undefined)).toBe("root")
  })
})

/** The node a pointer names exists in the value (own keys only). */
const resolves = (value: unknown, pointer: string): boolean => {
  let node = value
  for (const token of toPath(pointer)) {
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < node.length)
      node = node[Number(token)]
    else if (typeof node === "object" && node !== null && !Array.isArray(node) && Object.hasOwn(node, token))
      node = (node as Record<string, unknown>)[token]
    else return false
  }
  return true
}

const scalar = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom(
    "",
    "1.0.0",
    "always",
    "all",
    "selected",
    "auto",
    "onRequest",
    "salesforce",
    "google",
    "snowflake",
    "hubspot",
    "Salesforce",
    "calendar",
    "crm",
    "events",
    "contact",
    "*/5 * * * *",
    "0,5 * * * *",
    "*/10 * * * *",
    "bad cron",
    "$['a'",
    "$['a']",
    "a.b",
    "__proto__",
  ),
  fc.integer({ min: -3, max: 600 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
)
const junk = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), scalar))
const or = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk })
const list = <T>(arb: fc.Arbitrary<T>) => or(fc.array(or(arb), { maxLength: 7 }))
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  or(fc.record(shape, { requiredKeys: [] }))

const field = partial({ fieldName: scalar, mapToName: scalar, prompt: scalar })
const event = partial({ enabled: scalar, watchFieldsAuto: scalar, requiredWatchFields: list(scalar) })
const readObject = partial({
  objectName: scalar,
  destination: scalar,
  schedule: scalar,
  enabled: scalar,
  requiredFields: list(field),
  optionalFields: list(field),
  backfill: partial({ defaultPeriod: partial({ days: scalar, fullHistory: scalar }) }),
  delivery: partial({ mode: scalar, pageSize: scalar }),
})
const subscribeObject = partial({
  objectName: scalar,
  destination: scalar,
  inheritFieldsAndMapping: scalar,
  createEvent: event,
  updateEvent: event,
  deleteEvent: event,
  associationChangeEvent: event,
  otherEvents: list(scalar),
})
const integration = partial({
  name: scalar,
  provider: scalar,
  module: scalar,
  displayName: scalar,
  read: partial({ objects: list(readObject) }),
  write: partial({ objects: list(partial({ objectName: scalar, inheritMapping: scalar })) }),
  subscribe: partial({ objects: list(subscribeObject) }),
  proxy: partial({ enabled: scalar }),
  watchSchema: partial({ destination: scalar, schedule: scalar }),
})
const manifest = partial({ specVersion: scalar, integrations: list(integration) })

describe("every rule on arbitrary input", () => {
  it("never throws, reports well-formed findings at existing nodes, deterministically", () => {
    fc.assert(
      fc.property(fc.oneof(manifest, fc.jsonValue()), (value) => {
        for (const rule of rules) {
          const findings: Array<Finding> = [...rule.check(contextOf(value))]
          expectWellFormed(rule, findings)
          for (const f of findings) expect(resolves(value, f.pointer), `${rule.id} ${f.pointer}`).toBe(true)
          expect([...rule.check(contextOf(value))]).toEqual(findings)
        }
      }),
      { numRuns: 800 },
    )
  })

  it("reads own keys only (prototype names are plain data)", () => {
    const value = JSON.parse(
      '{"specVersion":"1.0.0","integrations":[{"name":"a","provider":"salesforce","__proto__":{"read":{"objects":[]}},"constructor":{"read":1}}]}',
    )
    const findings = rules.flatMap((rule) => [...rule.check(contextOf(value))])
    expect(findings.map((f) => f.rule)).toEqual(["integration-structure"])
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })
})

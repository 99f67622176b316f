/**
 * Hostile input through `validate()`, end to end: several cases of every class of
 * design/reliability.md (the parsing table, and "Decoding and errors"), in YAML and in JSON where the
 * class applies. The parser's own fixtures are test/source/hostile-fixtures.test.ts; here every case
 * is a manifest (or what pretends to be one), and what is checked is what a user sees: the rule id at
 * the right line, no exception, safe and short messages, one diagnostic per defect, bounded time,
 * and an untouched Object.prototype.
 *
 * Every case states the correct expectation. (The cases that once failed, as `test.fails` with the
 * bug named, are plain tests since issue #2: case variants of keys, `null` values, `schedule: 22:22`,
 * `name: 1.10`, cron steps past 2^63 − 1, messages over 120 characters.)
 */
import * as Result from "effect/Result"
import { afterAll, describe, expect, test } from "vitest"
import YAML from "yaml"
import { decodeDocument } from "../../src/Document.js"
import { decodeUtf8 } from "../../src/internal/utf8.js"
import { defaultLimits } from "../../src/Limits.js"
import { ruleDescriptions } from "../../src/RuleCatalog.js"
import { parseSource } from "../../src/Source.js"
import { type ValidationReport, validate } from "../../src/Validate.js"

type Syntax = "yaml" | "json"

const knownRules = new Set(ruleDescriptions.map((r) => r.id))
/** Characters no message or hint may carry raw: C0/C1 controls, DEL, bidi controls, zero-width, separators, BOM. */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/
/** design/reliability.md: one sentence of at most ~120 characters (internal/quote.ts `maxMessageLength`). */
const maxMessage = 120
/**
 * Time budgets, over 20× what was measured on a 2-core machine at a load average of 7 (test files run
 * in parallel on CI): a small document validates in ~3 ms; the bombs and the big documents below,
 * whose work is bounded by the node budget and the input size, in 0.2–1 s.
 */
const slow = 2000
const bomb = 20_000

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

interface CheckOptions {
  /** Time budget of the validate() call, in ms. */
  readonly budgetMs?: number
  /** Longest message or hint accepted. */
  readonly maxMessage?: number
}

/** What is wrong with a report's diagnostics, whatever the input (empty: nothing). */
const malformed = (r: ValidationReport, text: string, limit: number): Array<string> => {
  const lines = text.split(/\r\n|\n/).length
  const out: Array<string> = []
  for (const d of r.diagnostics) {
    const at = `${d.rule} ${d.pointer}`
    if (!knownRules.has(d.rule)) out.push(`${at}: unknown rule id`)
    if (d.message.length > limit) out.push(`${at}: message of ${d.message.length} characters: ${d.message}`)
    if (unsafe.test(d.message)) out.push(`${at}: unsafe character in message ${JSON.stringify(d.message)}`)
    if (d.hint !== undefined && d.hint.length > limit) out.push(`${at}: hint of ${d.hint.length} characters`)
    if (d.hint !== undefined && unsafe.test(d.hint))
      out.push(`${at}: unsafe character in hint ${JSON.stringify(d.hint)}`)
    if (/Schema\.|ReadonlyArray|Struct\b|\{ readonly|Expected .* \| /.test(d.message))
      out.push(`${at}: type signature in message`)
    if (!(d.pointer === "" || d.pointer.startsWith("/"))) out.push(`${at}: not a JSON pointer`)
    if (!(d.line >= 1 && d.line <= lines + 1 && d.column >= 1)) out.push(`${at}: position ${d.line}:${d.column}`)
  }
  return out
}

/** Validate, checking what must hold for every input: no throw, bounded time, well-formed safe diagnostics. */
const check = (text: string, syntax: Syntax, options: CheckOptions = {}): ValidationReport => {
  const started = performance.now()
  let report: ValidationReport | undefined
  expect(() => {
    report = validate(text, { syntax })
  }).not.toThrow()
  expect(performance.now() - started, "validation time (ms)").toBeLessThan(options.budgetMs ?? slow)
  const r = report as ValidationReport
  expect(malformed(r, text, options.maxMessage ?? maxMessage)).toEqual([])
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  return r
}

/** `[rule, line]` of the errors, in report order. */
const errorsAt = (r: ValidationReport) =>
  r.diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.line])
const rulesOf = (r: ValidationReport) => r.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.pointer}`)

// ---------------------------------------------------------------------------------------------
// A valid base manifest (zero diagnostics), as a value, YAML text and JSON text

const base = () => ({
  specVersion: "1.0.0",
  integrations: [
    {
      name: "readAccounts",
      provider: "salesforce",
      read: {
        objects: [
          {
            objectName: "account",
            destination: "webhook",
            schedule: "*/10 * * * *",
            requiredFields: [{ fieldName: "name" }],
            backfill: { defaultPeriod: { days: 30 } },
          },
        ],
      },
      write: { objects: [{ objectName: "account" }] },
    },
  ],
})

const textOf = (value: unknown, syntax: Syntax): string =>
  syntax === "json" ? `${JSON.stringify(value, null, 2)}\n` : YAML.stringify(value, { lineWidth: 0 })

/** A YAML manifest whose `integrations:` list is the given lines; `proxyOnly` is one valid integration. */
const yamlManifest = (integration: string) => `specVersion: "1.0.0"\nintegrations:\n${integration}`
const proxyOnly = "  - name: readAccounts\n    provider: salesforce\n    proxy:\n      enabled: true\n"

const bothSyntaxes: ReadonlyArray<Syntax> = ["yaml", "json"]

describe("the base manifest", () => {
  test.each(bothSyntaxes)("%s: no diagnostic at all", (syntax) => {
    expect(check(textOf(base(), syntax), syntax).diagnostics).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// Parsing: one describe per row of reliability.md's table

describe("duplicate keys → duplicate-key at the second key's line", () => {
  test("YAML: the same key twice in an integration", () => {
    const r = check(
      yamlManifest("  - name: a\n    name: b\n    provider: salesforce\n    proxy: {enabled: true}\n"),
      "yaml",
    )
    expect(r.diagnostics.map((d) => [d.rule, d.pointer, d.line, d.column])).toEqual([
      ["duplicate-key", "/integrations/0/name", 4, 5],
    ])
  })

  test('YAML: 1 and "1", true and "true" are the same key', () => {
    const r = check(`specVersion: "1.0.0"\n1: x\n"1": y\ntrue: x\n"true": y\nintegrations:\n${proxyOnly}`, "yaml")
    expect(errorsAt(r)).toEqual([
      ["duplicate-key", 3],
      ["duplicate-key", 5],
    ])
  })

  test("YAML: a duplicate inside a flow mapping of a read object", () => {
    const text = yamlManifest(
      "  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - {objectName: account, destination: d, objectName: contact}\n",
    )
    const r = check(text, "yaml")
    expect(r.diagnostics.map((d) => [d.rule, d.pointer, d.line])).toEqual([
      ["duplicate-key", "/integrations/0/read/objects/0/objectName", 7],
    ])
    expect(r.diagnostics[0]?.column).toBe((text.split("\n")[6] ?? "").lastIndexOf("objectName") + 1)
  })

  test("JSON: the same key twice, and once more through an escape (n\\u0061me)", () => {
    const text = `{\n  "specVersion": "1.0.0",\n  "integrations": [\n    {\n      "name": "a",\n      "n\\u0061me": "b",\n      "provider": "salesforce",\n      "provider": "hubspot",\n      "proxy": {"enabled": true}\n    }\n  ]\n}\n`
    const r = check(text, "json")
    expect(r.diagnostics.map((d) => [d.rule, d.pointer, d.line, d.column])).toEqual([
      ["duplicate-key", "/integrations/0/name", 6, 7],
      ["duplicate-key", "/integrations/0/provider", 8, 7],
    ])
  })
})

describe("YAML 1.1 scalars and a %YAML directive: YAML 1.2 core always; server differences flagged", () => {
  const readObject = (line: string) =>
    yamlManifest(
      `  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - objectName: account\n          destination: d\n${line}`,
    )

  test("objectName: no (a string field): yaml-compat error, hint quote it", () => {
    const r = check(
      yamlManifest(
        "  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - objectName: no\n          destination: d\n",
      ),
      "yaml",
    )
    expect(r.diagnostics.map((d) => [d.severity, d.rule, d.line])).toEqual([["error", "yaml-compat", 7]])
    expect(r.diagnostics[0]?.hint).toContain("quote it")
  })

  test("name: on, objectName: 0755: yaml-compat errors (boolean, octal for the server)", () => {
    const r = check(
      yamlManifest(
        "  - name: on\n    provider: salesforce\n    read:\n      objects:\n        - objectName: 0755\n          destination: d\n",
      ),
      "yaml",
    )
    expect(r.diagnostics.map((d) => [d.severity, d.rule, d.pointer, d.line])).toEqual([
      ["error", "yaml-compat", "/integrations/0/name", 3],
      ["error", "yaml-compat", "/integrations/0/read/objects/0/objectName", 7],
    ])
  })

  test("enabled: yes (a boolean field): a yaml-compat warning only, hint write true/false", () => {
    const r = check(yamlManifest("  - name: a\n    provider: salesforce\n    proxy:\n      enabled: yes\n"), "yaml")
    expect(r.diagnostics.map((d) => [d.severity, d.rule, d.line])).toEqual([["warning", "yaml-compat", 6]])
    expect(r.ok).toBe(true)
    expect(r.diagnostics[0]?.hint).toContain("true")
  })

  test("schedule: 22:22 (base 60 for the server): one defect, one diagnostic (yaml-compat, not schedule-syntax)", () => {
    // The server cannot decode the scalar as a string: "not valid cron" would be beside the point.
    const r = check(readObject("          schedule: 22:22\n"), "yaml")
    expect(r.diagnostics.map((d) => [d.rule, d.line])).toEqual([["yaml-compat", 9]])
    expect(r.diagnostics[0]?.hint).toContain('"22:22"')
  })

  test("a yaml-compat warning does not hide a rule's error at the same scalar (days: 0750 for snowflake)", () => {
    const text = yamlManifest(
      "  - name: a\n    provider: snowflake\n    read:\n      objects:\n        - objectName: t\n          destination: d\n          backfill:\n            defaultPeriod:\n              days: 0750\n",
    )
    const r = check(text, "yaml")
    expect(r.diagnostics.map((d) => [d.severity, d.rule, d.line])).toEqual([
      ["error", "snowflake-backfill", 11],
      ["warning", "yaml-compat", 11],
    ])
  })

  test("a %YAML 1.1 directive is refused (syntax, line 1); so is %TAG", () => {
    expect(errorsAt(check(`%YAML 1.1\n---\n${yamlManifest(proxyOnly)}`, "yaml"))).toEqual([["syntax", 1]])
    expect(errorsAt(check(`%TAG !e! tag:example.com,2000:\n---\n${yamlManifest(proxyOnly)}`, "yaml"))[0]).toEqual([
      "syntax",
      1,
    ])
  })

  test('JSON has no such ambiguity: "no" and "0755" are plain strings', () => {
    const value = base()
    value.integrations[0]!.read.objects[0]!.objectName = "no"
    value.integrations[0]!.write.objects[0]!.objectName = "0755"
    expect(check(textOf(value, "json"), "json").diagnostics).toEqual([])
  })
})

describe("version-like numbers: string fields reject numbers, hint quote it", () => {
  test("YAML specVersion: 1.0 → spec-version", () => {
    const r = check(`specVersion: 1.0\nintegrations:\n${proxyOnly}`, "yaml")
    expect(r.diagnostics.map((d) => [d.rule, d.line])).toEqual([["spec-version", 1]])
    expect(r.diagnostics[0]?.hint).toContain("quote it")
  })

  test('JSON "specVersion": 1.0 → spec-version', () => {
    const r = check(
      `{"specVersion": 1.0, "integrations": [{"name": "a", "provider": "salesforce", "proxy": {}}]}`,
      "json",
    )
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["spec-version", 1, 17]])
    expect(r.diagnostics[0]?.hint).toContain("quote it")
    expect(r.diagnostics[0]?.message).not.toMatch(/YAML/)
  })

  test.each(bothSyntaxes)("%s: a misspelt fieldName gets field-entry-shape with a did-you-mean hint", (syntax) => {
    const value = base()
    readObj(value).requiredFields = [{ feildName: "name" }]
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["field-entry-shape"])
    expect(r.diagnostics[0]?.hint).toContain("did you mean `fieldName`?")
  })

  test.each(bothSyntaxes)("%s: objectName 1.5 and displayName 2 → wrong-type, hint quote it", (syntax) => {
    const value: Record<string, unknown> = base()
    const integration = (value.integrations as Array<Record<string, unknown>>)[0]!
    integration.displayName = 2
    ;(
      (integration.read as { objects: Array<Record<string, unknown>> }).objects[0] as Record<string, unknown>
    ).objectName = 1.5
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => `${d.rule} ${d.pointer}`).sort()).toEqual([
      "wrong-type /integrations/0/displayName",
      "wrong-type /integrations/0/read/objects/0/objectName",
    ])
    for (const d of r.diagnostics) expect(d.hint).toContain("quote it")
  })

  test.each([
    ["1.10", 3],
    ["0x1F", 3],
    ["1e3", 3],
  ])('YAML name: %s → the hint says to quote what was written, never the parsed number ("1.1", "31")', (name, line) => {
    const r = check(yamlManifest(`  - name: ${name}\n    provider: salesforce\n    proxy: {}\n`), "yaml")
    expect(r.diagnostics.map((d) => [d.rule, d.line])).toEqual([["wrong-type", line]])
    expect(r.diagnostics[0]?.hint).toBe("quote it, exactly as written (unquoted, it is read as a number)")
  })
})

describe("aliases, anchors, merge keys: accepted within the node budget, refused past it, never a prototype write", () => {
  test("a field list reused through an anchor and an alias is fine", () => {
    const r = check(
      yamlManifest(
        "  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - objectName: account\n          destination: d\n          requiredFields: &fields\n            - fieldName: id\n            - fieldName: name\n        - objectName: contact\n          destination: d\n          requiredFields: *fields\n",
      ),
      "yaml",
    )
    expect(r.diagnostics).toEqual([])
  })

  test("read-object defaults through a merge key are fine, and a defect inside is reported at the anchor", () => {
    const ok = check(
      yamlManifest(
        "  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - &defaults\n          objectName: account\n          destination: d\n          schedule: '*/15 * * * *'\n        - <<: *defaults\n          objectName: contact\n",
      ),
      "yaml",
    )
    expect(ok.diagnostics).toEqual([])
    const bad = check(
      yamlManifest(
        "  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - &defaults\n          objectName: account\n          destination: d\n          schedule: '*/5 * * * *'\n        - <<: *defaults\n          objectName: contact\n",
      ),
      "yaml",
    )
    expect(errorsAt(bad)).toEqual([
      ["schedule-minimum-interval", 10],
      ["schedule-minimum-interval", 10],
    ])
  })

  test("a billion-laughs field list → alias-limit, fast", () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    const anchors = levels
      .map((name, i) =>
        i === 0
          ? `x${name}: &${name} [{fieldName: lol}, {fieldName: lol}, {fieldName: lol}, {fieldName: lol}, {fieldName: lol}, {fieldName: lol}, {fieldName: lol}, {fieldName: lol}, {fieldName: lol}]`
          : `x${name}: &${name} [${Array(9)
              .fill(`*${levels[i - 1]}`)
              .join(", ")}]`,
      )
      .join("\n")
    const text = `${anchors}\n${yamlManifest("  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - objectName: account\n          destination: d\n          requiredFields: *i\n")}`
    const r = check(text, "yaml", { budgetMs: bomb })
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["alias-limit"])
  })

  test("a quadratic merge chain (2,000 mappings each merging the previous) → bounded time", () => {
    const chain = Array.from({ length: 2000 }, (_, i) =>
      i === 0 ? "m0: &m0 {k0: 0}" : `m${i}: &m${i} {<<: *m${i - 1}, k${i}: ${i}}`,
    )
    const r = check(`${chain.join("\n")}\n${yamlManifest(proxyOnly)}`, "yaml", { budgetMs: bomb })
    expect(r.ok).toBe(false)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["alias-limit"])
  })

  test("__proto__ through a merge key stays plain data: an unknown-key warning, no pollution", () => {
    const r = check(
      `evil: &evil\n  __proto__:\n    polluted: true\n${yamlManifest("  - <<: *evil\n    name: a\n    provider: salesforce\n    proxy: {enabled: true}\n")}`,
      "yaml",
    )
    expect(rulesOf(r)).toEqual(["warning unknown-key /evil", "warning unknown-key /integrations/0/__proto__"])
    expect(r.ok).toBe(true)
  })
})

describe("tags are refused (syntax at the tag)", () => {
  test.each([
    ["!!binary", "  - name: !!binary aGVsbG8=\n    provider: salesforce\n    proxy: {enabled: true}\n", 3],
    ["!!set", "  - name: a\n    provider: salesforce\n    proxy: !!set {enabled}\n", 5],
    ["!!js/function", "  - name: !!js/function 'function(){}'\n    provider: salesforce\n    proxy: {}\n", 3],
    ["a custom !x", "  - name: a\n    provider: !x salesforce\n    proxy: {}\n", 4],
  ])("%s", (_, integration, line) => {
    expect(errorsAt(check(yamlManifest(integration), "yaml"))).toEqual([["syntax", line]])
  })
})

describe("several documents, empty input, only comments: refused, saying why", () => {
  test("YAML: two documents", () => {
    const r = check(`${yamlManifest(proxyOnly)}---\n${yamlManifest(proxyOnly)}`, "yaml")
    expect(errorsAt(r)).toEqual([["syntax", 7]])
    expect(r.diagnostics[0]?.message).toMatch(/2 YAML documents/)
  })

  test.each([
    ["YAML: empty", "", "yaml", /empty/],
    ["YAML: only comments", "# amp.yaml\n# nothing yet\n", "yaml", /only comments/],
    ["YAML: a bare document marker", "---\n", "yaml", /./],
    ["JSON: empty", "", "json", /empty/],
    ["JSON: whitespace", " \n\t\n", "json", /empty/],
    ["JSON: two values", `{"specVersion": "1.0.0"}\n{"integrations": []}`, "json", /end of the input/],
  ] as const)("%s", (_, text, syntax, message) => {
    const r = check(text, syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["syntax"])
    expect(r.diagnostics[0]?.message).toMatch(message)
  })
})

describe("deep nesting: document-limit, checked before any recursive step", () => {
  test.each([
    ["YAML flow [ × 5,000", `${"[".repeat(5000)}${"]".repeat(5000)}`, "yaml"],
    [
      "YAML block nesting 200 deep",
      `${Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1\n`,
      "yaml",
    ],
    ["JSON [ × 100,000", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "json"],
    ["JSON objects 5,000 deep", `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`, "json"],
    [
      "a field entry nested inside 100 lists",
      yamlManifest(
        `  - name: a\n    provider: salesforce\n    read:\n      objects: ${"[".repeat(100)}${"]".repeat(100)}\n`,
      ),
      "yaml",
    ],
  ] as const)("%s", (_, text, syntax) => {
    const r = check(text, syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["document-limit"])
  })
})

describe("huge input, strings, arrays, keys: documented limits, refused early", () => {
  test.each(bothSyntaxes)("%s: input over maxBytes (4 MiB) → document-limit at once", (syntax) => {
    const filler = "x".repeat(defaultLimits.maxBytes)
    const text = syntax === "json" ? `{"specVersion": "${filler}"}` : `specVersion: ${filler}\n`
    const r = check(text, syntax, { budgetMs: 500 })
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["document-limit"])
  })

  test.each(bothSyntaxes)("%s: a string over maxStringLength (1 MiB) → document-limit", (syntax) => {
    const value = base()
    value.integrations[0]!.read.objects[0]!.destination = "d".repeat(defaultLimits.maxStringLength + 1)
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["document-limit"])
  })

  test.each(bothSyntaxes)("%s: a key over maxKeyLength (1,024) → document-limit", (syntax) => {
    const value: Record<string, unknown> = base()
    value["k".repeat(defaultLimits.maxKeyLength + 1)] = 1
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["document-limit"])
  })

  test("JSON: an array of more than maxNodes (1,000,000) values → document-limit", () => {
    const text = `{"specVersion": "1.0.0", "integrations": [${"0,".repeat(defaultLimits.maxNodes)}0]}`
    const r = check(text, "json")
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["document-limit"])
  })

  test("YAML: 5,000 read objects (210 KB, under the limits) are validated in bounded time, one diagnostic per repeat", () => {
    const objects = "        - {objectName: o, destination: d}\n".repeat(5000)
    const r = check(
      yamlManifest(`  - name: a\n    provider: salesforce\n    read:\n      objects:\n${objects}`),
      "yaml",
      { budgetMs: bomb },
    )
    expect(r.diagnostics.filter((d) => d.rule === "duplicate-read-object")).toHaveLength(4999)
    expect(r.diagnostics).toHaveLength(4999)
  })
})

describe("prototype keys (__proto__, constructor, prototype): plain data, unknown keys, Object.prototype unchanged", () => {
  test("YAML", () => {
    const r = check(
      yamlManifest(
        "  - name: a\n    provider: salesforce\n    __proto__: {polluted: true}\n    constructor: {prototype: {polluted: true}}\n    prototype: 1\n    proxy: {enabled: true}\n",
      ),
      "yaml",
    )
    expect(rulesOf(r)).toEqual([
      "warning unknown-key /integrations/0/__proto__",
      "warning unknown-key /integrations/0/constructor",
      "warning unknown-key /integrations/0/prototype",
    ])
    expect(r.diagnostics.map((d) => d.line)).toEqual([5, 6, 7])
  })

  test("JSON, at the root and in a field entry", () => {
    const text = `{"__proto__": {"polluted": true}, "specVersion": "1.0.0", "integrations": [{"name": "a", "provider": "salesforce", "read": {"objects": [{"objectName": "o", "destination": "d", "requiredFields": [{"fieldName": "f", "constructor": 1}]}]}}]}`
    const r = check(text, "json")
    expect(rulesOf(r)).toEqual([
      "warning unknown-key /__proto__",
      "warning unknown-key /integrations/0/read/objects/0/requiredFields/0/constructor",
    ])
  })

  test("an object named __proto__ and a field named constructor are ordinary names", () => {
    const value = base()
    value.integrations[0]!.read.objects[0]!.objectName = "__proto__"
    value.integrations[0]!.read.objects[0]!.requiredFields = [{ fieldName: "constructor" }]
    for (const syntax of bothSyntaxes) expect(check(textOf(value, syntax), syntax).diagnostics).toEqual([])
  })
})

describe("encodings: one leading BOM accepted; the rest refused; CRLF equals LF", () => {
  test.each(bothSyntaxes)("%s: a leading UTF-8 BOM is accepted, positions unchanged", (syntax) => {
    const value = base()
    value.integrations[0]!.read.objects[0]!.schedule = "*/5 * * * *"
    const plain = check(textOf(value, syntax), syntax)
    const bom = check(`\uFEFF${textOf(value, syntax)}`, syntax)
    expect(bom.diagnostics).toEqual(plain.diagnostics)
    expect(plain.diagnostics.map((d) => d.rule)).toEqual(["schedule-minimum-interval"])
  })

  test.each(bothSyntaxes)("%s: CRLF gives exactly the diagnostics of LF", (syntax) => {
    const value: Record<string, unknown> = base()
    value.extra = true
    const text = textOf(value, syntax)
    expect(check(text.replace(/\n/g, "\r\n"), syntax).diagnostics).toEqual(check(text, syntax).diagnostics)
  })

  test.each([
    ["YAML: a BOM mid-file", yamlManifest(`  - name: a\n    provider: salesforce\n\uFEFF    proxy: {}\n`), "yaml", 5],
    ["YAML: a lone CR", yamlManifest("  - name: a\r    provider: salesforce\n    proxy: {}\n"), "yaml", 3],
    [
      "YAML: U+2028 inside a quoted name",
      yamlManifest('  - name: "a\u2028b"\n    provider: salesforce\n    proxy: {}\n'),
      "yaml",
      3,
    ],
    [
      "YAML: U+FFFD left by a lenient decoder",
      yamlManifest("  - name: a\uFFFDb\n    provider: salesforce\n    proxy: {}\n"),
      "yaml",
      3,
    ],
    ["JSON: a BOM inside a key", `{"specVersion": "1.0.0",\n "\uFEFFintegrations": []}`, "json", 2],
    ["JSON: a lone CR", `{"specVersion": "1.0.0",\r "integrations": []}`, "json", 1],
    ["JSON: an unpaired surrogate", `{"specVersion": "1.0.0", "integrations": [{"name": "a\uD800"}]}`, "json", 1],
  ] as const)("%s → syntax at its line", (_, text, syntax, line) => {
    expect(errorsAt(check(text, syntax))).toEqual([["syntax", line]])
  })

  test("JSON: U+2028 raw in a string is legal JSON; as an integration name it breaks integration-name", () => {
    const r = check(
      `{"specVersion": "1.0.0", "integrations": [{"name": "a\u2028b", "provider": "salesforce", "proxy": {}}]}`,
      "json",
    )
    expect(errorsAt(r)).toEqual([["integration-name", 1]])
  })

  test("bytes: invalid UTF-8 and UTF-16 are refused by the strict decoder, with a position", () => {
    const bad = decodeUtf8(new Uint8Array([...new TextEncoder().encode('specVersion: "1.0.0"\nname: a'), 0xc3, 0x28]))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.position).toEqual({ line: 2, column: 8 })
    const utf16 = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x73, 0x00, 0x70, 0x00]))
    expect(utf16.ok).toBe(false)
    if (!utf16.ok) expect(utf16.message).toMatch(/UTF-16/)
    const good = decodeUtf8(new TextEncoder().encode(textOf(base(), "yaml")))
    expect(good.ok && check(good.text, "yaml").diagnostics).toEqual([])
  })
})

describe("non-finite and unsafe numbers: refused (invalid-value at the number)", () => {
  const withDays = (days: string) =>
    yamlManifest(
      `  - name: a\n    provider: salesforce\n    read:\n      objects:\n        - objectName: account\n          destination: d\n          backfill:\n            defaultPeriod:\n              days: ${days}\n`,
    )
  test.each([".inf", "-.Inf", ".nan", "1e400", "9007199254740993", "-9007199254740993"])("YAML days: %s", (days) => {
    const r = check(withDays(days), "yaml")
    expect(r.diagnostics.map((d) => [d.rule, d.pointer, d.line])).toEqual([
      ["invalid-value", "/integrations/0/read/objects/0/backfill/defaultPeriod/days", 11],
    ])
  })

  test.each(["1e400", "-1e400", "9007199254740993"])("JSON days: %s", (days) => {
    const text = textOf(base(), "json").replace('"days": 30', `"days": ${days}`)
    const r = check(text, "json")
    expect(r.diagnostics.map((d) => [d.rule, d.pointer])).toEqual([
      ["invalid-value", "/integrations/0/read/objects/0/backfill/defaultPeriod/days"],
    ])
    expect(text.split("\n")[(r.diagnostics[0]?.line ?? 0) - 1]).toContain('"days"')
  })

  test("JSON NaN / Infinity literals are not JSON", () => {
    for (const literal of ["NaN", "Infinity", "-Infinity"]) {
      const r = check(textOf(base(), "json").replace('"days": 30', `"days": ${literal}`), "json")
      expect(
        r.diagnostics.map((d) => d.rule),
        literal,
      ).toEqual(["syntax"])
    }
  })
})

describe("dates (API documents; a manifest has no date field): strict RFC 3339", () => {
  const revision = (createTime: string, syntax: Syntax) => {
    const value = {
      id: "r1",
      specVersion: "1.0.0",
      createTime,
      content: { name: "a", provider: "salesforce", proxy: {} },
    }
    return textOf(value, syntax)
  }
  const decoded = (text: string, syntax: Syntax) => {
    const parsed = parseSource(text, { syntax })
    expect(parsed.findings).toEqual([])
    return decodeDocument(parsed.document?.value, "revision")
  }
  test.each(bothSyntaxes)(
    '%s: "1", 2024-02-30, a missing offset are refused; offsets and 9 digits accepted',
    (syntax) => {
      for (const bad of ["1", "2024-02-30T00:00:00Z", "2024-01-01T00:00:00", "2023-02-29T10:00:00Z"]) {
        expect(Result.isFailure(decoded(revision(bad, syntax), syntax)), bad).toBe(true)
      }
      for (const good of [
        "2024-02-29T23:59:59.123456789+05:30",
        "2023-11-07T05:31:56Z",
        "2024-01-15T10:30:00.000000Z",
      ]) {
        expect(Result.isSuccess(decoded(revision(good, syntax), syntax)), good).toBe(true)
      }
    },
  )
})

describe("Unicode spoofing and control characters: names checked, every message escaped", () => {
  test.each([
    ["RTL override", '"abc\\u202Eevil"'],
    ["zero-width space", '"ab\\u200Bc"'],
    ["NUL", '"a\\0b"'],
    ["ANSI escape", '"\\e[31mred"'],
  ])("YAML integration name with %s → integration-name, escaped", (_, name) => {
    const r = check(yamlManifest(`  - name: ${name}\n    provider: salesforce\n    proxy: {}\n`), "yaml")
    expect(errorsAt(r)).toEqual([["integration-name", 3]])
    expect(r.diagnostics[0]?.message).toMatch(/\\u\{/)
  })

  test("YAML integration name with a combining accent (printable, so shown as is) → integration-name", () => {
    const r = check(yamlManifest('  - name: "abc\\u0301"\n    provider: salesforce\n    proxy: {}\n'), "yaml")
    expect(errorsAt(r)).toEqual([["integration-name", 3]])
  })

  test("JSON: NUL and ANSI in names, keys and object names never reach a message raw", () => {
    const text = `{"specVersion": "1.0.0", "integrations": [{"name": "a\\u0000b", "provider": "sales\\u001b[2Jforce", "\\u001b]0;pwned\\u0007": 1, "read": {"objects": [{"objectName": "\\u001b[31mx", "destination": "d"}, {"objectName": "\\u001b[31mx", "destination": "d"}]}}]}`
    const r = check(text, "json")
    expect(rulesOf(r).map((s) => s.split(" ").slice(0, 2).join(" "))).toEqual(
      expect.arrayContaining([
        "error integration-name",
        "warning provider-not-supported",
        "warning unknown-key",
        "error duplicate-read-object",
      ]),
    )
  })
})

describe("regex-heavy fields (cron, bracket paths): linear time on 50,000 repetitions", () => {
  const reps = 50_000
  const withObject = (fields: Record<string, unknown>) => {
    const value = base()
    Object.assign(value.integrations[0]!.read.objects[0]!, fields)
    return value
  }
  const pumped: ReadonlyArray<readonly [string, Record<string, unknown>, ReadonlyArray<string>]> = [
    [
      "a cron list of 50,000 minutes (0,1,0,1,…)",
      { schedule: `${"0,1,".repeat(reps / 2)}0 * * * *` },
      ["schedule-minimum-interval"],
    ],
    ["cron with 50,000 spaces before a bad field", { schedule: `0${" ".repeat(reps)}* * * *x` }, ["schedule-syntax"]],
    ["cron with 50,000 ranges", { schedule: `${"1-2,".repeat(reps)}3 * * * *` }, ["schedule-minimum-interval"]],
    [
      "a bracket path of 50,000 segments with a bad end",
      { requiredFields: [{ fieldName: `$${"['a']".repeat(reps)}[x` }] },
      ["field-mapping-jsonpath"],
    ],
    [
      "a bracket path of 50,000 quotes",
      { requiredFields: [{ fieldName: `$[${"'".repeat(reps)}` }] },
      ["field-mapping-jsonpath"],
    ],
    [
      "a mapToName of 50,000 [*] and a stray quote",
      { requiredFields: [{ mapToName: `$${"[*]".repeat(reps)}'` }] },
      ["field-mapping-jsonpath"],
    ],
  ]

  for (const syntax of bothSyntaxes) {
    test.each(pumped)(`${syntax}: %s`, (_, fields, rules) => {
      const r = check(textOf(withObject(fields), syntax), syntax)
      expect(r.diagnostics.map((d) => d.rule)).toEqual(rules)
    })
  }

  test.each(bothSyntaxes)(
    "%s: cron with a 50,000-digit step, or any step past 2^63 − 1 → schedule-syntax",
    (syntax) => {
      // The server checks cron with gronx, whose inStep parses the step with strconv.Atoi (int64): a larger
      // step is an error there (errInvalidCronSchedule).
      for (const schedule of [
        `0-59/${"9".repeat(reps)} * * * *`,
        "*/99999999999999999999 * * * *",
        "*/9223372036854775808 * * * *",
      ]) {
        const r = check(textOf(withObject({ schedule }), syntax), syntax)
        expect(
          r.diagnostics.map((d) => d.rule),
          schedule.slice(0, 40),
        ).toEqual(["schedule-syntax"])
        expect(r.diagnostics[0]?.message).toMatch(/too large/)
      }
      const largest = check(textOf(withObject({ schedule: "0 0 */9223372036854775807 * *" }), syntax), syntax)
      expect(largest.diagnostics).toEqual([])
    },
  )

  test("messages about long values stay within 120 characters, the details in the hint", () => {
    for (const [, fields] of pumped) check(textOf(withObject(fields), "yaml"), "yaml")
  })

  test.each(bothSyntaxes)("%s: did-you-mean over 2,000 unknown keys of 1,000 characters", (syntax) => {
    const value: Record<string, unknown> = base()
    const object = (value.integrations as Array<{ read: { objects: Array<Record<string, unknown>> } }>)[0]!.read
      .objects[0]!
    for (let i = 0; i < 2000; i++) object[`${"destinatio".repeat(100)}${i}`] = i
    const r = check(textOf(value, syntax), syntax, { budgetMs: bomb })
    expect(r.diagnostics.filter((d) => d.rule === "unknown-key")).toHaveLength(2000)
  })
})

// ---------------------------------------------------------------------------------------------
// Decoding and errors

type Defect = readonly [name: string, apply: (v: ReturnType<typeof base>) => void, rule: string, pointer: string]

const readObj = (v: ReturnType<typeof base>) => v.integrations[0]!.read.objects[0]! as Record<string, unknown>

/** Rename a key in place, keeping the order of keys. */
const renameKey = (record: object, key: string, renamed: string): void => {
  const entries = Object.entries(record)
  for (const [k] of entries) delete (record as Record<string, unknown>)[k]
  for (const [k, v] of entries) (record as Record<string, unknown>)[k === key ? renamed : k] = v
}
const singleDefects: ReadonlyArray<Defect> = [
  [
    "missing destination",
    (v) => delete readObj(v).destination,
    "missing-key",
    "/integrations/0/read/objects/0/destination",
  ],
  [
    "misspelt destination",
    (v) => {
      readObj(v).destinaton = readObj(v).destination
      delete readObj(v).destination
    },
    "missing-key",
    "/integrations/0/read/objects/0/destinaton",
  ],
  [
    "unknown key",
    (v) => Object.assign(readObj(v), { descrption: "x" }),
    "unknown-key",
    "/integrations/0/read/objects/0/descrption",
  ],
  [
    "name of the wrong type",
    (v) => Object.assign(v.integrations[0]!, { name: 5 }),
    "wrong-type",
    "/integrations/0/name",
  ],
  [
    "enabled: never",
    (v) => Object.assign(readObj(v), { enabled: "never" }),
    "invalid-value",
    "/integrations/0/read/objects/0/enabled",
  ],
  [
    "objects as a mapping",
    (v) => Object.assign(v.integrations[0]!.write, { objects: {} }),
    "wrong-type",
    "/integrations/0/write/objects",
  ],
  [
    "empty objectName",
    (v) => Object.assign(readObj(v), { objectName: "" }),
    "object-name-empty",
    "/integrations/0/read/objects/0/objectName",
  ],
  [
    "too frequent schedule",
    (v) => Object.assign(readObj(v), { schedule: "0,5 * * * *" }),
    "schedule-minimum-interval",
    "/integrations/0/read/objects/0/schedule",
  ],
  [
    "bad cron",
    (v) => Object.assign(readObj(v), { schedule: "@daily" }),
    "schedule-syntax",
    "/integrations/0/read/objects/0/schedule",
  ],
  [
    "field entry with neither key",
    (v) => Object.assign(readObj(v), { requiredFields: [{ prompt: "?" }] }),
    "field-entry-shape",
    "/integrations/0/read/objects/0/requiredFields/0",
  ],
  [
    "field entry with a misspelt fieldName",
    (v) => Object.assign(readObj(v), { requiredFields: [{ feildName: "name" }] }),
    "field-entry-shape",
    "/integrations/0/read/objects/0/requiredFields/0",
  ],
  [
    "field entry fieldName 5",
    (v) => Object.assign(readObj(v), { requiredFields: [{ fieldName: 5 }] }),
    "wrong-type",
    "/integrations/0/read/objects/0/requiredFields/0/fieldName",
  ],
  [
    "mapping entry mapToName 5",
    (v) => Object.assign(readObj(v), { requiredFields: [{ mapToName: 5, prompt: "?" }] }),
    "wrong-type",
    "/integrations/0/read/objects/0/requiredFields/0/mapToName",
  ],
  ["specVersion 2.0.0", (v) => Object.assign(v, { specVersion: "2.0.0" }), "spec-version", "/specVersion"],
  [
    "integration name with a space",
    (v) => Object.assign(v.integrations[0]!, { name: "read accounts" }),
    "integration-name",
    "/integrations/0/name",
  ],
  [
    "days -1",
    (v) => Object.assign(readObj(v), { backfill: { defaultPeriod: { days: -1 } } }),
    "backfill-config",
    "/integrations/0/read/objects/0/backfill/defaultPeriod/days",
  ],
  [
    'days: "30" (rules.md\'s wrong-type example)',
    (v) => Object.assign(readObj(v), { backfill: { defaultPeriod: { days: "30" } } }),
    "wrong-type",
    "/integrations/0/read/objects/0/backfill/defaultPeriod/days",
  ],
  [
    "days 1.5",
    (v) => Object.assign(readObj(v), { backfill: { defaultPeriod: { days: 1.5 } } }),
    "backfill-config",
    "/integrations/0/read/objects/0/backfill/defaultPeriod/days",
  ],
  [
    "objectName spelt ObjectName (read as objectName)",
    (v) => renameKey(readObj(v), "objectName", "ObjectName"),
    "unknown-key",
    "/integrations/0/read/objects/0/ObjectName",
  ],
  // Case variants: read as the key itself by the server, by Shape.ts AND by the rules (withServerKeys).
  ["specVersion spelt SpecVersion", (v) => renameKey(v, "specVersion", "SpecVersion"), "unknown-key", "/SpecVersion"],
  [
    "read spelt READ (the integration's only action)",
    (v) => {
      const integration: { write?: unknown } = v.integrations[0]!
      delete integration.write
      renameKey(integration, "read", "READ")
    },
    "unknown-key",
    "/integrations/0/READ",
  ],
  [
    "objects spelt Objects",
    (v) => renameKey(v.integrations[0]!.write, "objects", "Objects"),
    "unknown-key",
    "/integrations/0/write/Objects",
  ],
  [
    "days spelt Days",
    (v) => renameKey(v.integrations[0]!.read.objects[0]!.backfill.defaultPeriod, "days", "Days"),
    "unknown-key",
    "/integrations/0/read/objects/0/backfill/defaultPeriod/Days",
  ],
  // null: Shape.ts's wrong-type, once; the rules judge nothing that depends on it (rules/walk.ts).
  [
    "days: null next to fullHistory: true",
    (v) => Object.assign(readObj(v), { backfill: { defaultPeriod: { days: null, fullHistory: true } } }),
    "wrong-type",
    "/integrations/0/read/objects/0/backfill/defaultPeriod/days",
  ],
  [
    "inheritFieldsAndMapping: null on a subscribe object with an event",
    (v) =>
      Object.assign(v.integrations[0]!, {
        subscribe: {
          objects: [
            {
              objectName: "account",
              destination: "webhook",
              inheritFieldsAndMapping: null,
              createEvent: { enabled: "always" },
            },
          ],
        },
      }),
    "wrong-type",
    "/integrations/0/subscribe/objects/0/inheritFieldsAndMapping",
  ],
]

/** Single defects whose one diagnostic comes with a warning that is right on its own (a delivery block). */
const deliveryDefects: ReadonlyArray<Defect> = [
  [
    "delivery mode: null with a pageSize",
    (v) => Object.assign(readObj(v), { delivery: { mode: null, pageSize: 100 } }),
    "wrong-type",
    "/integrations/0/read/objects/0/delivery/mode",
  ],
  [
    "delivery mode onRequest with pageSize: null",
    (v) => Object.assign(readObj(v), { delivery: { mode: "onRequest", pageSize: null } }),
    "wrong-type",
    "/integrations/0/read/objects/0/delivery/pageSize",
  ],
]

describe("one defect gives exactly one diagnostic, at the right pointer and line", () => {
  for (const syntax of bothSyntaxes) {
    test.each(singleDefects)(`${syntax}: %s`, (_, apply, rule, pointer) => {
      const value = base()
      apply(value)
      const text = textOf(value, syntax)
      const r = check(text, syntax)
      expect(r.diagnostics.map((d) => [d.rule, d.pointer])).toEqual([[rule, pointer]])
      // The line shows the key (or value) in question; a missing key is reported at its object's first line.
      const last = pointer.split("/").pop() ?? ""
      const lineText = text.split("\n")[(r.diagnostics[0]?.line ?? 0) - 1] ?? ""
      const missing = rule === "missing-key" && !text.includes(`${last}:`) && !text.includes(`"${last}"`)
      if (missing) expect(lineText, `line ${r.diagnostics[0]?.line}`).toMatch(/^\s*(- |\{)/)
      else if (!/^\d+$/.test(last)) expect(lineText, `line ${r.diagnostics[0]?.line}`).toContain(last)
    })

    test.each(deliveryDefects)(`${syntax}: %s (and the delivery-deprecated warning)`, (_, apply, rule, pointer) => {
      const value = base()
      apply(value)
      const r = check(textOf(value, syntax), syntax)
      expect(r.diagnostics.map((d) => [d.rule, d.pointer])).toEqual([
        ["delivery-deprecated", "/integrations/0/read/objects/0/delivery"],
        [rule, pointer],
      ])
    })
  }

  test.each(bothSyntaxes)("%s: a case variant's diagnostics point at the key as written", (syntax) => {
    // READ holds an object with a rule error: the rule's pointer names READ, and its line is READ's object.
    const value = base()
    const integration: { write?: unknown } = value.integrations[0]!
    delete integration.write
    readObj(value).schedule = "*/5 * * * *"
    renameKey(integration, "read", "READ")
    const text = textOf(value, syntax)
    const r = check(text, syntax)
    expect(r.diagnostics.map((d) => [d.rule, d.pointer])).toEqual([
      ["unknown-key", "/integrations/0/READ"],
      ["schedule-minimum-interval", "/integrations/0/READ/objects/0/schedule"],
    ])
    expect(text.split("\n")[(r.diagnostics[1]?.line ?? 0) - 1]).toContain("*/5 * * * *")
  })
})

describe("fifty defects give fifty diagnostics, each at its own line", () => {
  const fifty = 50
  const manyObjects = (each: (i: number) => Record<string, unknown>) => {
    const value = base()
    value.integrations[0]!.read.objects = Array.from({ length: fifty }, (_, i) => ({
      objectName: `object${i}`,
      destination: "webhook",
      ...each(i),
    })) as never
    for (const o of value.integrations[0]!.read.objects as Array<Record<string, unknown>>)
      for (const [k, v] of Object.entries(o)) if (v === undefined) delete o[k]
    return value
  }
  /** Name, manifest, rule, and a key the line of each diagnostic holds (none for a missing key: the line of its object). */
  const kinds: ReadonlyArray<readonly [string, () => unknown, string, string | undefined]> = [
    [
      "schedules every 5 minutes",
      () => manyObjects(() => ({ schedule: "*/5 * * * *" })),
      "schedule-minimum-interval",
      "schedule",
    ],
    ["missing destinations", () => manyObjects(() => ({ destination: undefined })), "missing-key", undefined],
    [
      "misspelt destinations",
      () => manyObjects(() => ({ destination: undefined, destinaton: "d" })),
      "missing-key",
      "destinaton",
    ],
    ["unknown keys", () => manyObjects(() => ({ scheduel: "*/10 * * * *" })), "unknown-key", "scheduel"],
    ["enabled: never", () => manyObjects(() => ({ enabled: "never" })), "invalid-value", "enabled"],
    ["objectName numbers", () => manyObjects((i) => ({ objectName: i })), "wrong-type", "objectName"],
    [
      "integration names with spaces",
      () => {
        const value = base()
        value.integrations = Array.from({ length: fifty }, (_, i) => ({
          ...base().integrations[0]!,
          name: `bad name ${i}`,
        }))
        return value
      },
      "integration-name",
      "name",
    ],
  ]

  for (const syntax of bothSyntaxes) {
    test.each(kinds)(`${syntax}: %s`, (_, make, rule, key) => {
      const text = textOf(make(), syntax)
      const r = check(text, syntax)
      const found = r.diagnostics.filter((d) => d.rule === rule)
      expect(found).toHaveLength(fifty)
      expect(r.diagnostics).toHaveLength(fifty)
      expect(new Set(found.map((d) => d.line)).size).toBe(fifty)
      const lines = text.split("\n")
      if (key !== undefined)
        for (const d of found) expect(lines[d.line - 1], `${d.pointer} at line ${d.line}`).toContain(key)
    })
  }

  test("YAML: fifty duplicate keys", () => {
    const objects = Array.from(
      { length: fifty },
      (_, i) => `        - objectName: object${i}\n          destination: d\n          destination: e\n`,
    ).join("")
    const r = check(
      yamlManifest(`  - name: a\n    provider: salesforce\n    read:\n      objects:\n${objects}`),
      "yaml",
    )
    expect(r.diagnostics.map((d) => d.rule)).toEqual(Array(fifty).fill("duplicate-key"))
    expect(r.diagnostics.map((d) => d.line)).toEqual(Array.from({ length: fifty }, (_, i) => 9 + 3 * i))
  })

  test("JSON: fifty duplicate keys", () => {
    const objects = Array.from(
      { length: fifty },
      (_, i) => `{"objectName": "o${i}", "destination": "d", "destination": "e"}`,
    )
    const text = `{"specVersion": "1.0.0", "integrations": [{"name": "a", "provider": "salesforce", "read": {"objects": [\n${objects.join(",\n")}\n]}}]}`
    const r = check(text, "json")
    expect(r.diagnostics.map((d) => [d.rule, d.line])).toEqual(
      Array.from({ length: fifty }, (_, i) => ["duplicate-key", i + 2]),
    )
  })
})

describe("union mismatches name the branch meant; messages are short, show the value, never dump the input", () => {
  test.each(bothSyntaxes)("%s: field entries", (syntax) => {
    const value = base()
    readObj(value).requiredFields = [{ fieldName: ["a"] }, { mapToName: { a: 1 }, prompt: "?" }, { default: "x" }]
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => [d.rule, d.pointer.split("/").slice(-2).join("/")])).toEqual([
      ["wrong-type", "0/fieldName"],
      ["wrong-type", "1/mapToName"],
      ["field-entry-shape", "requiredFields/2"],
    ])
    for (const d of r.diagnostics) expect(d.message).not.toMatch(/ \| |oneOf|anyOf|union/i)
  })

  test.each(bothSyntaxes)("%s: a 100,000-character value is truncated in the message", (syntax) => {
    const value: Record<string, unknown> = base()
    ;(value.integrations as Array<Record<string, unknown>>)[0]!.proxy = { enabled: `${"x".repeat(100_000)}END` }
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["wrong-type"])
    expect(r.diagnostics[0]?.message).toMatch(/xxxx/)
    expect(r.diagnostics[0]?.message).not.toContain("END")
  })

  test.each(bothSyntaxes)("%s: a whole object where a string belongs is described, not dumped", (syntax) => {
    const value = base()
    readObj(value).destination = { secret: "s3cr3t-token", nested: { deeper: [1, 2, 3] } } as never
    const r = check(textOf(value, syntax), syntax)
    expect(r.diagnostics.map((d) => d.rule)).toEqual(["wrong-type"])
    expect(r.diagnostics[0]?.message).not.toContain("s3cr3t-token")
  })
})

describe("never throws: whatever the document is", () => {
  test.each([
    ["YAML list", "- a\n- b\n", "yaml"],
    ["YAML scalar", "hello\n", "yaml"],
    ["YAML null document", "~\n", "yaml"],
    ["JSON number", "42", "json"],
    ["JSON string", '"amp.yaml"', "json"],
    ["JSON null", "null", "json"],
    ["integrations: null", "specVersion: 1.0.0\nintegrations:\n", "yaml"],
    ["integrations of scalars", "specVersion: 1.0.0\nintegrations: [1, a, null, [], {}]\n", "yaml"],
    [
      "every action of the wrong type",
      yamlManifest(
        "  - name: a\n    provider: b\n    read: 1\n    write: []\n    subscribe: x\n    proxy: null\n    watchSchema: []\n",
      ),
      "yaml",
    ],
  ] as const)("%s → errors, no exception", (_, text, syntax) => {
    expect(check(text, syntax).ok).toBe(false)
  })
})

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
})

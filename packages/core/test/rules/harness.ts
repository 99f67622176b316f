/**
 * Test harness of the semantic rules: runs one rule over a plain value and over the YAML fixtures
 * of test/fixtures/rules/<rule-id>/ — each `<case>.yaml` with `<case>.expect.json`, the findings
 * that rule must report there (and nothing else): `[{ "severity", "pointer", "message"?, "hint"? }]`,
 * where `message` and `hint` are substrings. Every folder has passing cases (`[]`) and failing ones.
 */
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import { catalogModules, catalogProviders } from "../../src/Catalog.js"
import type { Finding, Severity } from "../../src/Diagnostic.js"
import { maxMessageLength } from "../../src/internal/quote.js"
import type { Rule, RuleContext } from "../../src/rules/Rule.js"
import type { SourceDocument } from "../../src/Source.js"

export const contextOf = (value: unknown, document?: SourceDocument): RuleContext => ({
  value,
  document,
  providers: catalogProviders,
  modules: catalogModules,
})

/** Every finding of one rule on a value. */
export const run = (rule: Rule, value: unknown, document?: SourceDocument): Array<Finding> => [
  ...rule.check(contextOf(value, document)),
]

/** Every finding of one rule on YAML text (parsed with `yaml`, YAML 1.2 core schema). */
export const runYaml = (rule: Rule, text: string): Array<Finding> => run(rule, YAML.parse(text))

export interface Expected {
  readonly severity: Severity
  readonly pointer: string
  readonly message?: string
  readonly hint?: string
}

/** The properties every finding must have, whatever the rule. */
export const expectWellFormed = (rule: Rule, findings: ReadonlyArray<Finding>): void => {
  for (const finding of findings) {
    expect(finding.rule).toBe(rule.id)
    expect(finding.message.length).toBeGreaterThan(10)
    expect(finding.message.length).toBeLessThanOrEqual(maxMessageLength)
    expect((finding.hint ?? "").length).toBeLessThanOrEqual(maxMessageLength)
    expect(finding.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    expect(finding.pointer === "" || finding.pointer.startsWith("/")).toBe(true)
    if (finding.severity !== rule.severity) expect(rule.id).toBe("yaml-compat")
  }
}

/** Findings compared with expectations, in order. */
export const expectFindings = (rule: Rule, findings: ReadonlyArray<Finding>, expected: ReadonlyArray<Expected>) => {
  expectWellFormed(rule, findings)
  expect(findings.map((f) => ({ severity: f.severity, pointer: f.pointer }))).toEqual(
    expected.map((e) => ({ severity: e.severity, pointer: e.pointer })),
  )
  expected.forEach((e, i) => {
    const finding = findings[i] as Finding
    if (e.message !== undefined) expect(finding.message).toContain(e.message)
    if (e.hint !== undefined) expect(finding.hint ?? "").toContain(e.hint)
  })
}

const fixtureRoot = new URL("../fixtures/rules/", import.meta.url)

/** Register one test per fixture of the rule's folder; the folder must hold passing and failing cases. */
export const describeFixtures = (rule: Rule): void => {
  const folder = new URL(`${rule.id}/`, fixtureRoot)
  const names = readdirSync(folder)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort()
  const cases = names.map((name) => ({
    name,
    text: readFileSync(new URL(`${name}.yaml`, folder), "utf8"),
    expected: JSON.parse(readFileSync(new URL(`${name}.expect.json`, folder), "utf8")) as Array<Expected>,
  }))
  describe(`${rule.id} fixtures`, () => {
    it("has passing and failing cases", () => {
      expect(cases.some((c) => c.expected.length === 0)).toBe(true)
      expect(cases.some((c) => c.expected.length > 0)).toBe(true)
    })
    for (const c of cases) {
      it(c.name, () => expectFindings(rule, runYaml(rule, c.text), c.expected))
    }
  })
}

import { describe, expect, it } from "vitest"
import { yamlCompat } from "../../src/rules/yaml-compat.js"
import { parseSource, type SourceDocument } from "../../src/Source.js"
import { expectFindings, run } from "./harness.js"

/** Parse with the project's parser (YAML 1.2 core), which records the scalars YAML 1.1 reads differently. */
const check = (text: string) => {
  const { document } = parseSource(text)
  if (document === undefined) throw new Error("fixture does not parse")
  return run(yamlCompat, document.value, document)
}

const manifest = (body: string) => `specVersion: 1.0.0\nintegrations:\n${body}`

describe("yaml-compat", () => {
  it("passes a manifest with quoted strings and real booleans", () => {
    const findings = check(
      manifest(`  - name: "no"
    provider: salesforce
    proxy:
      enabled: true
    read:
      objects:
        - objectName: 'off'
          destination: webhook
          backfill:
            defaultPeriod:
              days: 750
    unknownKey: yes
`),
    )
    expectFindings(yamlCompat, findings, [])
  })

  it("fails YAML 1.1 scalars in string, boolean and number fields", () => {
    const findings = check(
      manifest(`  - name: no
    provider: salesforce
    proxy:
      enabled: yes
      useModule: Off
    read:
      objects:
        - objectName: off
          destination: 0755
          backfill:
            defaultPeriod:
              days: 0750
    subscribe:
      objects:
        - objectName: a
          destination: b
          inheritFieldsAndMapping: y
          updateEvent:
            requiredWatchFields: [on, 1:30]
`),
    )
    const I = "/integrations/0"
    expectFindings(yamlCompat, findings, [
      {
        severity: "error",
        pointer: `${I}/name`,
        message: "`name: no` is the boolean false",
        hint: 'quote it: name: "no"',
      },
      {
        severity: "warning",
        pointer: `${I}/proxy/enabled`,
        message: "boolean true",
        hint: "write true/false: enabled: true",
      },
      { severity: "warning", pointer: `${I}/proxy/useModule`, hint: "useModule: false" },
      { severity: "error", pointer: `${I}/read/objects/0/objectName`, hint: 'objectName: "off"' },
      { severity: "error", pointer: `${I}/read/objects/0/destination`, message: "the octal number 493" },
      {
        severity: "warning",
        pointer: `${I}/read/objects/0/backfill/defaultPeriod/days`,
        message: "is 750 in YAML 1.2 but 488 for Ampersand's server",
        hint: "days: 750",
      },
      { severity: "warning", pointer: `${I}/subscribe/objects/0/inheritFieldsAndMapping`, hint: "true" },
      {
        severity: "error",
        pointer: `${I}/subscribe/objects/0/updateEvent/requiredWatchFields/0`,
        message: "`requiredWatchFields[0]: on`",
        hint: 'quote it: "on"',
      },
      {
        severity: "error",
        pointer: `${I}/subscribe/objects/0/updateEvent/requiredWatchFields/1`,
        message: "the base-60 number 90",
      },
    ])
  })

  it("leaves specVersion to spec-version and mismatched kinds to the shape decoder", () => {
    const findings = check(`specVersion: 0755
integrations:
  - name: a
    provider: salesforce
    proxy:
      enabled: 0755
`)
    expectFindings(yamlCompat, findings, [])
  })

  it("is silent without a parsed document (a plain value has no YAML 1.1 reading)", () => {
    expect(run(yamlCompat, { specVersion: "1.0.0", integrations: [{ name: "no" }] })).toEqual([])
  })

  it("escapes and truncates what it quotes", () => {
    const document: SourceDocument = {
      syntax: "yaml",
      value: { integrations: [{ name: "x" }] },
      locate: () => ({ line: 1, column: 1 }),
      yaml11Scalars: [{ pointer: "/integrations/0/name", source: `1:${"0:".repeat(60)}0\u001b`, as: "sexagesimal" }],
      directives: [],
    }
    const [finding] = run(yamlCompat, document.value, document)
    expect(finding?.message).toContain("a base-60 number")
    expect(finding?.message).toContain("…")
    expect(finding?.message).not.toContain("\u001b")
  })
})

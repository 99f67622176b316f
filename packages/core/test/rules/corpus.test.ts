/**
 * Every semantic rule over the real corpus (corpus/ampersand): the 121 official sample manifests
 * and the test data of Ampersand's own validator. Parsed with `yaml` (YAML 1.2 core), as plain
 * values: these are the verdicts of the semantic rules alone (the parser's and Shape.ts's findings,
 * such as sendGrid's unknown `delete:` block, are not part of this test).
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import type { Finding } from "../../src/Diagnostic.js"
import { rules } from "../../src/rules/index.js"
import { contextOf } from "./harness.js"

const corpus = new URL("../../../../corpus/ampersand/", import.meta.url).pathname

const yamlFiles = (folder: string): Array<string> => {
  const out: Array<string> = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.ya?ml$/.test(entry)) out.push(relative(corpus, path))
    }
  }
  walk(join(corpus, folder))
  return out
}

const findingsOf = (file: string): Array<Finding> => {
  const value: unknown = YAML.parse(readFileSync(join(corpus, file), "utf8"))
  return rules.flatMap((rule) => [...rule.check(contextOf(value))])
}

/** `rule severity pointer` of every finding but infos. */
const notable = (findings: ReadonlyArray<Finding>) =>
  findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.severity} ${f.pointer}`)

const samples = yamlFiles("samples")
const validatorData = yamlFiles("validator-testdata")

/** Non-info findings expected per sample; every sample not listed has none. */
const sampleExpectations: Readonly<Record<string, ReadonlyArray<string>>> = {
  // `email` twice in requiredFields of `users` (corpus README).
  "samples/fireflies/amp.yaml": ["field-duplicate warning /integrations/0/read/objects/2/requiredFields/2/fieldName"],
  // enabled: always with schedule '' (R10) and with a mapped required field (R9) (rules.md, domain Q5).
  "samples/netsuiteM2M/amp.yaml": [
    "always-enabled-fields error /integrations/0/read/objects/0/schedule",
    "always-enabled-fields error /integrations/0/read/objects/1/requiredFields/0/mapToName",
  ],
}

/**
 * Ampersand's validator test data: the folder is that validator's verdict. Ours, per file, with the
 * reason where it differs. Files marked (impure) use installation-config keys (`selectedFields` …)
 * that only Shape.ts reports (unknown-key / missing-key), so our semantic rules may stay silent.
 */
const validatorExpectations: Readonly<Record<string, ReadonlyArray<string>>> = {
  // `*/5` twice; errors cannot be suppressed, so the file's amp:ignore comments do not apply.
  "validator-testdata/examples/directives-example.yaml": [
    "schedule-minimum-interval error /integrations/0/read/objects/0/schedule",
    "schedule-minimum-interval error /integrations/0/read/objects/2/schedule",
  ],
  "validator-testdata/examples/full-featured-with-directives.yaml": [
    "delivery-deprecated warning /integrations/0/read/objects/0/delivery",
  ],
  "validator-testdata/invalid/always-enabled-no-schedule.yaml": [
    "always-enabled-fields error /integrations/0/read/objects/0",
  ],
  // (impure) fields are plain strings (wrong-type) and `alwaysEnabled: true` is not a manifest key.
  "validator-testdata/invalid/always-enabled-too-many-required.yaml": [],
  "validator-testdata/invalid/backfill-both-days-and-fullhistory.yaml": [
    "backfill-config error /integrations/0/read/objects/0/backfill/defaultPeriod",
  ],
  "validator-testdata/invalid/delivery-auto-with-pagesize.yaml": [
    "delivery-mode error /integrations/0/read/objects/0/delivery/pageSize",
    "delivery-deprecated warning /integrations/0/read/objects/0/delivery",
  ],
  "validator-testdata/invalid/duplicate-read-objects.yaml": [
    "duplicate-read-object error /integrations/0/read/objects/2/objectName",
  ],
  "validator-testdata/invalid/duplicate-subscribe-objects.yaml": [
    "duplicate-subscribe-object error /integrations/0/subscribe/objects/2/objectName",
  ],
  "validator-testdata/invalid/duplicate-write-objects.yaml": [
    "duplicate-write-object error /integrations/0/write/objects/2/objectName",
  ],
  // (impure) the bad path sits under `selectedFieldMappings`, a config key; no `$[` path in the manifest.
  "validator-testdata/invalid/field-mapping-invalid-jsonpath.yaml": [],
  // `googlecalendar` is not a catalog provider (domain Q8): Google Calendar is `google` + module `calendar`.
  "validator-testdata/invalid/google-calendar-backfill-too-long.yaml": [
    "provider-not-supported warning /integrations/0/provider",
  ],
  "validator-testdata/invalid/google-calendar-full-history.yaml": [
    "provider-not-supported warning /integrations/0/provider",
  ],
  "validator-testdata/invalid/invalid-module.yaml": ["provider-module warning /integrations/0/module"],
  "validator-testdata/invalid/invalid-schedule-syntax.yaml": [
    "schedule-syntax error /integrations/0/read/objects/0/schedule",
  ],
  // Test-only providers of that validator's fake catalog; capability checks (domain P4) are not in rules.md.
  "validator-testdata/invalid/provider-no-read-support.yaml": [
    "provider-not-supported warning /integrations/0/provider",
  ],
  "validator-testdata/invalid/provider-no-subscribe-support.yaml": [
    "provider-not-supported warning /integrations/0/provider",
  ],
  "validator-testdata/invalid/salesforce-too-many-subscribe.yaml": [
    "salesforce-subscribe-limit error /integrations/0/subscribe/objects/5",
  ],
  "validator-testdata/invalid/schedule-too-frequent.yaml": [
    "schedule-minimum-interval error /integrations/0/read/objects/0/schedule",
  ],
  "validator-testdata/invalid/snowflake-backfill-days.yaml": [
    "snowflake-backfill error /integrations/0/read/objects/0/backfill/defaultPeriod/days",
  ],
  "validator-testdata/invalid/subscribe-nested-watch-fields.yaml": [
    "watch-fields-no-nesting error /integrations/0/subscribe/objects/0/updateEvent/requiredWatchFields/1",
    "watch-fields-no-nesting error /integrations/0/subscribe/objects/0/updateEvent/requiredWatchFields/2",
  ],
  // A warning in that validator; an info in rules.md.
  "validator-testdata/invalid/subscribe-no-events.yaml": [],
  "validator-testdata/invalid/subscribe-without-read.yaml": ["subscribe-requires-read error /integrations/0/subscribe"],
  // `feildName` is Shape.ts's unknown-key; the entry it leaves has neither fieldName nor mapToName.
  "validator-testdata/invalid/unknown-key.yaml": [
    "field-entry-shape error /integrations/0/read/objects/0/requiredFields/0",
  ],
  "validator-testdata/valid/field-mapping-bracket-notation.yaml": [],
  // `delivery: {mode: auto}` is valid but deprecated (a warning, not an error).
  "validator-testdata/valid/full-featured.yaml": [
    "delivery-deprecated warning /integrations/0/read/objects/0/delivery",
  ],
  "validator-testdata/valid/google-calendar-valid-backfill.yaml": [
    "provider-not-supported warning /integrations/0/provider",
  ],
  "validator-testdata/valid/minimal.yaml": [],
  "validator-testdata/valid/snowflake-full-history.yaml": [],
  "validator-testdata/valid/subscribe-all-event-types.yaml": [],
}

describe("the official samples", () => {
  it("are all there", () => {
    expect(samples.length).toBe(121)
  })
  it.each(samples)("%s", (file) => {
    expect(notable(findingsOf(file))).toEqual(sampleExpectations[file] ?? [])
  })
  it("get a backfill-large info for each fullHistory backfill and nothing else as info", () => {
    let fullHistory = 0
    const infos: Array<string> = []
    for (const file of samples) {
      const text = readFileSync(join(corpus, file), "utf8")
      fullHistory += (text.match(/^\s*fullHistory: true\b/gm) ?? []).length
      for (const f of findingsOf(file)) if (f.severity === "info") infos.push(f.rule)
    }
    expect(fullHistory).toBe(91)
    expect(infos).toEqual(new Array(91).fill("backfill-large"))
  })
})

describe("Ampersand's validator test data", () => {
  it("has an expectation for every file", () => {
    expect(Object.keys(validatorExpectations).sort()).toEqual([...validatorData].sort())
  })
  it.each(validatorData)("%s", (file) => {
    const findings = findingsOf(file)
    expect(notable(findings)).toEqual(validatorExpectations[file])
    if (file.includes("/valid/")) expect(findings.filter((f) => f.severity === "error")).toEqual([])
  })
  it("reports a base definition as subscribe-minimum-events (info)", () => {
    const infos = findingsOf("validator-testdata/invalid/subscribe-no-events.yaml")
    expect(infos.map((f) => `${f.rule} ${f.severity} ${f.pointer}`)).toEqual([
      "subscribe-minimum-events info /integrations/0/subscribe/objects/0",
    ])
  })
})

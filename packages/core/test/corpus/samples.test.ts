/**
 * Evidence on real input: every one of the 121 real manifests of corpus/ampersand/samples/ validated
 * end to end, against a checked-in expectation file (samples.expect.json): for each sample, every
 * diagnostic's rule id, severity, pointer and position. These are real deploys, so an ERROR on one
 * of them is either the server's rule that the sample breaks (rules.md says so for netsuiteM2M) or
 * a bug: each error entry carries the reason it is right. The corpus README's known quirks are
 * warnings (rules.md).
 *
 * Regenerate with `node packages/core/scripts/evidence-update.mjs` (keeps the reasons; refuses to
 * write an error without one).
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import YAML from "yaml"
import { validate } from "../../src/Validate.js"
import { corpusText, sampleFiles } from "./corpus-files.js"
import { bare, carryReasons, type Entry, entriesOf, updating, writeExpectations } from "./diagnostic-entries.js"

interface SampleExpectations {
  readonly $comment: string
  /** Sample path (relative to samples/) → its diagnostic entries. */
  readonly samples: Readonly<Record<string, ReadonlyArray<Entry>>>
}

const expectPath = join(import.meta.dirname, "samples.expect.json")
const files = sampleFiles()
const reports = new Map(files.map((file) => [file, validate(corpusText(`samples/${file}`))]))
const actual = new Map(files.map((file) => [file, entriesOf(reports.get(file)?.diagnostics ?? [])]))

const comment =
  "Diagnostics of each real sample (rule, severity, JSON pointer, line:column). Every error carries a reason. " +
  "Regenerate with: node packages/core/scripts/evidence-update.mjs"

const readExpectations = (): SampleExpectations => JSON.parse(readFileSync(expectPath, "utf8")) as SampleExpectations

if (updating) {
  let previous: SampleExpectations = { $comment: comment, samples: {} }
  try {
    previous = readExpectations()
  } catch {
    // first generation
  }
  const samples: Record<string, Array<Entry>> = {}
  const unexplained: Array<string> = []
  for (const file of files) {
    const entries = carryReasons(previous.samples[file] ?? [], actual.get(file) ?? [])
    for (const e of entries) {
      if (e.severity === "error" && e.reason === undefined)
        unexplained.push(`${file}: ${e.rule} at ${e.pointer} (${e.at})`)
    }
    samples[file] = entries
  }
  if (unexplained.length > 0) {
    throw new Error(
      `refusing to write samples.expect.json: these errors on real samples have no reason; add an entry with a ` +
        `"reason" by hand, then regenerate:\n${unexplained.join("\n")}`,
    )
  }
  writeExpectations(expectPath, { $comment: comment, samples })
}

const expected = readExpectations()

describe("the 121 real samples", () => {
  test("the corpus holds 121 manifests, amp.yml and nested folders included", () => {
    expect(files).toHaveLength(121)
    expect(files).toContain("monday/amp.yml")
    expect(files).toContain("teamleader/amp.yml")
    expect(files).toContain("pipedrive/v1/amp.yaml")
    expect(files).toContain("zoho/desk/amp.yaml")
  })

  test("the expectation file lists exactly the samples", () => {
    expect(Object.keys(expected.samples).sort()).toEqual(files)
  })

  test.each(files)("%s", (file) => {
    const got = actual.get(file) ?? []
    expect(got, `diagnostics of samples/${file} changed; regenerate and review the diff`).toEqual(
      (expected.samples[file] ?? []).map(bare),
    )
  })

  test("every error on a real sample says why it is right", () => {
    for (const [file, entries] of Object.entries(expected.samples)) {
      for (const e of entries) {
        if (e.severity !== "error") continue
        expect(typeof e.reason === "string" && e.reason.trim().length > 20, `${file}: ${e.rule} ${e.pointer}`).toBe(
          true,
        )
      }
    }
  })

  test("only netsuiteM2M fails, with the server's always-enabled-fields rule (rules.md R9, R10)", () => {
    const failing = files.filter((file) => reports.get(file)?.ok === false)
    expect(failing).toEqual(["netsuiteM2M/amp.yaml"])
    const errors = (reports.get("netsuiteM2M/amp.yaml")?.diagnostics ?? []).filter((d) => d.severity === "error")
    expect(errors.map((d) => [d.rule, d.pointer])).toEqual([
      // creditmemo: enabled: always with schedule '' (R10)
      ["always-enabled-fields", "/integrations/0/read/objects/0/schedule"],
      // customer: enabled: always with a mapToName on a required field (R9)
      ["always-enabled-fields", "/integrations/0/read/objects/1/requiredFields/0/mapToName"],
    ])
  })

  test("the corpus README's quirks are warnings, at the place they name", () => {
    const rulesAt = (file: string) =>
      (reports.get(file)?.diagnostics ?? []).map((d) => `${d.severity} ${d.rule} ${d.pointer}`)
    expect(rulesAt("sendGrid/amp.yaml")).toContain("warning unknown-key /integrations/0/delete")
    expect(rulesAt("google-calendar/amp.yaml")).toEqual(
      expect.arrayContaining([
        "warning unknown-key /integrations/0/subscribe/objects/0/createEvent/watchFieldsAuto",
        "warning unknown-key /integrations/0/subscribe/objects/0/deleteEvent/watchFieldsAuto",
      ]),
    )
    expect(rulesAt("fireflies/amp.yaml")).toContain(
      "warning field-duplicate /integrations/0/read/objects/2/requiredFields/2/fieldName",
    )
    // Read objects without a schedule, and `*/60 * * * *` (hourly), are fine.
    for (const file of [
      "salesforce/amp.yaml",
      "hubspot-subscribe/amp.yaml",
      "connectwise/amp.yaml",
      "netsuite/amp.yaml",
    ]) {
      expect(
        rulesAt(file).filter((d) => d.startsWith("error") || d.includes("schedule")),
        file,
      ).toEqual([])
    }
  })

  test("CRLF line endings give exactly the same diagnostics", () => {
    for (const file of files) {
      const crlf = validate(corpusText(`samples/${file}`).replace(/\r?\n/g, "\r\n"))
      expect(entriesOf(crlf.diagnostics), file).toEqual(actual.get(file))
    }
  })

  test("the same sample as JSON gives the same findings (rule, severity, pointer)", () => {
    const key = (d: { rule: string; severity: string; pointer: string }) => `${d.severity} ${d.rule} ${d.pointer}`
    for (const file of files) {
      const value: unknown = YAML.parse(corpusText(`samples/${file}`))
      const asJson = validate(JSON.stringify(value, null, 2), { syntax: "json" })
      const fromYaml = (reports.get(file)?.diagnostics ?? []).filter((d) => d.rule !== "yaml-compat")
      expect(asJson.diagnostics.map(key).sort(), file).toEqual(fromYaml.map(key).sort())
    }
  })
})

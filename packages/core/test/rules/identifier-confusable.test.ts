import { describe, expect, test } from "vitest"
import YAML from "yaml"
import { identifierConfusable } from "../../src/rules/identifier-confusable.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { describeFixtures, run } from "./harness.js"

describeFixtures(identifierConfusable)

const withObjectName = (objectName: string) => ({
  specVersion: "1.0.0",
  integrations: [{ name: "a", provider: "hubspot", read: { objects: [{ objectName, destination: "d" }] } }],
})

describe("identifier-confusable", () => {
  test("no real sample holds a look-alike", () => {
    for (const file of sampleFiles())
      expect(run(identifierConfusable, YAML.parse(corpusText(`samples/${file}`))), file).toEqual([])
  })

  test.each([
    ["сontact", "Cyrillic"], // U+0441
    ["contаct", "Cyrillic"], // U+0430
    ["Αccount", "Greek"], // U+0391
    ["dеals_v2", "Cyrillic"],
    ["ԁeal", "Cyrillic"], // U+0501
    ["Տtage", "Armenian"], // U+054F
    ["Ꭺccount", "Cherokee"], // U+13AA
  ])("%s mixes Latin and %s letters", (name, script) => {
    const [finding, ...rest] = run(identifierConfusable, withObjectName(name))
    expect(rest).toEqual([])
    expect(finding?.message).toContain(`mixes Latin and ${script} letters`)
    expect(finding?.pointer).toBe("/integrations/0/read/objects/0/objectName")
  })

  test.each(["Контакт", "Σύνοψη", "Schlüssel", "顧客_id", "contact", "$['a b']", "ÀÉÎõü_ßæ"])("%s passes", (name) => {
    expect(run(identifierConfusable, withObjectName(name))).toEqual([])
  })

  test("one finding per value, at the first look-alike; every odd space is named", () => {
    const [finding] = run(identifierConfusable, withObjectName("a\u2009b\u00a0c"))
    expect(finding?.message).toContain("U+2009 THIN SPACE at character 2")
  })

  test("a long hostile value stays one finding of a bounded message", () => {
    const findings = run(identifierConfusable, withObjectName(`${"с".repeat(50_000)}x`))
    expect(findings).toHaveLength(1)
    expect(findings[0]?.message.length).toBeLessThanOrEqual(120)
  })
})

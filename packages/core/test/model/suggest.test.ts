import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { editDistance, suggest, suggestionThreshold } from "../../src/internal/suggest.js"

const providers = readFileSync(join(__dirname, "../../../../corpus/ampersand/providers.txt"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"))

const readObjectKeys = [
  "objectName",
  "destination",
  "schedule",
  "mapToName",
  "mapToDisplayName",
  "requiredFields",
  "optionalFields",
  "optionalFieldsAuto",
  "backfill",
  "delivery",
  "enabled",
]

describe("editDistance (optimal string alignment)", () => {
  test.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["feildName", "fieldName", 1],
    ["scheduel", "schedule", 1],
    ["ca", "abc", 3],
  ])("%s ↔ %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
    expect(editDistance(b, a)).toBe(d)
  })

  test("stops early past the limit", () => {
    expect(editDistance("a".repeat(50), "b".repeat(50), 3)).toBe(4)
    expect(editDistance("short", "a much longer string", 2)).toBe(3)
  })
})

describe("suggest", () => {
  test("a case-insensitive match comes first", () => {
    expect(suggest("ObjectName", readObjectKeys)).toBe("objectName")
    expect(suggest("Salesforce", providers)).toBe("salesforce")
    expect(suggest("HUBSPOT", providers)).toBe("hubspot")
  })

  test("typos within the threshold", () => {
    expect(suggest("scheduel", readObjectKeys)).toBe("schedule")
    expect(suggest("objetName", readObjectKeys)).toBe("objectName")
    expect(suggest("destinaton", readObjectKeys)).toBe("destination")
    expect(suggest("requiredField", readObjectKeys)).toBe("requiredFields")
    expect(suggest("salesforc", providers)).toBe("salesforce")
    expect(suggest("hubspt", providers)).toBe("hubspot")
    expect(suggest("housecalpro", providers)).toBe("housecallPro")
  })

  test("nothing when nothing is close, or the input is an exact candidate", () => {
    expect(suggest("descrption", readObjectKeys)).toBeUndefined()
    expect(suggest("delete", ["name", "provider", "displayName", "module", "read", "write", "proxy"])).toBeUndefined()
    expect(suggest("schedule", readObjectKeys)).toBeUndefined()
    expect(suggest("xy", ["xz"])).toBeUndefined()
    expect(suggest("anything", [])).toBeUndefined()
  })

  test("the threshold grows with the length", () => {
    expect([1, 2, 3, 5, 6, 8, 9, 11, 12, 40].map(suggestionThreshold)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
  })

  test("ties go to the longer shared prefix, then to the first candidate", () => {
    expect(suggest("cat", ["bat", "car"])).toBe("car")
    expect(suggest("abcd", ["abce", "abcf"])).toBe("abce")
  })

  test("bounded work on hostile input", () => {
    const long = "x".repeat(100_000)
    const start = performance.now()
    expect(suggest(long, providers)).toBeUndefined()
    expect(suggest(long.toUpperCase(), [long])).toBe(long)
    expect(performance.now() - start).toBeLessThan(200)
  })
})

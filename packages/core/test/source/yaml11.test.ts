/** YAML 1.1 readings of plain scalars (`yaml11Scalars`), for the yaml-compat rule. */
import { describe, expect, test } from "vitest"
import { yaml11Reading } from "../../src/internal/source-yaml11.js"
import { parseSource } from "../../src/Source.js"

const readingOf = (source: string): string | undefined => {
  const result = parseSource(`v: ${source}\n`, { syntax: "yaml" })
  expect(result.findings).toEqual([])
  const found = result.document!.yaml11Scalars
  expect(found.length).toBeLessThanOrEqual(1)
  if (found[0] !== undefined) expect(found[0]).toMatchObject({ pointer: "/v", source })
  return found[0]?.as
}

describe("recorded: YAML 1.1 reads these differently", () => {
  test.each(["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"])(
    "%s → boolean",
    (source) => {
      expect(readingOf(source)).toBe("boolean")
    },
  )

  test.each(["0755", "010", "-017", "+010", "0_7"])("%s → octal", (source) => {
    expect(readingOf(source)).toBe("octal")
  })

  test.each(["1:30", "22:22", "1:00:00", "-1:30", "190:20:30", "1:30.5", "0:30.5"])("%s → sexagesimal", (source) => {
    expect(readingOf(source)).toBe("sexagesimal")
  })

  test.each(["1_000", "0b101", "-0b11", "0x1_F", "-0x1F", "+0x1F", "1_0.5", "1__"])("%s → number", (source) => {
    expect(readingOf(source)).toBe("number")
  })
})

describe("not recorded: both versions agree, or 1.1 reads a string", () => {
  test.each([
    "true",
    "True",
    "FALSE",
    "null",
    "~",
    "0",
    "007",
    "00",
    "-0",
    "42",
    "+42",
    "0x1F",
    "1.5",
    ".5",
    "+.5",
    "1.",
    "1.5e+3",
    "1.0",
    "1.0.0",
    "1e5",
    "0o17",
    "09",
    "0:30",
    "10:61",
    "2001-12-14",
    "yesno",
    "onion",
    "nope",
    "abc",
    "1:2:3x",
  ])("%s", (source) => {
    expect(readingOf(source)).toBeUndefined()
  })

  test("quoted and block scalars are never recorded", () => {
    const result = parseSource("a: 'yes'\nb: \"0755\"\nc: |\n  on\n", { syntax: "yaml" })
    expect(result.document?.yaml11Scalars).toEqual([])
  })

  test("keys are not checked", () => {
    expect(parseSource("yes: 1\n0755: 2\n", { syntax: "yaml" }).document?.yaml11Scalars).toEqual([])
  })
})

describe("where they are recorded", () => {
  test("pointer and source of each, in document order", () => {
    const result = parseSource(
      "integrations:\n  - name: no\n    read:\n      objects:\n        - days: 0755\n          enabled: on\n",
    )
    expect(result.document?.yaml11Scalars).toEqual([
      { pointer: "/integrations/0/name", source: "no", as: "boolean" },
      { pointer: "/integrations/0/read/objects/0/days", source: "0755", as: "octal" },
      { pointer: "/integrations/0/read/objects/0/enabled", source: "on", as: "boolean" },
    ])
  })

  test("a scalar reused through an alias is recorded once, at its anchor", () => {
    const result = parseSource("a: &x yes\nb: *x\nc: [*x]\n")
    expect(result.document?.yaml11Scalars).toEqual([{ pointer: "/a", source: "yes", as: "boolean" }])
  })

  test("a discarded duplicate's scalars are not recorded", () => {
    const result = parseSource("a: 1\na: yes\n")
    expect(result.document?.yaml11Scalars).toEqual([])
  })

  test("JSON has none", () => {
    expect(parseSource('{"a": "yes"}').document?.yaml11Scalars).toEqual([])
  })
})

describe("the reading function", () => {
  test("compares with the YAML 1.2 value", () => {
    expect(yaml11Reading("0755", 755)).toBe("octal")
    expect(yaml11Reading("007", 7)).toBeUndefined()
    expect(yaml11Reading("1_000", "1_000")).toBe("number")
    expect(yaml11Reading("._", "._")).toBeUndefined()
  })
})

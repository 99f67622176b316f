/** JSON: the strict RFC 8259 parser, its messages, and the rows of reliability.md that apply to JSON. */
import { describe, expect, test } from "vitest"
import { parseSource } from "../../src/Source.js"

const json = (text: string, limits = {}) => parseSource(text, { syntax: "json", limits })
const dataOf = (text: string): unknown => {
  const result = json(text)
  expect(result.findings).toEqual([])
  expect(result.document?.syntax).toBe("json")
  return result.document?.value
}
const messageOf = (text: string): string | undefined => json(text).findings[0]?.message

describe("valid JSON gives what JSON.parse gives", () => {
  test.each([
    "0",
    "-0.5e-3",
    "1E+2",
    "123456789012345",
    "9007199254740991",
    "-9007199254740991",
    "1e300",
    "0.1",
    '""',
    '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"',
    '"\\u00e9\\u4e2d\\ud83d\\ude00"',
    '"\\ud800"',
    '"é中😀"',
    "true",
    "false",
    "null",
    "[]",
    "{}",
    ' \t\r\n [ 1 , { "a" : [ ] } ] \r\n',
    '{"a":{"b":{"c":[1,2,{"d":null}]}}}',
    '{"__proto__": 1, "constructor": {"prototype": 2}}',
    '"\u2028\u2029\u007f\u0085"',
  ])("%s", (text) => {
    expect(dataOf(text)).toEqual(JSON.parse(text))
  })

  test("__proto__ is an own data property, as JSON.parse makes it", () => {
    const value = dataOf('{"__proto__": {"polluted": true}}') as object
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(["__proto__"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test("one leading byte order mark is accepted", () => {
    expect(dataOf('\ufeff{"a": 1}')).toEqual({ a: 1 })
  })
})

describe("invalid JSON: one precise syntax finding", () => {
  test.each([
    ['{\n  "a": 1,\n  "b": 2,\n}', "unexpected `}` at line 4, column 1; expected a string key", 4, 1],
    ['{"a": 1,}', "unexpected `}` at line 1, column 9; expected a string key", 1, 9],
    ["[1, 2,]", "unexpected `]` at line 1, column 7; expected a value", 1, 7],
    ["[1 2]", "unexpected `2` at line 1, column 4; expected `,` or `]`", 1, 4],
    ['{"a" 1}', "unexpected `1` at line 1, column 6; expected `:` after the key", 1, 6],
    ['{"a": 1 "b": 2}', 'unexpected `"` at line 1, column 9; expected `,` or `}`', 1, 9],
    ["{a: 1}", "unexpected `a` at line 1, column 2; expected a string key or `}`", 1, 2],
    ["{'a': 1}", "unexpected `'` at line 1, column 2; expected a string key or `}`", 1, 2],
    ["[undefined]", "unexpected `undefined` at line 1, column 2; expected a value", 1, 2],
    ["[NaN]", "unexpected `NaN` at line 1, column 2; expected a value", 1, 2],
    ["[Infinity]", "unexpected `Infinity` at line 1, column 2; expected a value", 1, 2],
    ["[tru]", "unexpected `tru` at line 1, column 2; expected a value", 1, 2],
    ["[+1]", "unexpected `+1` at line 1, column 2; expected a value", 1, 2],
    ["[.5]", "unexpected `.5` at line 1, column 2; expected a value", 1, 2],
    ["[1.]", "unexpected `]` at line 1, column 4; expected a digit after `.`", 1, 4],
    ["[1e]", "unexpected `]` at line 1, column 4; expected a digit in the exponent", 1, 4],
    ["[-]", "unexpected `]` at line 1, column 3; expected a digit", 1, 3],
    ["[01]", "number with a leading zero at line 1, column 2: JSON does not allow it", 1, 2],
    ['["a\tb"]', "control character U+0009 inside a string at line 1, column 4: escape it", 1, 4],
    ['["a\nb"]', "line break inside a string at line 1, column 4: escape it", 1, 4],
    ['["\\x41"]', "invalid escape `\\x` at line 1, column 3", 1, 3],
    ['["\\u12"]', 'invalid escape `\\u12"]` at line 1, column 3: expected 4 hex digits', 1, 3],
    ['["abc', "unterminated string starting at line 1, column 2", 1, 2],
    ["[1, 2", "unexpected end of input at line 1, column 6; expected `,` or `]`", 1, 6],
    [
      '{"a": 1} {"b": 2}',
      "unexpected `{` at line 1, column 10; expected the end of the input after the JSON value",
      1,
      10,
    ],
    ["// comment\n{}", "unexpected `/` at line 1, column 1; expected a value", 1, 1],
    ["{} /* c */", "unexpected `/` at line 1, column 4; expected the end of the input after the JSON value", 1, 4],
  ])("%j", (text, message, line, column) => {
    const result = json(text)
    expect(result.document).toBeUndefined()
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({ rule: "syntax", message, position: { line, column } })
  })

  test("empty and blank input say so", () => {
    expect(messageOf("")).toBe("the input is empty: there is no JSON value")
    expect(messageOf(" \n\t ")).toBe("the input is empty: there is no JSON value")
  })

  test("columns count UTF-16 code units, as editors do", () => {
    expect(json('["😀", x]').findings[0]?.position).toEqual({ line: 1, column: 8 })
  })

  test("a pointer names the container of a syntax error", () => {
    expect(json('{"a": {"b": [1, 2,]}}').findings[0]?.pointer).toBe("/a/b")
  })
})

describe("duplicate keys", () => {
  test("reported at the second key, first value kept, document still produced", () => {
    const result = json('{\n  "name": "a",\n  "x": 1,\n  "name": "b"\n}')
    expect(result.document?.value).toEqual({ name: "a", x: 1 })
    expect(result.findings).toMatchObject([
      {
        rule: "duplicate-key",
        pointer: "/name",
        at: "key",
        position: { line: 4, column: 3 },
        message: "duplicate key `name` (first at line 2): the first value is kept",
      },
    ])
  })

  test("keys compare after unescaping; every duplicate is reported", () => {
    const result = json('{"a": 1, "\\u0061": 2, "b": {"c": 1, "c": 2}, "a": 3}')
    expect(result.findings.map((f) => f.pointer)).toEqual(["/a", "/b/c", "/a"])
    expect(result.document?.value).toEqual({ a: 1, b: { c: 1 } })
  })

  test("__proto__ twice is a duplicate too", () => {
    expect(json('{"__proto__": 1, "__proto__": 2}').findings.map((f) => f.rule)).toEqual(["duplicate-key"])
  })
})

describe("numbers", () => {
  test("non-finite numbers are invalid-value, no document", () => {
    const result = json('{"days": 1e400}')
    expect(result.document).toBeUndefined()
    expect(result.findings).toMatchObject([
      { rule: "invalid-value", pointer: "/days", message: "number `1e400` is too large to be a finite number" },
    ])
  })

  test("integer literals outside ±(2^53−1) are invalid-value; floats of that size are fine", () => {
    expect(json("[9007199254740992]").findings.map((f) => f.rule)).toEqual(["invalid-value"])
    expect(json("[-9007199254740993]").findings.map((f) => f.rule)).toEqual(["invalid-value"])
    expect(json("[123456789012345678901234567890]").findings[0]?.message).toBe(
      "integer `123456789012345678901234567890` is outside ±(2^53−1) and would lose precision",
    )
    expect(dataOf("[9007199254740993.0, 1e20]")).toEqual([9007199254740992, 1e20])
  })

  test("every bad number is reported", () => {
    expect(json("[1e400, 2, -1e400, 9007199254740993]").findings.map((f) => f.position!.column)).toEqual([2, 12, 20])
  })
})

describe("limits", () => {
  test("depth at the limit passes, past it refused at the opening bracket", () => {
    expect(json(`${"[".repeat(64)}${"]".repeat(64)}`).findings).toEqual([])
    const refused = json(`${"[".repeat(65)}${"]".repeat(65)}`)
    expect(refused.findings).toMatchObject([
      { rule: "document-limit", message: "nesting is deeper than the limit of 64 levels", position: { column: 65 } },
    ])
  })

  test("100k-deep JSON (arrays, objects, unterminated) gives document-limit, never RangeError", () => {
    for (const text of [
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`,
      "[".repeat(100_000),
    ]) {
      const started = performance.now()
      expect(json(text).findings.map((f) => f.rule)).toEqual(["document-limit"])
      expect(performance.now() - started).toBeLessThan(2000)
    }
  })

  test("node, string and key limits", () => {
    expect(json("[1,2,3]", { maxNodes: 4 }).findings).toEqual([])
    expect(json("[1,2,3,4]", { maxNodes: 4 }).findings.map((f) => f.rule)).toEqual(["document-limit"])
    expect(json(`["${"x".repeat(10)}"]`, { maxStringLength: 10 }).findings).toEqual([])
    expect(json(`["${"x".repeat(11)}"]`, { maxStringLength: 10 }).findings.map((f) => f.rule)).toEqual([
      "document-limit",
    ])
    expect(json(`{"${"k".repeat(11)}": 1}`, { maxKeyLength: 10 }).findings[0]?.message).toBe(
      "a key of 11 characters is over the limit of 10",
    )
  })

  test("a huge array is refused by the node limit, fast", () => {
    const text = `[${"0,".repeat(1_500_000)}0]`
    const started = performance.now()
    expect(json(text).findings.map((f) => f.message)).toEqual(["the document has more than 1000000 values, the limit"])
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe("auto-detection", () => {
  test("JSON when it starts with { or [ and parses as JSON", () => {
    expect(parseSource('{"a": 1}').document?.syntax).toBe("json")
    expect(parseSource("  \n[1, 2]").document?.syntax).toBe("json")
  })

  test("YAML otherwise, including flow YAML that is not JSON", () => {
    expect(parseSource("a: 1").document?.syntax).toBe("yaml")
    expect(parseSource('"a"').document?.syntax).toBe("yaml")
    const flow = parseSource("{a: 1, b: [x, y],}")
    expect(flow.document?.syntax).toBe("yaml")
    expect(flow.document?.value).toEqual({ a: 1, b: ["x", "y"] })
  })

  test("JSON findings other than syntax stay JSON findings", () => {
    const result = parseSource('{"a": 1, "a": 2}')
    expect(result.document?.syntax).toBe("json")
    expect(result.findings.map((f) => f.rule)).toEqual(["duplicate-key"])
    expect(parseSource(`${"[".repeat(100)}${"]".repeat(100)}`).findings.map((f) => f.rule)).toEqual(["document-limit"])
  })

  test("a caller can force a syntax", () => {
    expect(parseSource("a: 1", { syntax: "json" }).document).toBeUndefined()
    expect(parseSource('{"a": 1}', { syntax: "yaml" }).document?.syntax).toBe("yaml")
  })
})

/** Laws of parseSource, checked with fast-check (the seed is printed on failure). */
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { stringify } from "yaml"
import type { ParseResult, SourceDocument, Syntax } from "../../src/Source.js"
import { parseSource } from "../../src/Source.js"

const runs = { numRuns: 300 }
const rules = new Set(["syntax", "duplicate-key", "alias-limit", "document-limit", "invalid-value"])

/** Every finding is well formed and safe to print; nothing touched Object.prototype. */
const wellFormed = (result: ParseResult): void => {
  for (const f of result.findings) {
    expect(rules.has(f.rule), f.rule).toBe(true)
    expect(f.severity).toBe("error")
    expect(f.message.length, f.message).toBeLessThanOrEqual(130)
    expect(f.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/)
    expect(f.message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
    expect(f.position.line).toBeGreaterThanOrEqual(1)
    expect(f.position.column).toBeGreaterThanOrEqual(1)
    expect(f.pointer === "" || f.pointer.startsWith("/")).toBe(true)
  }
  if (result.document === undefined) expect(result.findings.length).toBeGreaterThan(0)
  else for (const f of result.findings) expect(f.rule).toBe("duplicate-key")
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted")
}

const parseAll = (text: string): void => {
  for (const syntax of ["yaml", "json", "auto"] as const) wellFormed(parseSource(text, { syntax }))
}

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))

const yamlTokens = [
  "a",
  "b",
  "key",
  "__proto__",
  "constructor",
  "1",
  '"1"',
  "true",
  "'true'",
  "yes",
  "0755",
  "1:30",
  "~",
  ".inf",
  "1e400",
  "9007199254740993",
  ":",
  ": ",
  " ",
  "  ",
  "\n",
  "- ",
  "-",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ", ",
  "&x ",
  "*x",
  "&y ",
  "*y",
  "<<: ",
  "|",
  ">-",
  '"q\\"',
  "'s''",
  "#c",
  " # amp:ignore[r]",
  "é",
  "😀",
  "polluted",
  "k: v\n",
  "- x\n",
  "  k: v\n",
  "  - x\n",
  "a: &x {b: 1}\n",
  "c: *x\n",
  "m:\n  <<: *x\n",
]
const yamlHostile = ["\t", "!!str ", "!x ", "---", "...", "%YAML 1.2", "\ufeff", "\u2028", "\u0000", "\ufffd", "\r"]
const yamlSoup = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...yamlTokens), weight: 30 },
      { arbitrary: fc.constantFrom(...yamlHostile), weight: 1 },
    ),
    { maxLength: 40 },
  )
  .map((t) => t.join(""))

/** Lines of block YAML with a few keys (so duplicates happen), anchors, aliases and merges. */
const yamlLines = fc
  .array(
    fc.tuple(
      fc.oneof({ arbitrary: fc.constant(""), weight: 8 }, fc.constantFrom("  ", "    ")),
      fc.constantFrom("a", "b", "c", "1", '"1"', "__proto__"),
      fc.constantFrom(
        ": v",
        ":",
        ": yes",
        ": 0755",
        ": 12",
        ": [x, y]",
        ": {p: 1, q: 2}",
        ": &n {p: 1}",
        ": *n",
        ": &s x",
        ": *s",
        ": |\n      t",
        " # amp:ignore",
        ": 'q' # amp:ignore[r, s]",
      ),
      fc.oneof({ arbitrary: fc.constant(""), weight: 8 }, fc.constantFrom("- ", "<<: *n\n")),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.map(([indent, key, rest, prefix]) => `${indent}${prefix}${key}${rest}\n`).join(""))

const jsonTokens = [
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  '"a"',
  '"__proto__"',
  '"\\u0061"',
  '"\\ud800"',
  '"\\x"',
  "0",
  "-0",
  "01",
  "1.5e3",
  "1e400",
  "9007199254740993",
  "true",
  "nul",
  "null",
  " ",
  "\n",
  "\r\n",
  "\t",
  "\ufeff",
  '"',
  "\\",
]
const jsonSoup = fc.array(fc.constantFrom(...jsonTokens), { maxLength: 40 }).map((t) => t.join(""))

describe("never throws, findings are well formed", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 200 })], runs)("any code points", parseAll)
  test.prop([fc.string({ unit: codeUnit, maxLength: 200 })], runs)("any UTF-16 code units (lone surrogates)", parseAll)
  test.prop([fc.string({ unit: "grapheme", maxLength: 200 })], runs)("graphemes", parseAll)
  test.prop([yamlSoup], { numRuns: 1000 })("YAML-ish token soup", parseAll)
  test.prop([yamlLines], { numRuns: 1000 })("YAML-ish lines", parseAll)
  test.prop([jsonSoup], { numRuns: 1000 })("JSON-ish token soup", parseAll)
})

/** Every pointer of a plain value. */
const pointersOf = (value: unknown, pointer = "", out: Array<string> = [""]): Array<string> => {
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const p = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`
      out.push(p)
      pointersOf(item, p, out)
    }
  }
  return out
}

const positions = (document: SourceDocument | undefined) =>
  document === undefined
    ? undefined
    : pointersOf(document.value).map((p) => [p, document.locate(p), document.locate(p, "key")])

describe("CRLF and LF give identical results", () => {
  const same = (text: string, syntax: Syntax) => {
    const lf = parseSource(text, { syntax })
    const crlf = parseSource(text.replace(/\n/g, "\r\n"), { syntax })
    expect(crlf.findings).toEqual(lf.findings)
    expect(crlf.document?.value).toEqual(lf.document?.value)
    expect(crlf.document?.yaml11Scalars).toEqual(lf.document?.yaml11Scalars)
    expect(crlf.document?.directives).toEqual(lf.document?.directives)
    expect(positions(crlf.document)).toEqual(positions(lf.document))
  }
  const noCr = (s: string) => !s.includes("\r")
  test.prop([yamlSoup.filter(noCr)], { numRuns: 500 })("YAML soup", (text) => same(text, "yaml"))
  test.prop([yamlLines], { numRuns: 500 })("YAML lines", (text) => same(text, "yaml"))
  test.prop([fc.jsonValue({ maxDepth: 6 })], runs)("pretty-printed JSON, as YAML and as JSON", (value) => {
    const text = JSON.stringify(value, null, 2)
    same(text, "json")
    same(text, "yaml")
  })
  test.prop([fc.jsonValue({ maxDepth: 6 })], runs)("YAML emitted by the yaml package", (value) => {
    same(stringify(value), "yaml")
  })
})

/** A number JSON.stringify prints as an integer literal beyond ±(2^53−1), which we refuse. */
const hasUnsafeIntegerLiteral = (value: unknown): boolean => {
  if (typeof value === "number")
    return Number.isInteger(value) && !Number.isSafeInteger(value) && /^-?\d+$/.test(String(value))
  if (value !== null && typeof value === "object") return Object.values(value).some(hasUnsafeIntegerLiteral)
  return false
}

describe("JSON round trip: our parser equals JSON.parse", () => {
  test.prop([fc.jsonValue({ maxDepth: 8, stringUnit: "binary" }), fc.boolean()], { numRuns: 500 })(
    "JSON.stringify of any JSON value",
    (value, pretty) => {
      const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)
      const result = parseSource(text, { syntax: "json" })
      if (hasUnsafeIntegerLiteral(value)) {
        expect(result.findings.map((f) => f.rule)).toContain("invalid-value")
        expect(result.document).toBeUndefined()
      } else {
        expect(result.findings).toEqual([])
        expect(result.document?.value).toEqual(JSON.parse(text))
        expect(parseSource(text).document?.value).toEqual(JSON.parse(text)) // auto
      }
    },
  )
})

/** A character YAML text may hold raw (the ones we refuse are left out: see internal/source-text.ts). */
const yamlChar = fc
  .string({ unit: "binary", minLength: 1, maxLength: 1 })
  .filter((c) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffd\ufffe\uffff]/.test(c))
const yamlString = fc.oneof(
  fc.string({ unit: yamlChar, maxLength: 20 }),
  fc.constantFrom(
    "yes",
    "no",
    "on",
    "0755",
    "1:30",
    "~",
    "null",
    "true",
    "1e5",
    "0x1F",
    ".inf",
    "- x",
    "a: b",
    "# c",
    " x",
    "x ",
    "\n",
    "a\nb\n",
    "\t",
    "<<",
    "*x",
    "&x",
    "!x",
    "%x",
    "@x",
    "`x",
  ),
)
const yamlValue = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      yamlString,
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(
        yamlString.filter((k) => k !== "<<"),
        tie("value"),
        { maxKeys: 5 },
      ),
    ),
  }))
  .value.filter((v) => !hasUnsafeIntegerLiteral(v))

describe("YAML round trip: yaml.stringify output parses back to the same data", () => {
  test.prop([yamlValue], { numRuns: 500 })("any JSON value", (value) => {
    const text = stringify(value)
    const result = parseSource(text, { syntax: "yaml" })
    expect(result.findings).toEqual([])
    expect(JSON.stringify(result.document?.value)).toBe(JSON.stringify(value))
  })
})

describe("the lexing bound on values never refuses what the node limit allows", () => {
  const count = (v: unknown): number =>
    v !== null && typeof v === "object" ? 1 + Object.values(v).reduce((n: number, x) => n + count(x), 0) : 1
  test.prop([yamlSoup.filter((t) => !t.includes("*") && !t.includes("<<"))], { numRuns: 1000 })("YAML soup", (text) => {
    const result = parseSource(text, { syntax: "yaml" })
    if (result.document === undefined || result.findings.length > 0) return
    const nodes = count(result.document.value)
    expect(parseSource(text, { syntax: "yaml", limits: { maxNodes: nodes } }).findings).toEqual([])
  })
  test.prop([yamlLines.filter((t) => !t.includes("*") && !t.includes("<<"))], { numRuns: 1000 })(
    "YAML lines",
    (text) => {
      const result = parseSource(text, { syntax: "yaml" })
      if (result.document === undefined || result.findings.length > 0) return
      expect(
        parseSource(text, { syntax: "yaml", limits: { maxNodes: count(result.document.value) } }).findings,
      ).toEqual([])
    },
  )
  test.prop([yamlValue], runs)("YAML emitted by the yaml package", (value) => {
    const text = stringify(value)
    expect(parseSource(text, { syntax: "yaml", limits: { maxNodes: count(value) } }).findings).toEqual([])
  })
})

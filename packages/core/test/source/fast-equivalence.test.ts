/**
 * The fast path gives exactly the full path's outcome whenever it answers (fast-same-outcome.ts
 * compares value, position records, findings, YAML 1.1 readings, directives and `locate`), on:
 * - `yaml.stringify` of arbitrary data under varied options (indents, sequence indents, flow and
 *   block styles, every string and key quoting style, line widths that fold, null/true spellings);
 * - real samples and generated texts, mutated line by line (comments, directives, blank lines,
 *   indents, duplicated and dropped lines, tokens spliced in);
 * - soups of YAML tokens and of block-YAML lines;
 * each under the default limits and under small ones. AMPKIT_FAST_RUNS=20 runs 20 times as many. The counters at the end check that the fast
 * path did answer for a good share of them (the properties are not vacuous).
 */
import { fc, test } from "@fast-check/vitest"
import { afterAll, describe, expect } from "vitest"
import { stringify } from "yaml"
import { defaultLimits, type Limits } from "../../src/Limits.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { compare, prepared } from "./fast-same-outcome.js"

/** Run counts, scaled by AMPKIT_FAST_RUNS (e.g. 20 for a long local run). */
const runs = (n: number): number => Math.round(n * Number(process.env.AMPKIT_FAST_RUNS ?? 1))

/** Per generator: texts that are a document for the full path, and those of them the fast path answered. */
const seen = new Map<string, { documents: number; fast: number }>()
const check = (generator: string, raw: string, limits: Limits = defaultLimits): void => {
  const text = prepared(raw)
  if (text === undefined) return
  const { fast, full } = compare(text, limits)
  const tally = seen.get(generator) ?? { documents: 0, fast: 0 }
  if (full.value !== undefined) {
    tally.documents++
    if (fast !== undefined) tally.fast++
    if (fast !== undefined && /: \*[\w-]+$/m.test(text)) aliased++
  }
  seen.set(generator, tally)
}
/** Documents with an alias that the fast path answered. */
let aliased = 0

// ---- data to stringify ----

const keyPool = [
  "a",
  "b",
  "name",
  "objectName",
  "__proto__",
  "constructor",
  "toString",
  "1",
  "01",
  "-1",
  "1.5",
  "true",
  "yes",
  "null",
  "~",
  "a b",
  "a:b",
  "a: b",
  "http://x",
  "a#b",
  "a #b",
  "it's",
  'say "hi"',
  "é",
  "😀",
  "<<",
  "-x",
  "- x",
  "x-",
  "[a]",
  "{a}",
  "a,b",
  "",
  " lead",
  "trail ",
  "?x",
  "&x",
  "*x",
  "!x",
  "%x",
  "@x",
  "a\\b",
  "a/b",
  "a~b",
]
const keyArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...keyPool) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
)
const stringPool = [
  "yes",
  "no",
  "on",
  "off",
  "y",
  "N",
  "0755",
  "007",
  "1:30",
  "1:30.5",
  "0x1F",
  "0o17",
  "0b101",
  "1_000",
  "1e3",
  "1.0",
  "1.0.0",
  ".inf",
  "-.inf",
  ".nan",
  "-.nan",
  "true",
  "True",
  "TRUE",
  "tRue",
  "NULL",
  "Null",
  "~",
  "",
  "  lead",
  " trail ",
  "a: b",
  "a:b",
  "a #b",
  "a#b",
  "#x",
  "- x",
  "-x",
  "-",
  "--- x",
  "...",
  "[x]",
  "{x}",
  "x]",
  "*x",
  "&x",
  "!x",
  "%x",
  "@x",
  "`x",
  "|",
  "> x",
  "? x",
  "'q'",
  '"dq"',
  "back\\slash",
  "tab\there",
  "nl\nx",
  "two\n\nlines",
  "é",
  "😀",
  "\u00a0nbsp",
  "\u0085",
  "\u2028",
  "x".repeat(90),
  "word ".repeat(25),
  "9007199254740993",
  "1e400",
  "*/15 * * * *",
  "$['a']['b']",
  "https://example.com/a?b=c#d",
]
const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -0,
      1,
      -7,
      1.5,
      0.1,
      1e21,
      1e-7,
      2 ** 53,
      2 ** 53 + 2,
      -(2 ** 60),
      Infinity,
      -Infinity,
      Number.NaN,
    ),
  },
  { weight: 6, arbitrary: fc.constantFrom(...stringPool) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
)

const own = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true })
  return out
}

const { tree, shared } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: "small" }, tie("array"), tie("object"), tie("shared")),
  // The same object in several places: `yaml.stringify` writes an anchor and aliases.
  shared: fc.tuple(fc.oneof(tie("object"), tie("array")), tie("value"), keyArb).map(([o, v, k]) =>
    own([
      [k, o],
      ["again", o],
      ["list", [o, v, o]],
      ["deep", { o, v }],
    ]),
  ),
  value: fc.oneof({ depthSize: "small" }, scalarArb, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.array(fc.tuple(keyArb, tie("value")), { maxLength: 6 }).map(own),
}))

const optionsArb = fc.record({
  indent: fc.constantFrom(2, 3, 4),
  indentSeq: fc.boolean(),
  collectionStyle: fc.constantFrom("any", "any", "block", "flow") as fc.Arbitrary<"any" | "block" | "flow">,
  defaultStringType: fc.constantFrom(
    "PLAIN",
    "PLAIN",
    "QUOTE_DOUBLE",
    "QUOTE_SINGLE",
    "BLOCK_LITERAL",
    "BLOCK_FOLDED",
  ) as fc.Arbitrary<"PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED">,
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE") as fc.Arbitrary<
    null | "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE"
  >,
  lineWidth: fc.constantFrom(0, 0, 20, 40, 80),
  minContentWidth: fc.constantFrom(0, 10, 20),
  flowCollectionPadding: fc.boolean(),
  doubleQuotedAsJSON: fc.boolean(),
  nullStr: fc.constantFrom("null", "~", "", "Null", "NULL"),
  trueStr: fc.constantFrom("true", "True", "TRUE"),
  falseStr: fc.constantFrom("false", "False", "FALSE"),
})

const stringifiedFrom = (data: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.tuple(data, optionsArb).map(([value, options]) => {
    try {
      return stringify(value, options)
    } catch {
      return stringify(value)
    }
  })
const stringified = stringifiedFrom(tree)

// ---- mutations ----

const tokens = [
  "a",
  "b",
  "key",
  "__proto__",
  "1",
  '"1"',
  "'1'",
  "true",
  "'true'",
  "yes",
  "0755",
  "1:30",
  "~",
  ".inf",
  "-.inf",
  ".nan",
  "1e400",
  "9007199254740993",
  "-0",
  "0o17",
  "0x1F",
  "1.50",
  ":",
  ": ",
  " ",
  "  ",
  "\n",
  "- ",
  "-",
  "--- ",
  "---",
  "...",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ", ",
  ",",
  "&x ",
  "*x",
  "<<: ",
  "|",
  ">-",
  "!",
  "!!str ",
  "%",
  "@",
  "`",
  '"q\\"',
  '"\\x41\\u00e9\\U0001F600\\n"',
  '"\\q"',
  "'s''",
  "'",
  '"',
  "#c",
  " #c",
  " # amp:ignore",
  "# amp:ignore[r, s]",
  "é",
  "😀",
  "\t",
  "[x, y]",
  "{p: 1, q: [2]}",
  "[]",
  "{}",
  "k: v",
  "- x",
  "a: b: c",
]
const tokenArb = fc.constantFrom(...tokens)

/** One edit of a text, by line: insert, drop, copy, re-indent, splice a token, add a comment. */
const editArb = fc.tuple(
  fc.constantFrom("comment", "trailing", "blank", "drop", "copy", "indent", "dedent", "splice", "replace", "top"),
  fc.nat(),
  fc.nat(),
  tokenArb,
  fc.constantFrom(" # amp:ignore", "  # amp:ignore[a, b] why", " # note", " #", "# amp:ignore", " # amp:ignore["),
)
type Edit = [string, number, number, string, string]

const mutate = (text: string, edits: ReadonlyArray<Edit>): string => {
  const lines = text.split("\n")
  for (const [kind, a, b, token, note] of edits) {
    const i = a % Math.max(lines.length, 1)
    const line = lines[i] ?? ""
    const indent = " ".repeat(b % 7)
    switch (kind) {
      case "comment":
        lines.splice(i, 0, `${indent}${note.trim()}`)
        break
      case "trailing":
        lines[i] = `${line}${note}`
        break
      case "blank":
        lines.splice(i, 0, indent)
        break
      case "drop":
        lines.splice(i, 1)
        break
      case "copy":
        lines.splice(i, 0, line)
        break
      case "indent":
        lines[i] = ` ${b % 2 === 0 ? " " : ""}${line}`
        break
      case "dedent":
        lines[i] = line.replace(/^ {1,2}/, "")
        break
      case "splice": {
        const at = b % (line.length + 1)
        lines[i] = `${line.slice(0, at)}${token}${line.slice(at)}`
        break
      }
      case "replace": {
        // Replace the value of a `key: value` line, or the item of a `- item` line.
        const m = /^(\s*(?:- )*(?:[^:#\s][^:#]*: |- ))(.*)$/.exec(line)
        if (m !== null) lines[i] = `${m[1]}${token}`
        break
      }
      case "top":
        lines.unshift(b % 2 === 0 ? "---" : `--- ${note.trim()}`)
        break
    }
  }
  return lines.join("\n")
}

const edits = fc.array(editArb, { minLength: 1, maxLength: 4 }) as fc.Arbitrary<Array<Edit>>

const samples = sampleFiles().map((file) => corpusText(`samples/${file}`))
const sampleArb = fc.constantFrom(...samples)

// ---- soups ----

const tokenSoup = fc.array(tokenArb, { maxLength: 40 }).map((t) => t.join(""))

const lineSoup = fc
  .array(
    fc.tuple(
      fc.constantFrom("", "", "", "", "  ", "  ", "    ", "   ", "      ", " "),
      fc.constantFrom("", "", "", "", "", "- ", "- ", "- - ", "-   ", "-"),
      fc.constantFrom("a", "b", "c", "1", '"1"', "'b'", "__proto__", "x y", "k:k", ""),
      fc.oneof(
        {
          weight: 12,
          arbitrary: fc.constantFrom(
            ": v",
            ":",
            ": ",
            ": yes",
            ": 0755",
            ": 12",
            ": -3",
            ": 1.5e3",
            ": .inf",
            ": 99999999999999999",
            ": [x, y]",
            ": {p: 1, q: 2}",
            ": {p: 1, p: 2}",
            ': "q\\tx"',
            ": 'it''s'",
            ": ~",
            ": null",
            ": True",
            ": x #c",
            ": x#c",
            ": a b c",
            "",
            " # amp:ignore",
            ": 'q' # amp:ignore[r, s]",
            ": [a, [b, {c: d}]]",
            ": []",
            ": {}",
            ": x\n  y",
            ": -1",
            ": 0x1F",
            ": 1:30",
            ": &n",
            ": &m # amp:ignore",
            ": *n",
            ": *m",
            ": *n # c",
          ),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            ": -",
            ": - x",
            ": &n {p: 1}",
            ": *n",
            ": |\n      t",
            ": >\n  t",
            ": x\n\n  y",
            ": [a,]",
            ': "a": b',
          ),
        },
      ),
    ),
    { maxLength: 14 },
  )
  .map((lines) => lines.map(([indent, prefix, key, rest]) => `${indent}${prefix}${key}${rest}\n`).join(""))

const smallLimits: fc.Arbitrary<Limits> = fc.record({
  maxBytes: fc.constant(defaultLimits.maxBytes),
  maxDepth: fc.integer({ min: 0, max: 12 }),
  maxNodes: fc.integer({ min: 0, max: 80 }),
  maxStringLength: fc.integer({ min: 0, max: 40 }),
  maxKeyLength: fc.integer({ min: 0, max: 12 }),
})
const limitsArb = fc.oneof(fc.constant(defaultLimits), smallLimits)

describe("the fast path answers exactly as the full path", () => {
  test.prop([stringified], { numRuns: runs(600) })("yaml.stringify of arbitrary data", (text) => {
    check("stringify", text)
  })

  test.prop([stringifiedFrom(shared)], { numRuns: runs(300) })(
    "yaml.stringify of shared objects (anchors, aliases)",
    (text) => {
      check("aliases", text)
    },
  )

  test.prop([stringified, limitsArb], { numRuns: runs(200) })(
    "yaml.stringify of arbitrary data, small limits",
    (text, limits) => {
      check("stringify+limits", text, limits)
    },
  )

  test.prop([sampleArb, edits], { numRuns: runs(400) })("real samples, mutated", (text, e) => {
    check("samples+edits", mutate(text, e))
  })

  test.prop([stringified, edits], { numRuns: runs(400) })("yaml.stringify output, mutated", (text, e) => {
    check("stringify+edits", mutate(text, e))
  })

  test.prop([tokenSoup], { numRuns: runs(1000) })("YAML token soup", (text) => {
    check("tokens", text)
  })

  test.prop([lineSoup], { numRuns: runs(1000) })("block-YAML line soup", (text) => {
    check("lines", text)
  })

  test.prop([lineSoup, smallLimits], { numRuns: runs(300) })("block-YAML line soup, small limits", (text, limits) => {
    check("lines+limits", text, limits)
  })
})

afterAll(() => {
  if (process.env.FAST_TALLY) console.log(JSON.stringify([...seen, aliased]))
  // Not vacuous: of the texts that are documents, the fast path answered a good share.
  const share = (name: string): number => {
    const t = seen.get(name)
    return t === undefined || t.documents === 0 ? 0 : t.fast / t.documents
  }
  expect(aliased).toBeGreaterThan(40)
  expect(share("stringify")).toBeGreaterThan(0.4)
  expect(share("aliases")).toBeGreaterThan(0.2)
  expect(share("samples+edits")).toBeGreaterThan(0.5)
  expect(share("stringify+edits")).toBeGreaterThan(0.3)
  expect(share("lines")).toBeGreaterThan(0.5)
  expect(share("tokens")).toBeGreaterThan(0.1)
})

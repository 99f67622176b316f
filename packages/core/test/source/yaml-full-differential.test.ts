/**
 * The full YAML path (the `yaml` CST parser + source-yaml-compose.ts + the walk) against the oracle
 * (the Composer-based path it replaced, oracle/source-yaml-oracle.ts), by full-vs-oracle.ts:
 * - every corpus sample and every validator-testdata file, as is, with CRLF, and under tight limits;
 * - grammar-generated YAML texts (block and flow collections, every scalar style, block scalar
 *   headers, anchors, aliases, merge keys, comments and `# amp:ignore` directives, odd indentation,
 *   tabs, document markers, tags and directives), as generated and with random character mutations;
 * - real samples with random character mutations;
 * each under the default limits and under small ones. The only differences allowed are those of
 * the intended anchor-timing change and of refused (tagged) texts, as full-vs-oracle.ts says; the
 * counters at the end check that most texts are compared strictly and that many are invalid YAML.
 * AMPKIT_DIFF_RUNS=20 runs 20 times as many; AMPKIT_DIFF_TALLY=1 prints the verdict counts.
 */
import { fc, test } from "@fast-check/vitest"
import { afterAll, describe, expect, it } from "vitest"
import { defaultLimits, type Limits } from "../../src/Limits.js"
import { corpusText, sampleFiles, validatorTestdataFiles } from "../corpus/corpus-files.js"
import { prepared } from "./fast-same-outcome.js"
import { differential, type Verdict } from "./full-vs-oracle.js"

const runs = (n: number): number => Math.round(n * Number(process.env.AMPKIT_DIFF_RUNS ?? 1))

const small: Limits = { ...defaultLimits, maxDepth: 4, maxNodes: 40, maxStringLength: 12, maxKeyLength: 8 }

const tally = { same: 0, "anchor-timing": 0, refused: 0, "explicit-key-content": 0, invalid: 0, valued: 0 }
const check = (raw: string, limits: Limits = defaultLimits): Verdict | undefined => {
  const text = prepared(raw)
  if (text === undefined) return undefined
  const { verdict, full } = differential(text, limits)
  tally[verdict]++
  if (full.value === undefined) tally.invalid++
  else tally.valued++
  return verdict
}

describe("corpus: identical outcomes through the old and new full paths", () => {
  const files = [
    ...sampleFiles().map((f) => `samples/${f}`),
    ...validatorTestdataFiles().map((f) => `validator-testdata/${f}`),
  ]
  it.each(files)("%s", (file) => {
    const raw = corpusText(file)
    expect(check(raw)).toBe("same")
    expect(check(raw.replace(/\n/g, "\r\n"))).toBe("same")
    expect(check(raw, small)).toBe("same")
    expect(check(raw, { ...defaultLimits, maxNodes: 200, maxDepth: 6 })).toBe("same")
  })
})

// ---- a grammar of YAML texts ----

/** Mostly `good`, sometimes `bad`: the texts are valid YAML often enough to reach the walk. */
const pick = <T>(good: ReadonlyArray<T>, bad: ReadonlyArray<T>): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) })

const word = fc.constantFrom(
  "a",
  "b",
  "key",
  "name",
  "__proto__",
  "x y",
  "1",
  "01",
  "-1",
  "true",
  "yes",
  "null",
  "~",
  "é",
)
const plainScalar = fc.constantFrom(
  "a",
  "hello world",
  "1",
  "-0",
  "0o17",
  "0x1F",
  "1.5",
  "1e3",
  "1e400",
  ".inf",
  "-.Inf",
  ".nan",
  "9007199254740993",
  "123456789012345678901234567890",
  "true",
  "False",
  "yes",
  "no",
  "on",
  "0755",
  "1:30",
  "~",
  "null",
  "a:b",
  "a #b",
  "a#b",
  "-x",
  "x-",
  "<<",
  "a b c",
  "http://x.y/z?q=1",
)
const badPlain = fc.constantFrom("@x", "`x", "%x", ",x", "|x", "a\tb", "a: b", "- x")
const singleQuoted = fc.constantFrom("'a'", "''", "'it''s'", "'a\n  b'", "'a\n\n  b'", "'open", "'1'", "'  x  '")
const doubleQuoted = fc.constantFrom(
  '"a"',
  '""',
  '"\\n\\t\\x41\\u00e9\\U0001F600"',
  '"\\q"',
  '"\\x4"',
  '"\\UFFFFFFFF"',
  '"a\n  b"',
  '"a\\\n  b"',
  '"a \n\n  b  "',
  '"open',
  '"\\ud800"',
  '"1"',
  '"\\/\\ \\_\\N\\L\\P\\0\\a\\b\\e\\f\\r\\v"',
  '"a\\\tb"',
)
const blockHeader = fc.constantFrom(
  "|",
  ">",
  "|-",
  ">-",
  "|+",
  ">+",
  "|2",
  ">1-",
  "|+2",
  "|x",
  "|0",
  "| #c",
  "|#c",
  "|--",
)
const blockBody = fc.array(
  fc.constantFrom("text", "more text", "", "  indented", " one", "\tTab", "last", "  ", "# not a comment"),
  { minLength: 0, maxLength: 5 },
)
const anchorName = pick(["A", "B", "k"], ["A:", ""])
const aliasArb = anchorName.map((n) => `*${n}`)
const comment = pick(["", "", "", " # c", " # amp:ignore duplicate-key", " # amp:ignore"], [" #", "#x"])
const odd = pick([0], [1, -1, 2])

/** A scalar on one line (may span lines for multi-line quoted ones). */
const inlineScalar = fc.oneof(
  { weight: 8, arbitrary: plainScalar },
  { weight: 1, arbitrary: badPlain },
  { weight: 2, arbitrary: singleQuoted },
  { weight: 2, arbitrary: doubleQuoted },
  { weight: 1, arbitrary: fc.constant("") },
)

const { flowNode } = fc.letrec<{ flowNode: string; flowSeq: string; flowMap: string }>((tie) => ({
  flowNode: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: inlineScalar.filter((s) => !s.includes("\n") || s.startsWith('"')) },
    { weight: 1, arbitrary: aliasArb },
    { weight: 1, arbitrary: tie("flowSeq") },
    { weight: 1, arbitrary: tie("flowMap") },
    { weight: 1, arbitrary: fc.tuple(anchorName, tie("flowNode")).map(([a, n]) => `&${a} ${n}`) },
  ),
  flowSeq: fc
    .tuple(
      fc.array(
        fc.oneof(
          tie("flowNode"),
          fc.tuple(word, tie("flowNode")).map(([k, v]) => `${k}: ${v}`),
        ),
        {
          maxLength: 4,
        },
      ),
      pick([", ", ",", " ,", ",\n  "], [" ", ",,"]),
      pick(["", ""], [",", " "]),
      pick(["]"], ["", "}"]),
    )
    .map(([items, sep, trail, close]) => `[${items.join(sep)}${trail}${close}`),
  flowMap: fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.tuple(word, pick([": ", " : "], [":", ":\n  "]), tie("flowNode")).map(([k, c, v]) => `${k}${c}${v}`),
          word,
          fc.tuple(fc.constantFrom("<<", "? a"), tie("flowNode")).map(([k, v]) => `${k}: ${v}`),
        ),
        { maxLength: 4 },
      ),
      pick([", ", ",", " ,", ",\n  "], [" ", ",,"]),
      pick([""], [","]),
      pick(["}"], ["", "]"]),
    )
    .map(([items, sep, trail, close]) => `{${items.join(sep)}${trail}${close}`),
}))

/** Lines of a block node at `indent` (an array of lines, the first one without its indent). */
type Block = (indent: number, depth: number) => fc.Arbitrary<Array<string>>

const pad = (n: number): string => " ".repeat(Math.max(0, n))

const blockScalarLines = (indent: number): fc.Arbitrary<Array<string>> =>
  fc
    .tuple(blockHeader, blockBody, fc.constantFrom(1, 2, 2, 0))
    .map(([h, body, step]) => [h, ...body.map((l) => (l === "" ? "" : pad(indent + step) + l))])

/** A value after `key:` or `- `: inline (scalar, flow, alias, block scalar) or a nested block. */
const valueLines = (indent: number, depth: number, block: Block): fc.Arbitrary<Array<string>> => {
  const inline = fc.oneof(
    { weight: 6, arbitrary: inlineScalar },
    { weight: 2, arbitrary: flowNode },
    { weight: 1, arbitrary: aliasArb },
    {
      weight: 1,
      arbitrary: pick(["*A", "*B", "*k"], ["!!str x", "!x y", "!!binary aGk=", "!!int 1", "!!set", "!!str"]),
    },
  )
  const options: Array<fc.WeightedArbitrary<Array<string>>> = [
    { weight: 5, arbitrary: fc.tuple(inline, comment).map(([v, c]) => [`${v}${c}`]) },
    { weight: 1, arbitrary: blockScalarLines(indent) },
    { weight: 1, arbitrary: fc.tuple(anchorName, inline).map(([a, v]) => [`&${a} ${v}`]) },
  ]
  if (depth > 0) {
    options.push({
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(2, 2, 1, 4, 0),
          odd,
          pick(["", "", "", "&A", "&B", "&k", "&A "], ["!!map", "&A &B"]),
          comment,
        )
        .chain(([step, o, prop, c]) =>
          block(indent + step + o, depth - 1).map((lines) => [
            `${prop}${c}`,
            `${pad(indent + step + o)}${lines[0]}`,
            ...lines.slice(1),
          ]),
        ),
    })
  }
  return fc.oneof(...options)
}

/** The entries of a block collection as lines: each entry after the first starts at `indent` (plus its odd offset). */
const atIndent = (entries: ReadonlyArray<ReadonlyArray<string>>, indent: number): Array<string> =>
  entries.flatMap((e, j) => (j === 0 ? e : [pad(indent) + (e[0] ?? ""), ...e.slice(1)]))

const blockMap: Block = (indent, depth) =>
  fc
    .array(
      fc
        .tuple(
          fc.oneof(
            { weight: 6, arbitrary: word },
            { weight: 1, arbitrary: singleQuoted.filter((s) => !s.includes("\n")) },
            {
              weight: 2,
              arbitrary: pick(['"k"', '"1"', "<<", "<<", "&k a", "*k", "? k\n"], ["?", "[a]", "- a", "a b:c", "*k "]),
            },
          ),
          pick([": ", ": ", ":  "], [":", " :"]),
          odd,
          pick([false], [true]),
        )
        .chain(([k, colon, o, blank]) =>
          valueLines(indent, depth, blockAny).map((v) => {
            const lines = [`${pad(o)}${k}${colon}${v[0]}`, ...v.slice(1)]
            return blank ? [...lines, ""] : lines
          }),
        ),
      { minLength: 1, maxLength: 4 },
    )
    .map((entries) => atIndent(entries, indent))

const blockSeq: Block = (indent, depth) =>
  fc
    .array(
      fc
        .tuple(pick(["- ", "-  "], ["-"]), odd)
        .chain(([dash, o]) =>
          valueLines(indent + 2, depth, blockAny).map((v) => [`${pad(o)}${dash}${v[0]}`, ...v.slice(1)]),
        ),
      { minLength: 1, maxLength: 4 },
    )
    .map((entries) => atIndent(entries, indent))

const blockAny: Block = (indent, depth) =>
  fc.oneof(
    { weight: 3, arbitrary: blockMap(indent, depth) },
    { weight: 2, arbitrary: blockSeq(indent, depth) },
    { weight: 1, arbitrary: flowNode.map((f) => [f]) },
  )

const documentText = fc
  .tuple(
    pick(
      ["", "", "", "---\n", "--- # c\n", "# amp:ignore invalid-value\n"],
      ["%YAML 1.2\n---\n", "---", "--- ", "%TAG ! x\n"],
    ),
    fc.oneof({ weight: 6, arbitrary: blockAny(0, 3) }, { weight: 1, arbitrary: blockScalarLines(0) }),
    pick(["", "", "\n", "\n...\n", "\n# trailing\n"], ["\n---\nb: 1\n", "\n\t\n", "\n... x\n"]),
  )
  .map(([head, lines, tail]) => `${head}${lines.join("\n")}${tail}`)

/** Insert, delete or replace characters at random places. */
const mutationChars = [
  "\n",
  " ",
  "  ",
  ":",
  "-",
  "#",
  "&",
  "*",
  "[",
  "]",
  "{",
  "}",
  ",",
  "'",
  '"',
  "|",
  ">",
  "?",
  "\t",
  "!",
  "%",
  "a",
  "<<",
]
const mutate = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...mutationChars)), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => {
      let t = text
      for (const [at, kind, ch] of edits) {
        const i = t.length === 0 ? 0 : at % (t.length + 1)
        if (kind === "insert") t = t.slice(0, i) + ch + t.slice(i)
        else if (kind === "delete") t = t.slice(0, i) + t.slice(i + 1)
        else t = t.slice(0, i) + ch + t.slice(i + ch.length)
      }
      return t
    })

const limitsArb = fc.constantFrom<Limits>(defaultLimits, defaultLimits, small, { ...defaultLimits, maxNodes: 25 })

describe("differential: grammar-generated YAML", () => {
  test.prop([documentText, limitsArb], { numRuns: runs(1500) })("generated texts", (text, limits) => {
    check(text, limits)
  })
  test.prop([documentText.chain(mutate), limitsArb], { numRuns: runs(1500) })(
    "generated texts, mutated",
    (text, limits) => {
      check(text, limits)
    },
  )
  const samples = sampleFiles()
  test.prop([fc.constantFrom(...samples).chain((f) => mutate(corpusText(`samples/${f}`))), limitsArb], {
    numRuns: runs(400),
  })("real samples, mutated", (text, limits) => {
    check(text, limits)
  })
  test.prop([fc.constantFrom(...samples), fc.nat(), fc.constantFrom(...mutationChars)], { numRuns: runs(300) })(
    "real samples, a line cut and a character inserted at its start",
    (file, at, ch) => {
      const lines = corpusText(`samples/${file}`).split("\n")
      const i = at % lines.length
      lines[i] = ch + (lines[i] ?? "").trimStart()
      check(lines.join("\n"))
    },
  )
})

afterAll(() => {
  // Not vacuous: most texts are compared strictly, and both valid and invalid YAML are well represented.
  const total = tally.same + tally["anchor-timing"] + tally.refused + tally["explicit-key-content"]
  if (process.env.AMPKIT_DIFF_TALLY !== undefined) console.log(JSON.stringify(tally))
  if (total < 1000) return // a filtered run
  expect(tally.same / total).toBeGreaterThan(0.6)
  expect(tally.invalid).toBeGreaterThan(total / 5)
  expect(tally.valued).toBeGreaterThan(total / 10)
})

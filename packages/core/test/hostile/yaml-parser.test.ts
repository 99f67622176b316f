/**
 * Hostile YAML against the full path's new code (internal/source-yaml-compose.ts, the walk of
 * internal/source-yaml.ts) and the fast path (internal/source-yaml-fast.ts), per design/reliability.md:
 * deep nesting (flow, block, mixed; 10k–100k levels), long lines, big flow collections, plain scalars
 * full of `:` and `#`, odd block-scalar headers, alias and merge bombs, anchors redefined or inside
 * their own node, CRLF / CR, BOM in the middle, NUL and control characters, unpaired surrogates, tabs,
 * 1 MB lines, 50k keys. Every case must end in findings that carry a line (or a clean value), never an
 * exception, within a time budget; and, where the text reaches the YAML parser, with the same outcome
 * as the test oracle (test/source/full-vs-oracle.ts: strictly the same, but for the documented
 * anchor-timing difference).
 *
 * Budgets are about 10× what was measured on a loaded 2-core machine (load average 5): the `yaml`
 * package's lexer and CST parser dominate, at roughly 2–4 µs per character of dense flow syntax.
 */
import { describe, expect, test } from "vitest"
import { defaultLimits } from "../../src/Limits.js"
import { type ParseResult, parseSource } from "../../src/Source.js"
import { prepared } from "../source/fast-same-outcome.js"
import { differential, type Verdict } from "../source/full-vs-oracle.js"

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

interface Expectation {
  /** Rule of the first finding; undefined: a document and no finding. */
  readonly rule?: string
  /** Its line. */
  readonly line?: number
  /** Text in its message. */
  readonly message?: string | RegExp
  /** Time budget of `parseSource`, ms. */
  readonly budgetMs?: number
  /** Verdict of the differential check against the oracle; "skip" where the oracle is too slow. */
  readonly oracle?: Verdict | "skip"
}

/** Parse as YAML: no throw, within budget, every finding positioned; then compare with the oracle. */
const expectOutcome = (text: string, expected: Expectation): ParseResult => {
  const started = performance.now()
  let result: ParseResult | undefined
  expect(() => {
    result = parseSource(text, { syntax: "yaml" })
  }).not.toThrow()
  expect(performance.now() - started, "parse time (ms)").toBeLessThan(expected.budgetMs ?? 1000)
  const r = result as ParseResult
  for (const f of r.findings) {
    expect(f.position?.line, f.message).toBeGreaterThanOrEqual(1)
    expect(f.message.length, f.message).toBeLessThanOrEqual(140)
    expect(f.message, "no raw control character in a message").not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufeff]/)
  }
  if (expected.rule === undefined) {
    expect(r.findings.map((f) => f.message)).toEqual([])
    expect(r.document).toBeDefined()
  } else {
    expect(r.findings[0]?.rule, JSON.stringify(r.findings[0])).toBe(expected.rule)
    if (expected.line !== undefined) expect(r.findings[0]?.position?.line).toBe(expected.line)
    if (expected.message !== undefined) expect(r.findings[0]?.message).toMatch(expected.message)
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
  if (expected.oracle !== "skip") {
    const text2 = prepared(text)
    if (text2 !== undefined) expect(differential(text2, defaultLimits).verdict).toBe(expected.oracle ?? "same")
  }
  return r
}

/** The document's value (the parse must have one). */
const valueIn = <T>(r: ParseResult): T => {
  expect(r.document, JSON.stringify(r.findings[0])).toBeDefined()
  return r.document?.value as T
}

const depthLimit = /nesting is deeper than the limit of 64 levels/

describe("deep nesting: a document-limit finding, never a RangeError, never a hang", () => {
  test.each([
    ["flow sequences, 100k levels, unclosed", "[".repeat(100_000)],
    ["flow sequences, 10k levels, closed", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["flow mappings, 100k levels", `${"{a: ".repeat(100_000)}${"}".repeat(100_000)}`],
    ["compact block sequences `- - - …`, 100k levels", `${"- ".repeat(100_000)}x`],
    ["explicit keys `? ? ? …`, 10k levels", `${"? ".repeat(10_000)}x`],
    ["flow in block, 50k levels", `a: ${"[{b: ".repeat(50_000)}`],
    ["block sequence then flow, 50k levels", "- [".repeat(50_000)],
    ["plain scalars full of `: ` (each starts a compact mapping)", `a${": a".repeat(300_000)}`],
  ])("%s", (_name, text) => {
    expectOutcome(text, { rule: "document-limit", line: 1, message: depthLimit })
  })

  test("block mappings indented one more space per level, 2,000 levels (2 MB): stops near level 65", () => {
    const text = `${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1`
    const r = expectOutcome(text, { rule: "document-limit", message: depthLimit, budgetMs: 2000 })
    // The pre-check on the CST parser's stack (source-yaml.ts `stackSlack`) stops the lexer a few
    // levels past the limit, before the composer runs: the line is that of level 65 + the slack.
    expect(r.findings[0]?.position?.line).toBeGreaterThanOrEqual(65)
    expect(r.findings[0]?.position?.line).toBeLessThanOrEqual(68)
  })

  test("block sequences of mappings, 2,000 levels", () => {
    const text = `${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(2 * i)}- a:`).join("\n")} 1`
    expectOutcome(text, { rule: "document-limit", message: depthLimit, budgetMs: 2000 })
  })

  test("64 levels are fine, 65 are not, in flow and in block", () => {
    const flow = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`
    const block = (n: number) => `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1`
    expectOutcome(flow(64), {})
    expectOutcome(block(64), {})
    expectOutcome(flow(65), { rule: "document-limit", message: depthLimit })
    expectOutcome(block(65), { rule: "document-limit", line: 65, message: depthLimit })
  })

  test("a key that is a deep flow collection is refused by depth before the key check", () => {
    expectOutcome(`{ ${"[".repeat(70)}${"]".repeat(70)}: c }`, { rule: "document-limit", message: depthLimit })
  })

  test("nesting reached through aliases and merge keys counts: document-limit at the alias", () => {
    const viaAlias = `a: &A ${"[".repeat(40)}${"]".repeat(40)}\nb: &B ${"[".repeat(20)}*A${"]".repeat(20)}\nc: [[[[*B]]]]`
    expectOutcome(viaAlias, { rule: "document-limit", line: 3, message: /through alias `\*B`/ })
    const viaMerge = `a: &A {x: ${"[".repeat(60)}${"]".repeat(60)}}\nb: {c: {d: {e: {<<: *A}}}}`
    expectOutcome(viaMerge, { rule: "document-limit", line: 2, message: /through alias `\*A`/ })
  })

  /** Recurse `n` frames, then run `f`: leaves `f` little stack, as a deeply recursive caller would. */
  const withStackUsed = <T>(n: number, f: () => T): T => (n === 0 ? f() : withStackUsed(n - 1, f))

  test("called with little stack left, 256 levels (the hard maximum) give a finding or a value, never a RangeError", () => {
    const texts = [
      `${"[".repeat(256)}${"]".repeat(256)}`,
      `${Array.from({ length: 256 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1`,
    ]
    // Find the deepest caller recursion that still lets parseSource start, then probe around it: near
    // that point the fast path, the CST composer or the walk overflows (each was seen to, before the fix).
    for (const text of texts) {
      const outcomes = new Set<string>()
      let depth = 1000
      for (; depth < 100_000; depth += 500) {
        try {
          withStackUsed(depth, () => 0)
        } catch {
          break
        }
      }
      for (let n = Math.max(0, depth - 8000); n < depth; n += 50) {
        let r: ParseResult | "outer" | undefined
        try {
          r = withStackUsed(n, () => parseSource(text, { syntax: "yaml", limits: { maxDepth: 256 } }))
        } catch (e) {
          // The overflow may hit our own recursion before parseSource is even called: only that is allowed.
          if (!(e instanceof RangeError)) throw e
          const stack = e.stack ?? ""
          expect(stack, "a RangeError escaped from parseSource").not.toMatch(/internal\/source-yaml/)
          r = "outer"
        }
        if (r === "outer") outcomes.add("outer")
        else if (r.document !== undefined) outcomes.add("value")
        else {
          expect(r.findings.map((f) => [f.rule, f.position?.line])).toEqual([["document-limit", 1]])
          expect(r.findings[0]?.message).toMatch(/^nesting is too deep to read/)
          outcomes.add("finding")
        }
      }
      expect(outcomes.has("value")).toBe(true)
    }
  })
})

describe("long lines, big collections, pathological scalars: linear, within budget", () => {
  test.each([
    ["a 1 MB plain scalar", `a: ${"x".repeat(1_000_000)}`, {}],
    ["a 1 MB plain scalar of `x#` (no comment: `#` needs a space before it)", `a: ${"x#".repeat(500_000)}`, {}],
    ["a plain scalar then 300k ` #` (the first starts a comment)", `a: ${"x #".repeat(300_000)}`, {}],
    ["a 1 MB double-quoted scalar of escapes", `a: "${"\\n".repeat(400_000)}"`, {}],
    ["a 1 MB single-quoted scalar of `''`", `a: '${"''".repeat(400_000)}'`, {}],
    [
      "1 MB of `x:` (a compact mapping in a value)",
      `a: ${"x:".repeat(500_000)}`,
      { rule: "syntax", line: 1, message: /Nested mappings are not allowed/ },
    ],
    ["a 1 MB implicit key", `${"x".repeat(1_000_000)}: 1`, { rule: "syntax", line: 1, message: /at most 1024 chars/ }],
    [
      "a 1 MB key in a flow mapping",
      `{${"x".repeat(1_000_000)}: 1}`,
      { rule: "document-limit", line: 1, message: /a key of 1000000 characters/ },
    ],
    ["a 1 MB anchor name", `a: &${"x".repeat(1_000_000)} 1`, {}],
    [
      "a 1 MB alias name (no such anchor): the message quotes an excerpt",
      `a: *${"x".repeat(1_000_000)}`,
      { rule: "syntax", line: 1, message: /has no anchor/ },
    ],
    [
      "100k flow-mapping keys of `:` only",
      `{${":".repeat(500_000)}}`,
      { rule: "document-limit", line: 1, message: /a key of 499999 characters/ },
    ],
  ] as ReadonlyArray<[string, string, Expectation]>)("%s", (_name, text, expected) => {
    expectOutcome(text, { budgetMs: 2000, ...expected })
  })

  test("a flow sequence of 100k items and a flow mapping of 20k keys: values, in budget", () => {
    const seq = expectOutcome(`[${"1,".repeat(100_000)}]`, { budgetMs: 5000, oracle: "skip" })
    expect(valueIn<Array<unknown>>(seq).length).toBe(100_000)
    const map = expectOutcome(`{${Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join(", ")}}`, {
      budgetMs: 3000,
      oracle: "skip",
    })
    expect(Object.keys(valueIn<object>(map)).length).toBe(20_000)
  })

  test("50k keys (block) and 50k duplicates of one key: one duplicate-key per repeat, each at its line", () => {
    const keys = expectOutcome(Array.from({ length: 50_000 }, (_, i) => `k${i}: v`).join("\n"), {
      budgetMs: 3000,
      oracle: "skip",
    })
    expect(Object.keys(valueIn<object>(keys)).length).toBe(50_000)
    const dups = expectOutcome(Array.from({ length: 50_000 }, () => "k: v").join("\n"), {
      rule: "duplicate-key",
      line: 2,
      budgetMs: 3000,
      oracle: "skip",
    })
    expect(dups.findings.length).toBe(49_999)
    expect(dups.findings.at(-1)?.position?.line).toBe(50_000)
  })

  test("a 200k-line block scalar and a block scalar of 300k kept empty lines", () => {
    const lines = expectOutcome(`a: |\n${"  x\n".repeat(200_000)}`, { budgetMs: 3000 })
    expect((valueIn<{ a: string }>(lines).a.match(/x/g) ?? []).length).toBe(200_000)
    const empty = expectOutcome(`a: |+\n${"\n".repeat(300_000)}`, { budgetMs: 3000 })
    expect(valueIn<{ a: string }>(empty).a.length).toBe(300_000)
  })

  test("100k errors in a row: at most 20 syntax findings, one per line", () => {
    const r = expectOutcome("a: [\n".repeat(50_000), { rule: "syntax", line: 2, budgetMs: 4000, oracle: "skip" })
    expect(r.findings.length).toBe(20)
    expect(new Set(r.findings.map((f) => f.position?.line)).size).toBe(20)
  })

  test("100k documents and 100k `...` markers: one finding that counts them, at the second", () => {
    expectOutcome("---\n".repeat(100_000), {
      rule: "syntax",
      line: 2,
      message: /100000 YAML documents/,
      budgetMs: 4000,
      oracle: "skip",
    })
  })
})

describe("block scalar headers with odd indentation indicators", () => {
  test.each([
    [
      "|0 (an indentation indicator of 0)",
      "a: |0\n x\n",
      { rule: "syntax", line: 1, message: /extra characters: \|0/ },
    ],
    ["|2-+ (two chomping indicators)", "a: |2-+\n  x\n", { rule: "syntax", line: 1, message: /extra characters/ }],
    ["|9 with lines indented less", "a: |9\n x\n          y\n", { rule: "syntax", line: 2 }],
    ["|1 with more-indented first line", "a: |1\n   x\n  y\n", {}],
    ["|+2 keeps trailing lines", "a: |+2\n   x\n\n\nb: 1\n", {}],
    ["|-9 at the root", "|-9\n         x\n", {}],
    [">10 (two digits)", "a: >10\n x\n", { rule: "syntax", line: 1, message: /extra characters/ }],
    ["more-indented leading empty line", "a: |\n      \n  x\n", { rule: "syntax", line: 3 }],
    ["a header followed by a comment without space", "a: |#c\n  x\n", { rule: "syntax", line: 1 }],
  ] as ReadonlyArray<[string, string, Expectation]>)("%s", (_name, text, expected) => {
    expectOutcome(text, expected)
  })
})

describe("aliases, anchors, merge keys: bombs stop at alias-limit in bounded time", () => {
  test("billion laughs (10 × 10 × … 12 levels) → alias-limit at the first alias past the budget", () => {
    let text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`
    expectOutcome(text, { rule: "alias-limit", line: 6, message: /expands the document past the limit/ })
  })

  test("a merge-key list bomb → alias-limit", () => {
    let text = "a0: &a0 {k: [1,2,3,4,5,6,7,8,9,10]}\n"
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} {<<: [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}], m${i}: *a${i - 1}}\n`
    expectOutcome(text, { rule: "alias-limit", line: 6 })
  })

  test("a quadratic merge chain (3,000 mappings each merging the previous) → alias-limit, bounded", () => {
    let text = `a0: &a0 {${Array.from({ length: 10 }, (_, i) => `k${i}: [1,2,3]`).join(", ")}}\n`
    for (let i = 1; i < 3000; i++) text += `a${i}: &a${i} {<<: *a${i - 1}, z${i}: 1}\n`
    expectOutcome(text, { rule: "alias-limit", budgetMs: 3000 })
  })

  test("200k aliases of one scalar and 50k anchors: values, linear", () => {
    const aliases = expectOutcome(`- &a x\n${"- *a\n".repeat(200_000)}`, { budgetMs: 4000, oracle: "skip" })
    expect(valueIn<Array<unknown>>(aliases).length).toBe(200_001)
    const anchors = expectOutcome(Array.from({ length: 50_000 }, (_, i) => `- &a${i} x`).join("\n"), {
      budgetMs: 4000,
      oracle: "skip",
    })
    expect(valueIn<Array<unknown>>(anchors).length).toBe(50_000)
  })

  test("anchors inside their own node (go-yaml: 'value contains itself'): a syntax finding, anchor-timing verdict", () => {
    const self = /alias `\*A` is inside the node anchored `&A`/
    expectOutcome("a: &A [*A]", { rule: "syntax", line: 1, message: self, oracle: "anchor-timing" })
    expectOutcome("a: &A {<<: *A}", { rule: "syntax", line: 1, message: self, oracle: "anchor-timing" })
    expectOutcome("a: &A {b: {c: [1, *A]}}", { rule: "syntax", line: 1, message: self, oracle: "anchor-timing" })
    const many = expectOutcome(Array.from({ length: 2000 }, (_, i) => `k${i}: &A {v: *A}`).join("\n"), {
      rule: "syntax",
      line: 1,
      message: self,
      oracle: "anchor-timing",
    })
    expect(many.findings.length).toBe(2000)
  })

  test("an anchor redefined inside its own node: the inner definition stands", () => {
    const r = expectOutcome("a: &A {b: &A [1]}\nc: *A", { oracle: "anchor-timing" })
    expect(r.document?.value).toEqual({ a: { b: [1] }, c: [1] })
  })

  test("an anchor redefined later: aliases after it see the new value, before it the old", () => {
    const r = expectOutcome("a: &A 1\nb: *A\nc: &A [2]\nd: *A\n", {})
    expect(r.document?.value).toEqual({ a: 1, b: 1, c: [2], d: [2] })
  })

  test("__proto__ through aliases and merge keys stays plain data; no prototype changes", () => {
    const r = expectOutcome("__proto__: {polluted: 1}\nb: &p {__proto__: {x: 1}}\nc: {<<: *p}\nd: *p\n", {})
    const value = r.document?.value as Record<string, Record<string, unknown>>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.hasOwn(value, "__proto__")).toBe(true)
    expect(Object.hasOwn(value.c as object, "__proto__")).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("characters and line ends", () => {
  test("CRLF equals LF exactly; a lone CR is refused at its line", () => {
    const lf = 'a: 1\nb: [1,\n 2]\nc: |\n  x\n  y\nd: "p\n  q"\n'
    const crlf = parseSource(lf.replace(/\n/g, "\r\n"), { syntax: "yaml" })
    expect(crlf.document?.value).toEqual(parseSource(lf, { syntax: "yaml" }).document?.value)
    expectOutcome("a: 1\nb: 2\rc: 3", { rule: "syntax", line: 2, message: /carriage return/ })
  })

  test.each([
    ["a BOM at the start of line 2", "a: 1\n\ufeffb: 2", 2, /byte order mark/],
    ["a BOM inside a quoted string", 'a: 1\nb: "x\ufeff"', 2, /byte order mark/],
    ["NUL", "a: 1\nb: \u0000", 2, /U\+0000/],
    ["an ANSI escape", "a: \u001b[31mred", 1, /U\+001B/],
    ["a C1 control (NEL)", "a: x\u0085y", 1, /U\+0085/],
    ["an unpaired high surrogate", "a: \ud800", 1, /unpaired surrogate U\+D800/],
    ["an unpaired low surrogate in a key", "\udc00x: 1", 1, /unpaired surrogate U\+DC00/],
    ["U+2028 in a plain scalar", "a: x\u2028y", 1, /line separator/],
  ])("%s → syntax at its line", (_name, text, line, message) => {
    expectOutcome(text, { rule: "syntax", line, message })
  })

  test("escapes of the same characters in double quotes are data, not findings", () => {
    const r = expectOutcome('a: "\\0\\e[31m\\uD800\\uFEFF\\L"', {})
    expect(valueIn<{ a: string }>(r).a).toBe("\u0000\u001b[31m\ud800\ufeff\u2028")
  })

  test("tabs: as indentation refused at their line; inside flow collections and after `:` fine", () => {
    expectOutcome("a:\n\tb: 1", { rule: "syntax", line: 2, message: /Tabs are not allowed as indentation/ })
    expectOutcome("\ta: 1", { rule: "syntax", line: 1 })
    expect(expectOutcome("a: [1,\t2]\nb:\t3", {}).document?.value).toEqual({ a: [1, 2], b: 3 })
  })
})

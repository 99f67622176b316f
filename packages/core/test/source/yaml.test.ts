/** YAML: the rows of reliability.md's parsing table that concern YAML, beyond the fixtures. */
import { describe, expect, test } from "vitest"
import { parseSource } from "../../src/Source.js"

const yaml = (text: string, limits = {}) => parseSource(text, { syntax: "yaml", limits })
const dataOf = (text: string): unknown => {
  const result = yaml(text)
  expect(result.findings).toEqual([])
  return result.document?.value
}
const rules = (text: string, limits = {}) => yaml(text, limits).findings.map((f) => f.rule)

describe("plain data from YAML 1.2 core", () => {
  test("scalars resolve with the core schema", () => {
    expect(
      dataOf("s: text\nq: 'yes'\ni: 42\nn: -7\nf: 1.5\ne: 1e3\nh: 0x1F\no: 0o17\nb: true\nB: False\nz: ~\nnul: null\n"),
    ).toEqual({
      s: "text",
      q: "yes",
      i: 42,
      n: -7,
      f: 1.5,
      e: 1000,
      h: 31,
      o: 15,
      b: true,
      B: false,
      z: null,
      nul: null,
    })
  })

  test("YAML 1.1 booleans, octals and base 60 stay YAML 1.2 values", () => {
    expect(dataOf("a: NO\nb: yes\nc: on\nd: 0755\ne: 22:22\nf: y\n")).toEqual({
      a: "NO",
      b: "yes",
      c: "on",
      d: 755,
      e: "22:22",
      f: "y",
    })
  })

  test("version-like numbers are numbers (the string-typed schema field rejects them); 1.0.0 is a string", () => {
    expect(dataOf("specVersion: 1.0\nver: 1.10\nfull: 1.0.0\n")).toEqual({ specVersion: 1, ver: 1.1, full: "1.0.0" })
  })

  test("dates stay strings: the core schema has no timestamp type", () => {
    expect(dataOf("createTime: 2024-02-30\nat: 2024-01-01T00:00:00Z\n")).toEqual({
      createTime: "2024-02-30",
      at: "2024-01-01T00:00:00Z",
    })
  })

  test("block scalars, multi-line and quoted strings", () => {
    expect(dataOf('lit: |\n  a\n  b\nfold: >\n  a\n  b\nplain: a\n  b\ndq: "x\\ty\\u00e9"\n')).toEqual({
      lit: "a\nb\n",
      fold: "a b\n",
      plain: "a b",
      dq: "x\tyé",
    })
  })

  test("a document holding only `~` is the null value, not an empty document", () => {
    const result = yaml("~\n")
    expect(result.findings).toEqual([])
    expect(result.document?.value).toBeNull()
  })

  test("a single pair in a flow sequence is a one-key object", () => {
    expect(dataOf("[a: 1, b]\n")).toEqual([{ a: 1 }, "b"])
  })

  test("explicit keys without a value are null", () => {
    expect(dataOf("? a\nb:\n")).toEqual({ a: null, b: null })
  })
})

describe("duplicate keys", () => {
  test("the second key is reported at its own line; the first value is kept", () => {
    const result = yaml("name: a\nprovider: x\nname: b\n")
    expect(result.document?.value).toEqual({ name: "a", provider: "x" })
    expect(result.findings).toMatchObject([
      { rule: "duplicate-key", pointer: "/name", at: "key", position: { line: 3, column: 1 } },
    ])
    expect(result.findings[0]?.message).toBe("duplicate key `name` (first at line 1): the first value is kept")
  })

  test("keys collide after normalisation: 1 and '1', true and 'true', a plain key and its quoted text", () => {
    expect(rules('1: a\n"1": b\n')).toEqual(["duplicate-key"])
    expect(rules("true: a\n'true': b\n")).toEqual(["duplicate-key"])
    expect(rules('~: a\n"~": b\n')).toEqual(["duplicate-key"])
    expect(rules('abc: a\n"abc": b\n')).toEqual(["duplicate-key"])
  })

  test("keys that only look alike do not collide (a plain key is its text, as Go reads it)", () => {
    expect(dataOf("1: a\n1.0: b\n01: c\n0x1: d\n")).toEqual({ "1": "a", "1.0": "b", "01": "c", "0x1": "d" })
    expect(dataOf("Name: a\nname: b\n")).toEqual({ Name: "a", name: "b" })
  })

  test("every duplicate is reported once, in nested maps and sequence items", () => {
    const result = yaml("a:\n  x: 1\n  x: 2\nb:\n  - y: 1\n    y: 2\n  - y: 3\n")
    expect(result.findings.map((f) => [f.pointer, f.position!.line])).toEqual([
      ["/a/x", 3],
      ["/b/0/y", 6],
    ])
    expect(result.document?.value).toEqual({ a: { x: 1 }, b: [{ y: 1 }, { y: 3 }] })
  })

  test("a duplicate's value is still checked (its anchors count; its defects are reported)", () => {
    const result = yaml("a: 1\na: &x [1]\nb: *x\n")
    expect(result.findings.map((f) => f.rule)).toEqual(["duplicate-key"])
    expect(result.document?.value).toEqual({ a: 1, b: [1] })
    expect(rules("a: 1\na: !!binary x\n")).toEqual(["duplicate-key", "syntax"])
  })

  test("two merge keys in one mapping are duplicates too", () => {
    expect(rules("x: &x {a: 1}\ny: &y {b: 2}\nz:\n  <<: *x\n  <<: *y\n")).toEqual(["duplicate-key"])
  })
})

describe("anchors, aliases and merge keys", () => {
  test("aliases copy the anchored value (plain trees, no shared objects)", () => {
    const value = dataOf("base: &b {fields: [id, name]}\nx: *b\n") as { base: unknown; x: unknown }
    expect(value.x).toEqual({ fields: ["id", "name"] })
    expect(value.x).not.toBe(value.base)
  })

  test("an anchor can be redefined; an alias uses the latest definition before it", () => {
    expect(dataOf("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")).toEqual({ a: 1, b: 1, c: 2, d: 2 })
  })

  test("an alias inside an anchored node keeps the anchor it referred to", () => {
    expect(dataOf("a: &x 1\nb: &y [*x]\nc: &x 2\nd: *y\n")).toEqual({ a: 1, b: [1], c: 2, d: [1] })
  })

  test("merge keys: explicit keys win wherever they are; earlier sources win over later ones", () => {
    const text = "a: &a {k: a, only_a: 1}\nb: &b {k: b, only_b: 2}\nm:\n  k: own\n  <<: [*a, *b]\nn:\n  <<: [*b, *a]\n"
    expect(dataOf(text)).toMatchObject({
      m: { k: "own", only_a: 1, only_b: 2 },
      n: { k: "b", only_a: 1, only_b: 2 },
    })
  })

  test("a merge of an inline mapping", () => {
    expect(dataOf("m:\n  <<: {a: 1, b: 2}\n  b: 3\n")).toEqual({ m: { a: 1, b: 3 } })
  })

  test("a quoted `<<` is an ordinary key", () => {
    expect(dataOf('"<<": 1\n')).toEqual({ "<<": 1 })
  })

  test("a merge of a scalar, a sequence of scalars or an unknown anchor is refused", () => {
    expect(rules("a: &a 1\nm:\n  <<: *a\n")).toEqual(["syntax"])
    expect(rules("m:\n  <<: [1, 2]\n")).toEqual(["syntax", "syntax"])
    expect(rules("m:\n  <<: *nope\n")).toEqual(["syntax"])
  })

  test("an anchored key can be aliased as a value", () => {
    expect(dataOf("&k name: v\nother: *k\n")).toEqual({ name: "v", other: "name" })
  })

  test("an alias as a key is accepted when it names a scalar, refused when it names a collection", () => {
    expect(dataOf("k: &k name\n*k : v\n")).toEqual({ k: "name", name: "v" })
    expect(rules("k: &k [1]\n*k : v\n")).toEqual(["syntax"])
  })

  test("the node budget counts expansions: a small budget refuses a small bomb, with alias-limit", () => {
    const text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n"
    expect(rules(text)).toEqual([])
    const refused = yaml(text, { maxNodes: 40 })
    expect(refused.document).toBeUndefined()
    expect(refused.findings).toMatchObject([
      { rule: "alias-limit", pointer: "/b/2", position: { line: 2, column: 13 } },
    ])
  })

  test("merge keys count against the budget too", () => {
    const text = "a: &a {k1: 1, k2: 2, k3: 3, k4: 4, k5: 5}\nb: {<<: *a}\nc: {<<: *a}\nd: {<<: *a}\n"
    expect(rules(text)).toEqual([])
    expect(rules(text, { maxNodes: 20 })).toEqual(["alias-limit"])
  })

  test("bombs much bigger than the fixture stop within the budget, fast", () => {
    const levels = 30
    let text = 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for (let i = 1; i < levels; i++)
      text += `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(",")}]\n`
    const started = performance.now()
    expect(rules(text)).toEqual(["alias-limit"])
    expect(performance.now() - started).toBeLessThan(2000)
  })

  test("nesting through aliases counts against the depth limit", () => {
    let text = "a0: &a0 []\n"
    for (let i = 1; i <= 70; i++) text += `a${i}: &a${i} [*a${i - 1}]\n`
    const result = yaml(text)
    expect(result.findings.map((f) => f.rule)).toEqual(["document-limit"])
    expect(result.findings[0]?.message).toContain("through alias")
  })

  test("merge keys never write a prototype, even from an anchored __proto__", () => {
    const result = yaml("p: &p {__proto__: {polluted: yes}}\nq:\n  <<: *p\n")
    const q = (result.document!.value as { q: object }).q
    expect(Object.getPrototypeOf(q)).toBe(Object.prototype)
    expect(Object.keys(q)).toEqual(["__proto__"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe("refused: tags, directives, several documents, empty input", () => {
  test.each([
    ["a: !!binary aGVsbG8=\n", "tag `!!binary` at line 1, column 4 is not allowed"],
    ["a: !!set {x}\n", "tag `!!set` at line 1, column 4 is not allowed"],
    ["a: !!js/function 'f() {}'\n", "tag `!!js/function` at line 1, column 4 is not allowed"],
    ["a: !custom x\n", "tag `!custom` at line 1, column 4 is not allowed"],
    ["a: !!str 1\n", "tag `!!str` at line 1, column 4 is not allowed"],
    ["!!map\na: 1\n", "tag `!!map` at line 1, column 1 is not allowed"],
  ])("tag: %j", (text, message) => {
    const result = yaml(text)
    expect(result.document).toBeUndefined()
    expect(result.findings.map((f) => f.message)).toEqual([message])
  })

  test("%YAML and %TAG directives are refused", () => {
    expect(yaml("%YAML 1.2\n---\na: 1\n").findings.map((f) => f.message)).toEqual([
      "a %YAML directive is not allowed: ampkit reads YAML 1.2 only",
    ])
    expect(yaml("%TAG !a! tag:x,2000:\n---\nb: 1\n").findings[0]?.message).toMatch(/^directive `%TAG/)
  })

  test("several documents are refused, saying how many", () => {
    const result = yaml("a: 1\n---\nb: 2\n---\nc: 3\n")
    expect(result.findings.map((f) => [f.message, f.position!.line])).toEqual([
      ["the input holds 3 YAML documents (separated by `---`); one is expected", 2],
    ])
  })

  test("one explicit document (--- and ...) is fine", () => {
    expect(dataOf("---\na: 1\n...\n")).toEqual({ a: 1 })
  })

  test("empty, blank, comments-only and empty-document inputs are refused, saying why", () => {
    expect(yaml("").findings[0]?.message).toBe("the input is empty: there is no YAML document")
    expect(yaml(" \n\n").findings[0]?.message).toBe("the input is empty: there is no YAML document")
    expect(yaml("# a\n  # b\n").findings[0]?.message).toBe("the input holds only comments: there is no YAML document")
    expect(yaml("# a\n---\n# b\n").findings[0]?.message).toBe("the YAML document is empty: it holds no value")
  })
})

describe("keys must be scalars", () => {
  test("a sequence or mapping as a key is refused", () => {
    expect(rules("? [a, b]\n: 1\n")).toEqual(["syntax"])
    expect(rules("? {a: 1}\n: 1\n")).toEqual(["syntax"])
    expect(yaml("? [a]\n: 1\n").findings[0]?.message).toBe("a key must be a scalar, not a list, at line 1, column 3")
  })

  test("an empty key is the empty string", () => {
    expect(dataOf(": x\n")).toEqual({ "": "x" })
  })
})

describe("syntax errors of the YAML library", () => {
  test.each([
    ["a:\n\tb: 1\n", 2, 1, "indent with spaces"],
    ['a: "open\n', 2, 1, "close the quote or bracket"],
    ["a: b: c\n", 1, 4, "quote a value that contains `: `"],
    ["a:\n  - b\n c: 1\n", 3, 1, "align the items of one list or mapping at the same column"],
    [
      "a:\n  - b: [unclosed\n    c: 1\n",
      3,
      5,
      "close the `[` or `{` on its line (or indent its next lines past the key)",
    ],
    ["a:\n  b: {x: 1\n  c: 1\n", 3, 3, "close the `[` or `{` on its line (or indent its next lines past the key)"],
    ["x: @foo\n", 1, 4, "quote the value"],
    // The package's composer drops `a: 1` here without a word: refused, not lost.
    ['? "k"a: 1\n', 1, 6, "write `? key` on one line and `: value` on the next, or drop the `?`"],
  ])("%j", (text, line, column, hint) => {
    const result = yaml(text)
    expect(result.document).toBeUndefined()
    const first = result.findings[0]!
    expect(first.rule).toBe("syntax")
    expect(first.position).toEqual({ line, column })
    expect(first.message).toContain(`at line ${line}, column ${column}`)
    expect(first.message.length).toBeLessThanOrEqual(120)
    expect(first.hint).toBe(hint)
  })

  test("cascading errors of one defect give one finding per line", () => {
    const result = yaml("- a\nb: 1\n")
    expect(result.findings.map((f) => f.position!.line)).toEqual([2])
  })

  test("defects on separate lines give separate findings", () => {
    const result = yaml('a: "x\nb:\n\tc: 1\n')
    expect(result.findings.length).toBeGreaterThanOrEqual(1)
    for (const f of result.findings) expect(f.rule).toBe("syntax")
  })
})

describe("limits", () => {
  const nestedMaps = (depth: number): string => {
    let text = ""
    for (let i = 0; i < depth; i++) text += `${"  ".repeat(i)}k${i}:\n`
    return `${text}${"  ".repeat(depth)}leaf\n`
  }

  test("depth exactly at the limit passes, one more is refused", () => {
    // k0 … k63 → 64 nested mappings.
    expect(rules(nestedMaps(64))).toEqual([])
    expect(rules(nestedMaps(65))).toEqual(["document-limit"])
    expect(rules(`${"[".repeat(64)}${"]".repeat(64)}`)).toEqual([])
    expect(rules(`${"[".repeat(65)}${"]".repeat(65)}`)).toEqual(["document-limit"])
  })

  test.each([
    ["[ × 5000", "[".repeat(5000)],
    ["{ × 5000", "{".repeat(5000)],
    ["[ ] × 5000", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["- × 5000", `${"- ".repeat(5000)}x`],
    ["indentation × 5000", Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")],
    ["[ × 100k", "[".repeat(100_000)],
  ])("%s: document-limit, no RangeError", (_, text) => {
    const started = performance.now()
    const result = yaml(text)
    expect(result.findings.map((f) => f.rule)).toEqual(["document-limit"])
    expect(performance.now() - started).toBeLessThan(2000)
  })

  test("a caller's maxDepth is capped at 256: 256 levels parse (even on a deep stack), 257 are refused", () => {
    const onDeepStack = <A>(frames: number, f: () => A): A => (frames === 0 ? f() : onDeepStack(frames - 1, f))
    const flow = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`
    const block = (n: number) => `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} x\n`
    expect(onDeepStack(2000, () => rules(flow(256), { maxDepth: 100_000 }))).toEqual([])
    expect(onDeepStack(2000, () => rules(block(256), { maxDepth: 100_000 }))).toEqual([])
    expect(rules(flow(257), { maxDepth: 100_000 })).toEqual(["document-limit"])
    expect(rules(flow(5000), { maxDepth: 100_000 })).toEqual(["document-limit"])
  })

  test("node, string and key limits", () => {
    expect(rules("[1, 2, 3]", { maxNodes: 4 })).toEqual([])
    expect(rules("[1, 2, 3, 4]", { maxNodes: 4 })).toEqual(["document-limit"])
    expect(rules(`a: ${"x".repeat(100)}\n`, { maxStringLength: 100 })).toEqual([])
    expect(rules(`a: ${"x".repeat(101)}\n`, { maxStringLength: 100 })).toEqual(["document-limit"])
    expect(rules(`${"k".repeat(10)}: 1\n`, { maxKeyLength: 10 })).toEqual([])
    expect(rules(`${"k".repeat(11)}: 1\n`, { maxKeyLength: 10 })).toEqual(["document-limit"])
  })

  test("a huge sequence is refused by the node limit while lexing, before the YAML library builds it", () => {
    const items = "- 1\n".repeat(200_000)
    const started = performance.now()
    const result = yaml(items, { maxNodes: 1000 })
    expect(result.findings.map((f) => [f.rule, f.message, f.position!.line])).toEqual([
      ["document-limit", "the document has more than 1000 values, the limit", 1001],
    ])
    expect(performance.now() - started).toBeLessThan(5000) // ~10 ms; a full parse of these 800 KB takes seconds
    expect(rules(`[${"1,".repeat(2000)}1]`, { maxNodes: 1000 })).toEqual(["document-limit"])
    expect(rules(Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join("\n"), { maxNodes: 1000 })).toEqual([
      "document-limit",
    ])
  })

  test("the lexing bound never refuses what the node limit allows", () => {
    // 3 values + the root: exactly 4 nodes, in every notation.
    for (const text of [
      "- a\n- b\n- c\n",
      "[a, b, c,]",
      "{a: 1, b: 2, c: 3}",
      "a: 1\nb: 2\nc: 3\n",
      "[a: 1, b]",
      "{a, b, c}",
    ]) {
      expect(rules(text, { maxNodes: 4 }), text).toEqual([])
    }
  })
})

describe("messages", () => {
  test("offending text is truncated and escaped", () => {
    const key = `${"k".repeat(200)}\u200b`
    const result = yaml(`${key}: 1\n${key}: 2\n`)
    const message = result.findings[0]!.message
    expect(message.length).toBeLessThanOrEqual(120)
    expect(message).toContain("…")
    const invisible = yaml("a\u200bb: 1\na\u200bb: 2\n").findings[0]!.message
    expect(invisible).toBe("duplicate key `a\\u200bb` (first at line 1): the first value is kept")
  })
})

/**
 * The fast path's subset, case by case: what it reads itself (to the full path's outcome exactly), and
 * each construct it leaves to the full path (`parseYamlFast` answers `undefined`, and `parseYaml`
 * then gives the full path's outcome).
 */
import { describe, expect, test } from "vitest"
import { LineIndex } from "../../src/internal/source-lines.js"
import { parseYaml, parseYamlFull } from "../../src/internal/source-yaml.js"
import { parseYamlFast } from "../../src/internal/source-yaml-fast.js"
import { defaultLimits, type Limits } from "../../src/Limits.js"
import { compare, difference } from "./fast-same-outcome.js"

const fastValue = (text: string, limits: Limits = defaultLimits): unknown => {
  const { fast } = compare(text, limits)
  expect(fast, "the fast path bailed out").toBeDefined()
  return fast?.value?.value
}

describe("read by the fast path, as the full path reads it", () => {
  test.each([
    ["block mapping", "a: 1\nb: x\n", { a: 1, b: "x" }],
    ["nested mappings, comments and blank lines", "# top\na:\n  # in\n  b: 1 # end\n\n  c: 2\n", { a: { b: 1, c: 2 } }],
    ["a sequence at its key's indent", "a:\n- x\n- y\nb: 1\n", { a: ["x", "y"], b: 1 }],
    ["an indented sequence", "a:\n  - x\n  - y\n", { a: ["x", "y"] }],
    [
      "compact mappings in a sequence",
      "- a: 1\n  b: 2\n-   c: 3\n    d: 4\n",
      [
        { a: 1, b: 2 },
        { c: 3, d: 4 },
      ],
    ],
    ["a sequence in a compact mapping", "- a:\n  - x\n  b: 1\n", [{ a: ["x"], b: 1 }]],
    ["sequences of sequences", "- - a\n  - b\n- c\n", [["a", "b"], "c"]],
    ["empty values", "a:\nb:   # c\nc: ~\n", { a: null, b: null, c: null }],
    ["a document start", "# c\n--- # amp:ignore\na: 1\n", { a: 1 }],
    [
      "core schema scalars",
      "a: -0\nb: 0o17\nc: 0x1F\nd: +5\ne: 1.50\nf: 1e3\ng: .5\nh: True\ni: NULL\nj: tRue\n",
      {
        a: -0,
        b: 15,
        c: 31,
        d: 5,
        e: 1.5,
        f: 1000,
        g: 0.5,
        h: true,
        i: null,
        j: "tRue",
      },
    ],
    [
      "plain scalars with indicators inside",
      "a: b:c\nb: x#y\nc: http://x/#y\nd: a, b]\ne: -x\n",
      {
        a: "b:c",
        b: "x#y",
        c: "http://x/#y",
        d: "a, b]",
        e: "-x",
      },
    ],
    [
      "keys",
      "a b: 1\n\"q\": 2\n'it''s': 3\nk:k: 4\n-x: 5\na[0]: 6\n",
      {
        "a b": 1,
        q: 2,
        "it's": 3,
        "k:k": 4,
        "-x": 5,
        "a[0]": 6,
      },
    ],
    [
      "double-quoted escapes",
      'a: "\\x41\\u00e9\\U0001F600\\n\\t\\"\\\\\\/\\0\\L\\_ \\e"\n',
      {
        a: 'Aé😀\n\t"\\/\0\u2028\u00a0 \x1b',
      },
    ],
    ["single quotes", "a: 'it''s # not a comment'\n", { a: "it's # not a comment" }],
    ["folded plain scalars", "a: one\n  two\n   three # c\nb: 1\n", { a: "one two three", b: 1 }],
    [
      "flow collections on one line",
      "a: [x, 'y', \"z\", [1], {k: v}]\nb: { p: [ ], q: {} }\n",
      {
        a: ["x", "y", "z", [1], { k: "v" }],
        b: { p: [], q: {} },
      },
    ],
    ["a flow collection at the root", "[a, {b: 1}] # c\n", ["a", { b: 1 }]],
    ["an item on the next lines", "-\n  a: 1\n- # c\n  - x\n", [{ a: 1 }, ["x"]]],
    [
      "anchors on collections and their aliases",
      "a: &x\n  b: [1, {c: 2}]\nd: &y []\ne:\n- *x\n- &z # c\n  f: *y\n- *z\n",
      { a: { b: [1, { c: 2 }] }, d: [], e: [{ b: [1, { c: 2 }] }, { f: [] }, { f: [] }] },
    ],
    [
      "YAML 1.1 scalars (reported)",
      "a: yes\nb: 0755\nc: 1:30\nd: 1_000\n",
      { a: "yes", b: 755, c: "1:30", d: "1_000" },
    ],
  ])("%s", (_name, text, expected) => {
    expect(fastValue(text)).toEqual(expected)
  })

  test("`__proto__` is an own property; duplicate keys keep the first value, with the full path's finding", () => {
    const { fast } = compare("__proto__: {polluted: 1}\na: 1\na: 2\nm: {k: 1, k: 2}\n")
    const value = fast?.value?.value as Record<string, unknown>
    expect(Object.hasOwn(value, "__proto__")).toBe(true)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(fast?.findings.map((f) => [f.rule, f.pointer, f.position])).toEqual([
      ["duplicate-key", "/a", { line: 3, column: 1 }],
      ["duplicate-key", "/m/k", { line: 4, column: 11 }],
    ])
    // A number that is not finite in the discarded duplicate still counts: no document.
    const { fast: invalid } = compare("a: 1\na: {b: .inf}\n")
    expect(invalid?.value).toBeUndefined()
    expect(invalid?.findings.map((f) => f.rule)).toEqual(["duplicate-key", "invalid-value"])
  })

  test.each([
    "\u00a0a: 1\n",
    "a: b \u00a0\n",
    "a: x\n \u00a0y\n",
    "a: [x\u00a0, y]\n",
    "{a\u00a0: 1}\n",
    "\u3000a: \ufeff\n",
    "a: 1\n  2\n",
    "a: ~\n  x #c\n",
    "- b\n  c\n",
    "-: 1\n",
    "- -: 1\n",
    "a: --\nb: ---\nc: 1 #\n#\n",
  ])("whitespace other than spaces is content; odd but plain: %j", (text) => {
    expect(compare(text).fast).toBeDefined()
  })

  test("an alias is a copy, located at its anchored collection, charged against the limits", () => {
    const text = "a: &x\n  b: 1\nc: *x\nd: *x\n"
    const { fast } = compare(text)
    const value = fast?.value?.value as { a: unknown; c: unknown; d: unknown }
    expect(value.c).toEqual(value.a)
    expect(value.c).not.toBe(value.a)
    expect(value.d).not.toBe(value.c)
    // The root, `a` and `b`, then 2 nodes for each copy: 7 nodes. At maxNodes 6 the full path stops.
    expect(compare(text, { ...defaultLimits, maxNodes: 7 }).fast).toBeDefined()
    const tight = compare(text, { ...defaultLimits, maxNodes: 6 })
    expect(tight.fast).toBeUndefined()
    expect(tight.full.findings.map((f) => f.rule)).toEqual(["alias-limit"])
  })

  test("invalid values: the full path's findings, and no document", () => {
    const text = "a: .inf\nb: [-.Inf, .NaN]\nc: 1e400\nd: 9007199254740993\ne: 0x20000000000001\nf: -.nan\n"
    const { fast } = compare(text)
    expect(fast?.value).toBeUndefined()
    expect(fast?.findings.map((f) => f.message)).toEqual([
      "number `.inf` is not a finite number",
      "number `-.Inf` is not a finite number",
      "number `.NaN` is not a finite number",
      "number `1e400` is too large to be a finite number",
      "integer `9007199254740993` is outside ±(2^53−1) and would lose precision",
      "integer `0x20000000000001` is outside ±(2^53−1) and would lose precision",
    ])
  })

  test("directives and YAML 1.1 readings with their pointers", () => {
    const text = "# amp:ignore\na: # amp:ignore[x, y]\n  - on # amp:ignore[z] because\n  - {k: 010}\n"
    const { fast } = compare(text)
    expect(fast?.directives).toEqual([
      { line: 1, standalone: true, rules: "all" },
      { line: 2, standalone: false, rules: ["x", "y"] },
      { line: 3, standalone: false, rules: ["z"] },
    ])
    expect(fast?.yaml11Scalars).toEqual([
      { pointer: "/a/0", source: "on", as: "boolean" },
      { pointer: "/a/1/k", source: "010", as: "octal" },
    ])
  })
})

describe("left to the full path", () => {
  const long = "k".repeat(1001)
  test.each([
    ["a tab in the indentation", "a:\n\tb: 1\n"],
    ["a tab anywhere", "a: 'x\ty'\n"],
    ["a merge key", "a: {x: 1}\nb:\n  <<: {y: 2}\n"],
    ["a merge key in a flow mapping", "b: {<<: {y: 2}}\n"],
    ["a tag", "a: !!str 1\n"],
    ["a local tag", "a: !x 1\n"],
    ["a %YAML directive", "%YAML 1.2\n---\na: 1\n"],
    ["a literal block scalar", "a: |\n  x\n"],
    ["a folded block scalar", "a: >-\n  x\n"],
    ["a multi-line double-quoted scalar", 'a: "x\n  y"\n'],
    ["a multi-line single-quoted scalar", "a: 'x\n  y'\n"],
    ["a blank line inside a plain scalar", "a: x\n\n  y\n"],
    ["a multi-line flow collection", "a: [x,\n  y]\n"],
    ["a complex key", "? a\n: b\n"],
    ["a flow collection as a key", "[a]: b\n"],
    ["an empty sequence item", "- \n- x\n"],
    ["an anchor on a scalar", "a: &x 1\n"],
    ["an anchor on a key", "&x a: 1\n"],
    ["an anchor on an empty value", "a: &x\nb: 1\n"],
    ["an anchor on a compact mapping", "- &x a: 1\n"],
    ["an alias before its anchor", "a: *x\nb: &x [1]\n"],
    ["an alias inside its own anchor", "a: &x\n  b: *x\n"],
    ["an alias in a flow collection", "a: &x [1]\nb: [*x]\n"],
    ["an alias as a key", "a: &x [1]\n*x : 2\n"],
    ["an anchor name with other characters", "a: &x.y [1]\nb: *x.y\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["two documents", "a: 1\n---\nb: 2\n"],
    ["content after the document start", "--- a: 1\n"],
    ["an empty document", "# only a comment\n"],
    ["no text", ""],
    ["a scalar at the root", "hello\n"],
    ["a quoted scalar at the root", '"q"\n'],
    ["a key over 1,000 characters", `${long}: 1\n`],
    ["an invalid escape", 'a: "\\q"\n'],
    ["a short hex escape", 'a: "\\x4"\n'],
    ["an escape past U+10FFFF", 'a: "\\U00110000"\n'],
    ["a mapping on a value's line", "a: b: c\n"],
    ["a sequence on a key's line", "a: - b\n"],
    ["an indicator starting a plain scalar", "a: @x\n"],
    ["a reserved backtick", "a: `x\n"],
    ["a comma starting a plain scalar", "a: ,x\n"],
    ["a comment glued to a quoted scalar", 'a: "x"#c\n'],
    ["text after a quoted scalar", 'a: "x" y\n'],
    ["a quoted key glued to its value", '"a":b\n'],
    ["a trailing comma in a flow sequence", "a: [x, ]\n"],
    ["an empty flow entry", "a: [x, , y]\n"],
    ["a flow mapping key without a value", "a: {x, y: 1}\n"],
    ["a pair in a flow sequence", "a: [x: 1]\n"],
    ["a colon in a flow plain scalar", "a: [http://x]\n"],
    ["a hash in a flow plain scalar", "a: [x#y]\n"],
    ["a scalar on the line after its key", "a:\n  b\n"],
    ["a misaligned key", "a:\n  b: 1\n c: 2\n"],
    ["a key more indented than its siblings", "a: 1\n  b: 2\n"],
    ["an item followed by a deeper mapping", "- x\n  y: 1\n"],
    ["an empty key", ": v\n"],
  ])("%s", (_name, text) => {
    const lines = new LineIndex(text)
    expect(parseYamlFast(text, defaultLimits, lines)).toBeUndefined()
    expect(difference(parseYaml(text, defaultLimits, lines), parseYamlFull(text, defaultLimits, lines))).toBe(undefined)
  })

  test.each([
    ["nesting within 5 levels of maxDepth", "a:\n  b:\n    c: 1\n", { maxDepth: 7 }],
    ["more values than maxNodes", "a: 1\nb: 2\n", { maxNodes: 2 }],
    ["a string over maxStringLength", "a: abcd\n", { maxStringLength: 3 }],
    ["a quoted string over maxStringLength", "a: 'abcd'\n", { maxStringLength: 3 }],
    ["a key over maxKeyLength", "abcd: 1\n", { maxKeyLength: 3 }],
  ])("near a limit: %s", (_name, text, over) => {
    const limits = { ...defaultLimits, ...over }
    expect(parseYamlFast(text, limits, new LineIndex(text))).toBeUndefined()
    // One notch looser and the fast path reads it (the limits are the only reason).
    const key = Object.keys(over)[0] as keyof Limits
    const looser = { ...limits, [key]: limits[key] + 1 }
    expect(compare(text, looser).fast).toBeDefined()
  })
})

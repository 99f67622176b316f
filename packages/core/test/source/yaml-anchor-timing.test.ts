/**
 * Anchor timing (issue #6 follow-up): an anchor is defined when its node STARTS, as YAML 1.2 and
 * go-yaml v3 (the server's parser: `p.anchor(n, …)` runs before a mapping's or sequence's children)
 * read it. So a later `&A` inside the node redefines `A` for what follows, and an alias inside the
 * node to its own anchor is refused as go-yaml refuses it ("anchor 'A' value contains itself").
 * The Composer-based path (the oracle) defined anchors when their node ENDED: each case below also
 * pins what the oracle gave, so the intended difference is explicit. The fast path and the full
 * path agree (the fast path answers the block cases itself, and bails to the full path on an alias
 * to a pending anchor).
 */
import { describe, expect, it } from "vitest"
import { LineIndex } from "../../src/internal/source-lines.js"
import { parseYaml, parseYamlFull, type YamlOutcome } from "../../src/internal/source-yaml.js"
import { parseYamlFast } from "../../src/internal/source-yaml-fast.js"
import { defaultLimits } from "../../src/Limits.js"
import { compare } from "./fast-same-outcome.js"
import { anchorTimingMatters } from "./full-vs-oracle.js"
import { parseYamlOracle } from "./oracle/source-yaml-oracle.js"

const run = (f: typeof parseYamlFull, text: string): YamlOutcome => f(text, defaultLimits, new LineIndex(text))
const full = (text: string) => run(parseYamlFull, text)
const oracle = (text: string) => run(parseYamlOracle, text)
const brief = (o: YamlOutcome) => o.findings.map((f) => [f.rule, f.position.line, f.pointer])

describe("an anchor redefined inside its own node", () => {
  it.each([
    ["flow", "a: &A {b: &A [1]}\nc: *A\n"],
    ["block", "a: &A\n  b: &A\n    - 1\nc: *A\n"],
    ["block, sequence", "- &A\n  - &A {x: 1}\n- *A\n"],
  ])("%s: the inner definition stands after the node", (_, text) => {
    expect(anchorTimingMatters(text)).toBe(true)
    const got = full(text)
    const value = got.value?.value as Record<string, unknown> | Array<unknown>
    const alias = Array.isArray(value) ? value[1] : value.c
    const inner = Array.isArray(value) ? (value[0] as Array<unknown>)[0] : (value.a as Record<string, unknown>).b
    expect(alias).toEqual(inner)
    expect(got.findings).toEqual([])
    expect(run(parseYaml, text)).toEqual(got)
    // The oracle defined A at the end of the outer node: the alias copied the outer node.
    const old = oracle(text).value?.value as Record<string, unknown> | Array<unknown>
    expect(Array.isArray(old) ? old[1] : old.c).toEqual(Array.isArray(old) ? old[0] : old.a)
  })

  it("the fast path answers the block case with the same outcome as the full path", () => {
    const text = "a: &A\n  b: &A\n    - 1\nc: *A\n"
    expect(parseYamlFast(text, defaultLimits, new LineIndex(text))).toBeDefined()
    compare(text)
    expect(full(text).value?.value).toEqual({ a: { b: [1] }, c: [1] })
  })

  it("a sibling redefinition inside the node also stands", () => {
    const text = "a: &A {b: 1, c: &A 2}\nd: *A\n"
    expect(full(text).value?.value).toEqual({ a: { b: 1, c: 2 }, d: 2 })
    expect(oracle(text).value?.value).toEqual({ a: { b: 1, c: 2 }, d: { b: 1, c: 2 } })
  })

  it("a redefinition after the node is an ordinary redefinition (no change)", () => {
    const text = "a: &A [1]\nb: &A [2]\nc: *A\n"
    expect(full(text)).toEqual(oracle(text))
    expect(full(text).value?.value).toEqual({ a: [1], b: [2], c: [2] })
  })
})

describe("an alias inside the node its anchor names (go-yaml: the value contains itself)", () => {
  it.each([
    ["flow sequence", "a: &A [*A]\n", 1],
    ["block mapping", "a: &A\n  b: *A\n", 2],
    ["merge key", "a: &A\n  x: 1\n  <<: *A\n", 3],
    ["merge list", "a: &A {x: 1, <<: [*A]}\n", 1],
    ["as a key", "a: &A\n  ? *A\n  : 1\n", 2],
    ["deeper", "a: &A\n  b:\n    - c: [*A]\n", 3],
  ])("%s: a syntax finding at the alias, no document", (_, text, line) => {
    const got = full(text)
    expect(got.value).toBeUndefined()
    const selfRef = got.findings.filter((f) => f.message.includes("a value cannot contain itself"))
    expect(selfRef.map((f) => [f.rule, f.position.line])).toEqual([["syntax", line]])
    expect(run(parseYaml, text)).toEqual(got)
    // The fast path never answers these (it bails to the full path).
    expect(parseYamlFast(text, defaultLimits, new LineIndex(text))).toBeUndefined()
  })

  it("with no earlier anchor, the oracle called it an undefined alias: same rule and line, new message", () => {
    const text = "a: &A [*A]\n"
    expect(brief(full(text))).toEqual(brief(oracle(text)))
    expect(oracle(text).findings[0]?.message).toMatch(/has no anchor/)
    expect(full(text).findings[0]?.message).toBe(
      "alias `*A` is inside the node anchored `&A`: a value cannot contain itself",
    )
  })

  it("with an earlier anchor of that name, the oracle used it; now it is refused", () => {
    const text = "x: &A 1\ny: &A [*A]\n"
    expect(oracle(text).value?.value).toEqual({ x: 1, y: [1] })
    expect(full(text).value).toBeUndefined()
    expect(brief(full(text))).toEqual([["syntax", 2, "/y/0"]])
  })

  it("an alias after the anchored node closes is fine (no change)", () => {
    const text = "a: &A\n  b: 1\nc: *A\n"
    expect(full(text)).toEqual(oracle(text))
    expect(full(text).value?.value).toEqual({ a: { b: 1 }, c: { b: 1 } })
  })
})

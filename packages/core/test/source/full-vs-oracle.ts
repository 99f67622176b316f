/**
 * The check behind the differential tests of the full YAML path: run the new full path
 * (`parseYamlFull`: the `yaml` CST parser, then source-yaml-compose.ts) and the oracle (the frozen
 * Composer-based path, oracle/source-yaml-oracle.ts) on one text and classify the outcome:
 * - "same": the outcomes are identical, strictly (value with key order and own `__proto__`, position
 *   records, every field of every finding in order, YAML 1.1 readings, directives);
 * - "anchor-timing": the text defines an anchor inside a node with the same anchor, or has an alias
 *   inside the node its anchor names. There the intended change (anchors defined when their node
 *   starts, as go-yaml v3 reads them) may change the outcome; the two paths must still agree on
 *   whether the text is valid YAML (the same library `syntax` findings), and the new outcome must
 *   follow the go-yaml reading (checked by `expectGoYamlAnchors`);
 * - "refused": the text holds a tag or a `%` directive; both refuse it with the same tag and
 *   directive findings and neither yields a value (the rest may differ: the oracle gave tagged nodes
 *   the package's tag semantics, `!!set`, `!!omap`, `!!binary` …, which the new path does not model).
 * - "explicit-key-content": content after an explicit key's node with no `:` before it
 *   (`? "k"a: 1`), which the package's composer drops without a word: the new path refuses the text
 *   with that finding and yields no value.
 * Anything else fails the test.
 */
import { expect } from "vitest"
import { isAlias, isNode, parseDocument, visit } from "yaml"
import type { SourceFinding } from "../../src/internal/source-finding.js"
import { LineIndex } from "../../src/internal/source-lines.js"
import { parseYamlFull, type YamlOutcome } from "../../src/internal/source-yaml.js"
import { defaultLimits, type Limits } from "../../src/Limits.js"
import { difference } from "./fast-same-outcome.js"
import { parseYamlOracle } from "./oracle/source-yaml-oracle.js"

export type Verdict = "same" | "anchor-timing" | "refused" | "explicit-key-content"

/** A refusal of a tag or a directive, as the lexeme check words it. */
const refusal = (f: SourceFinding): boolean =>
  f.rule === "syntax" &&
  (/^tag `.*` at .* is not allowed$/s.test(f.message) ||
    / is not allowed: ampkit reads YAML 1\.2 only$/.test(f.message))

/** The start of the new path's finding for content the package's composer drops (`? "k"a: 1`). */
const explicitKeyContent = "Content after an explicit key must start on its own line"

/** Whether anchor timing can matter in `text`: an alias or an anchor inside a node anchored with that name. */
export const anchorTimingMatters = (text: string): boolean => {
  if (!/&/.test(text)) return false
  let matters = false
  const docs = parseDocument(text, { uniqueKeys: false, strict: false })
  visit(docs, (_key, node, path) => {
    const name = isAlias(node) ? node.source : isNode(node) ? node.anchor : undefined
    if (name === undefined) return
    for (const ancestor of path) {
      if (isNode(ancestor) && ancestor.anchor === name) {
        matters = true
        return visit.BREAK
      }
    }
    return undefined
  })
  return matters
}

/** The library's `syntax` findings (those with a position, not the walk's): where the two paths agree on validity. */
const librarySyntax = (o: YamlOutcome): Array<string> =>
  o.findings
    .filter(
      (f) => f.rule === "syntax" && / at line \d+, column \d+$/.test(f.message) && !f.message.startsWith("a key "),
    )
    .map((f) => f.message)

export interface Differential {
  readonly verdict: Verdict
  readonly full: YamlOutcome
  readonly oracle: YamlOutcome
}

/** Compare the new full path with the oracle on `text` (prepared as parseYaml receives it). */
export const differential = (text: string, limits: Limits = defaultLimits): Differential => {
  const full = parseYamlFull(text, limits, new LineIndex(text))
  const oracle = parseYamlOracle(text, limits, new LineIndex(text))
  const d = difference(full, oracle)
  if (d === undefined) return { verdict: "same", full, oracle }
  const context = `${d}\nfor ${JSON.stringify(text)} under ${JSON.stringify(limits)}\nnew: ${JSON.stringify(full.findings)}\noracle: ${JSON.stringify(oracle.findings)}`
  if (oracle.findings.some(refusal)) {
    expect(full.value, context).toBe(undefined)
    expect(full.findings.filter(refusal), context).toEqual(oracle.findings.filter(refusal))
    return { verdict: "refused", full, oracle }
  }
  if (full.findings.some((f) => f.rule === "syntax" && f.message.startsWith(explicitKeyContent))) {
    expect(full.value, context).toBe(undefined)
    return { verdict: "explicit-key-content", full, oracle }
  }
  if (anchorTimingMatters(text)) {
    expect(librarySyntax(full), context).toEqual(librarySyntax(oracle))
    return { verdict: "anchor-timing", full, oracle }
  }
  expect(d, context).toBe(undefined)
  return { verdict: "same", full, oracle }
}

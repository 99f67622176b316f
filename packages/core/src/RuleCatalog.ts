/**
 * Every rule id a diagnostic can carry, with a one-line summary: the parser's, the shape decoder's,
 * the semantic registry's and the suppression step's. Docs and SARIF rule tables are generated from
 * this list.
 */
import type { Severity } from "./Diagnostic.js"
import { rules } from "./rules/index.js"

export interface RuleDescription {
  readonly id: string
  readonly summary: string
  /** Severity of its diagnostics (`yaml-compat` may also warn: see its summary). */
  readonly severity: Severity
  /**
   * Who reports it: the parser, the shape decoder (from the Effect schemas), a semantic rule, or the
   * suppression step of Validate.ts (about the `# amp:ignore` comments themselves).
   */
  readonly source: "parser" | "shape" | "rule" | "suppression"
}

const parserAndShape: ReadonlyArray<RuleDescription> = [
  { id: "syntax", summary: "The text is not parseable as YAML 1.2 or JSON.", severity: "error", source: "parser" },
  {
    id: "duplicate-key",
    summary: "A mapping holds the same key twice (a later value would silently win).",
    severity: "error",
    source: "parser",
  },
  {
    id: "alias-limit",
    summary: "YAML alias expansion goes over the node budget (alias bombs).",
    severity: "error",
    source: "parser",
  },
  {
    id: "document-limit",
    summary: "The input is over the size, depth or node-count limits.",
    severity: "error",
    source: "parser",
  },
  { id: "missing-key", summary: "A required key is absent.", severity: "error", source: "shape" },
  { id: "wrong-type", summary: "A value has the wrong JSON type.", severity: "error", source: "shape" },
  { id: "invalid-value", summary: "A value is outside its enum or format.", severity: "error", source: "shape" },
  {
    id: "unknown-key",
    summary: "A key the manifest schema does not define (Ampersand drops it silently).",
    severity: "warning",
    source: "shape",
  },
]

/** Reported by Validate.ts's suppression step, after every other finding went through the directives. */
const suppression: ReadonlyArray<RuleDescription> = [
  {
    id: "ignore-directive",
    summary:
      "An `# amp:ignore` that does nothing: it names an unknown id or an error-only rule, or suppresses nothing.",
    severity: "warning",
    source: "suppression",
  },
]

/** All rule ids, in catalog order, each once. */
export const ruleDescriptions: ReadonlyArray<RuleDescription> = (() => {
  const seen = new Set<string>()
  const out: Array<RuleDescription> = []
  for (const r of [...parserAndShape, ...rules, ...suppression]) {
    if (seen.has(r.id)) continue
    seen.add(r.id)
    out.push({ id: r.id, summary: r.summary, severity: r.severity, source: "source" in r ? r.source : "rule" })
  }
  return out
})()

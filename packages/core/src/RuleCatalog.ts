/**
 * Every rule id a diagnostic can carry, with a one-line summary: the parser's, the shape decoder's
 * and the semantic registry's. Docs and SARIF rule tables are generated from this list.
 */
import { rules } from "./rules/index.js"

export interface RuleDescription {
  readonly id: string
  readonly summary: string
}

const parserAndShape: ReadonlyArray<RuleDescription> = [
  { id: "syntax", summary: "The text is not parseable as YAML 1.2 or JSON." },
  { id: "duplicate-key", summary: "A mapping holds the same key twice (a later value would silently win)." },
  { id: "alias-limit", summary: "YAML alias expansion goes over the node budget (alias bombs)." },
  { id: "document-limit", summary: "The input is over the size, depth or node-count limits." },
  { id: "missing-key", summary: "A required key is absent." },
  { id: "wrong-type", summary: "A value has the wrong JSON type." },
  { id: "invalid-value", summary: "A value is outside its enum or format." },
  { id: "unknown-key", summary: "A key the manifest schema does not define (Ampersand drops it silently)." },
]

/** All rule ids, in catalog order, each once. */
export const ruleDescriptions: ReadonlyArray<RuleDescription> = (() => {
  const seen = new Set<string>()
  const out: Array<RuleDescription> = []
  for (const r of [...parserAndShape, ...rules]) {
    if (seen.has(r.id)) continue
    seen.add(r.id)
    out.push({ id: r.id, summary: r.summary })
  }
  return out
})()

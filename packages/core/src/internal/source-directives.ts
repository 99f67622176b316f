/**
 * Suppression directives: `# amp:ignore` (every rule) and `# amp:ignore[rule-a, rule-b]`, the syntax of
 * Ampersand's validator (amp-yaml-validator, parser/directive.go).
 *
 * Recognised when the comment text, after `#` and spaces, starts with `amp:ignore` followed by the end,
 * a space or `[`; anything after the directive is free text (`# amp:ignore[x] flaky provider`). Unlike
 * the Go validator, which matches `amp:ignore` anywhere in a comment, a comment that merely mentions it
 * (`# Example: using amp:ignore directives`) is not a directive. As in the Go validator, empty or
 * unclosed brackets (`amp:ignore[]`) mean every rule.
 */
import type { Directive } from "../Source.js"

const directive = /^#[ \t]*amp:ignore(?=$|[ \t[])(?:\[([^\]]*)\])?/

/** The rules of a comment's directive (`"all"` for a bare one), or undefined when it holds none. */
export const directiveRules = (comment: string): Directive["rules"] | undefined => {
  const m = directive.exec(comment)
  if (m === null) return undefined
  const rules = (m[1] ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "")
  return rules.length === 0 ? "all" : rules
}

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
import type { Directive, SourceDocument } from "../Source.js"
import { parent } from "./pointer.js"

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

/** A directive and the line of the key it covers. */
export interface DirectiveAt {
  readonly directive: Directive
  readonly target: number
}

/**
 * Directives by the line of the key each covers: its own line, or (alone on its line) the next line
 * that is not blank or a comment. Directives come in source order: a run of comment lines is scanned
 * once, not once per directive in it.
 */
export const directivesByTarget = (
  lines: ReadonlyArray<string>,
  directives: ReadonlyArray<Directive>,
): Map<number, Array<DirectiveAt>> => {
  const out = new Map<number, Array<DirectiveAt>>()
  // The line that ends the last run of blank and comment lines scanned: a directive above it (a later
  // one in that run, as directives come in source order) covers that line too.
  let scanned = 0
  for (const directive of directives) {
    let target = directive.line
    if (directive.standalone) {
      if (target < scanned) target = scanned
      else {
        do target++
        while (target <= lines.length && /^\s*(#.*)?$/.test(lines[target - 1] ?? ""))
        scanned = target
      }
    }
    const list = out.get(target)
    if (list === undefined) out.set(target, [{ directive, target }])
    else list.push({ directive, target })
  }
  return out
}

/**
 * Visit what `byLine` holds for the key line of the node at `pointer` and for each of its ancestors'
 * (never the root's): once per such line, however many directives it holds. (Validate.ts walks the
 * same lines inline, so that the browser bundle, which leaves out the report, does without this.)
 */
export const forEachCovering = <T>(
  document: SourceDocument,
  byLine: ReadonlyMap<number, T>,
  pointer: string,
  visit: (covering: T, line: number) => void,
): void => {
  for (let p: string | undefined = pointer; p !== undefined && p !== ""; p = parent(p)) {
    const line = document.locate(p, "key").line
    const covering = byLine.get(line)
    if (covering !== undefined) visit(covering, line)
  }
}

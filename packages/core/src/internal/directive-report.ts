/**
 * What `# amp:ignore` directives did wrong in a run (`ignore-directive`, see Validate.ts `suppressionOf`,
 * which records what each directive suppressed): the findings, once every other finding went through
 * the directives. Its own module so that a bundle may leave it out (the browser bundle does: ≈1.3 KiB
 * gzip, scripts/bundle.mjs in packages/browser); Validate.ts caps its findings like any rule's.
 */
import { ampersandOnlyRules, ampkitCounterparts } from "../AmpersandRules.js"
import type { Diagnostic, Finding, Position } from "../Diagnostic.js"
import { rules } from "../rules/index.js"
import type { SourceDocument } from "../Source.js"
import { child } from "./pointer.js"
import { fitMessage, quote } from "./quote.js"
import { type DirectiveAt, forEachCovering } from "./source-directives.js"
import { suggest } from "./suggest.js"

type PositionedFinding = Finding & { readonly position?: Position }

/** The rule id of the findings about `# amp:ignore` comments (RuleCatalog.ts). */
export const ignoreDirective = "ignore-directive"

/** A directive with the line of the key it covers and what it did in this run. */
interface DirectiveUse extends DirectiveAt {
  /** The ids it names, each once (`"all"` for a bare directive). */
  readonly ids: ReadonlySet<string> | "all"
  /** The ids (`"all"` for a bare directive) that suppressed a warning or info. */
  readonly used: Set<string>
  /** The ids (`"all"` for a bare directive) that covered only errors. */
  readonly blocked: Set<string>
  /**
   * Ampersand ids it names whose ampkit counterpart (AmpersandRules.ts) it covers without naming it,
   * where that finding is not suppressed otherwise.
   */
  readonly missed: Set<string>
}

/**
 * The `ignore-directive` findings of a run, uncapped, directive by directive in source order, from the
 * run's other diagnostics: a directive covering a warning or info suppressed it (a diagnostic also
 * silenced by `--ignore` counts as suppressed by it), one covering only errors did nothing.
 */
export const reportDirectives = (
  document: SourceDocument,
  lines: ReadonlyArray<string>,
  directives: ReadonlyMap<number, ReadonlyArray<DirectiveAt>>,
  diagnostics: ReadonlyArray<Diagnostic>,
): Array<PositionedFinding> => {
  const byLine = usesOf(document, directives, diagnostics)
  const out: Array<PositionedFinding> = []
  let covers: Map<number, string> | undefined
  // Did-you-mean for the first `maxSuggestions` distinct unknown ids: bounded work whatever the text holds.
  const suggestions = new Map<string, string | undefined>()
  let candidates: Array<string> | undefined
  const suggestion = (id: string): string | undefined => {
    if (suggestions.has(id) || suggestions.size >= maxSuggestions) return suggestions.get(id)
    candidates ??= directiveRuleIds()
    const near = suggest(id, candidates)
    suggestions.set(id, near)
    return near
  }
  for (const uses of byLine.values())
    for (const use of uses) {
      let problems = directiveProblems(use)
      // Nothing wrong with its ids: it suppressed something, or it names only Ampersand's ids, and then
      // it is still reported when it covers no key (it does nothing for either validator).
      if (problems.length === 0 && use.used.size > 0) continue
      covers ??= coveredPointers(document, byLine)
      const pointer = covers.get(use.target)
      if (pointer === undefined) {
        // Nothing to cover: one finding says so, not one per id.
        const kept = problems.filter((p) => p.kind !== "unused" && p.kind !== "unused-all")
        if (kept.length < problems.length || problems.length === 0) problems = [...kept, { kind: "no-key" }]
      }
      if (problems.length === 0) continue
      const { line } = use.directive
      const position = { line, column: directiveColumn(lines[line - 1] ?? "") + 1 }
      for (const problem of problems) out.push(directiveFinding(problem, pointer, position, suggestion))
    }
  return out
}

/** What each directive did with the run's diagnostics (`ignore-directive` ones aside). */
const usesOf = (
  document: SourceDocument,
  directives: ReadonlyMap<number, ReadonlyArray<DirectiveAt>>,
  diagnostics: ReadonlyArray<Diagnostic>,
): Map<number, Array<DirectiveUse>> => {
  const byLine = new Map<number, Array<DirectiveUse>>()
  for (const [line, list] of directives)
    byLine.set(
      line,
      list.map((at) => ({
        ...at,
        ids: at.directive.rules === "all" ? "all" : new Set(at.directive.rules),
        used: new Set(),
        blocked: new Set(),
        missed: new Set(),
      })),
    )
  // The directives of a line take each rule's errors, and its warnings and infos, once: many findings
  // under many directives on one line cost findings + directives, not findings × directives.
  const seen = new Set<string>()
  for (const d of diagnostics) {
    if (d.rule === ignoreDirective) continue
    const error = d.severity === "error"
    // A finding suppressed anyway (by another directive or --ignore) is not missed by a directive
    // naming only Ampersand's id: the key tells the two apart, so a suppressed one seen first does not
    // hide an unsuppressed one of the same rule under the same line.
    const suppressed = d.suppressed
    forEachCovering(document, byLine, d.pointer, (uses, line) => {
      const key = `${line} ${error} ${suppressed} ${d.rule}`
      if (seen.has(key)) return
      seen.add(key)
      for (const use of uses) {
        const id = use.ids === "all" ? "all" : use.ids.has(d.rule) ? d.rule : undefined
        if (id !== undefined) (error ? use.blocked : use.used).add(id)
        else if (use.ids !== "all" && !suppressed)
          for (const [ampersand, ours] of ampkitCounterparts)
            if (ours === d.rule && use.ids.has(ampersand)) use.missed.add(ampersand)
      }
    })
  }
  return byLine
}

/**
 * The pointer of the node each directive covers, by line: the first (outermost) node, in document
 * order, whose key (an item's start, in a list) is on that line; the root is never covered. Stops as
 * soon as every line is found.
 */
const coveredPointers = (document: SourceDocument, byLine: ReadonlyMap<number, unknown>): Map<number, string> => {
  const out = new Map<number, string>()
  const stack: Array<readonly [unknown, string]> = [[document.value, ""]]
  while (stack.length > 0 && out.size < byLine.size) {
    const [value, pointer] = stack.pop() as readonly [unknown, string]
    if (pointer !== "") {
      const line = document.locate(pointer, "key").line
      if (byLine.has(line) && !out.has(line)) out.set(line, pointer)
    }
    if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], child(pointer, i)])
    else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        stack.push([(value as Record<string, unknown>)[key], child(pointer, key)])
      }
    }
  }
  return out
}

/**
 * Every rule id a directive may name, each with whether its findings are always errors (`yaml-compat`
 * also warns). The parser's and the shape decoder's ids are listed here: RuleCatalog.ts describes every
 * id, but its summaries are words the browser bundle leaves out, so it is not imported (a test keeps the
 * two in step).
 */
const errorOnlyRules = (): ReadonlyMap<string, boolean> => {
  if (errorOnlyCache !== undefined) return errorOnlyCache
  const out = new Map<string, boolean>([
    ["syntax", true],
    ["duplicate-key", true],
    ["alias-limit", true],
    ["document-limit", true],
    ["missing-key", true],
    ["wrong-type", true],
    ["invalid-value", true],
    ["unknown-key", false],
  ])
  for (const rule of rules)
    out.set(rule.id, (out.get(rule.id) ?? true) && rule.severity === "error" && rule.id !== "yaml-compat")
  out.set(ignoreDirective, false)
  errorOnlyCache = out
  return out
}
let errorOnlyCache: ReadonlyMap<string, boolean> | undefined

/**
 * The ids a directive can usefully name (did-you-mean candidates): every id but `ignore-directive`, then
 * Ampersand's (so that `destination-exist` gets `destination-exists`, not `destination-empty`; on a tie
 * ours come first).
 */
const directiveRuleIds = (): Array<string> => [
  ...[...errorOnlyRules().keys()].filter((id) => id !== ignoreDirective),
  ...ampersandOnlyRules.keys(),
]

/** Most unknown ids of one run that get a did-you-mean. */
const maxSuggestions = 100

type DirectiveProblem =
  | { readonly kind: "unknown" | "error-only" | "unused" | "only-errors" | "counterpart"; readonly id: string }
  | { readonly kind: "itself" | "unused-all" | "only-errors-all" | "no-key" }

/** What is wrong with a directive, once every finding went through it (empty: nothing). */
const directiveProblems = (use: DirectiveUse): Array<DirectiveProblem> => {
  if (use.ids === "all") {
    if (use.used.has("all")) return []
    return [{ kind: use.blocked.has("all") ? "only-errors-all" : "unused-all" }]
  }
  const out: Array<DirectiveProblem> = []
  for (const id of use.ids) {
    if (use.missed.has(id)) out.push({ kind: "counterpart", id })
    if (ampersandOnlyRules.has(id) || use.used.has(id)) continue
    const errorOnly = errorOnlyRules().get(id)
    if (id === ignoreDirective) out.push({ kind: "itself" })
    else if (errorOnly === undefined) out.push({ kind: "unknown", id })
    else if (errorOnly) out.push({ kind: "error-only", id })
    else if (use.blocked.has(id)) out.push({ kind: "only-errors", id })
    else out.push({ kind: "unused", id })
  }
  return out
}

const errorsHint = "errors are never suppressed: fix what the error reports instead"
const placeHint = "remove it, or put it above the key it is meant for (it covers that key and everything under it)"

const directiveFinding = (
  problem: DirectiveProblem,
  pointer: string | undefined,
  position: Position,
  suggestion: (id: string) => string | undefined,
): PositionedFinding => {
  const at = { rule: ignoreDirective, severity: "warning" as const, pointer: pointer ?? "", position }
  switch (problem.kind) {
    case "unknown": {
      const near = suggestion(problem.id)
      return {
        ...at,
        message: fitMessage((max) => `\`amp:ignore\` names ${quote(problem.id, max)}, which is not a rule id`),
        hint: near !== undefined ? `did you mean \`${near}\`?` : "use a rule id as diagnostics show it (docs/rules.md)",
      }
    }
    case "error-only":
      return {
        ...at,
        message: `\`amp:ignore\` names \`${problem.id}\`, whose findings are always errors`,
        hint: errorsHint,
      }
    case "only-errors":
      return {
        ...at,
        message: `\`amp:ignore\` names \`${problem.id}\`, but covers only errors of that rule`,
        hint: errorsHint,
      }
    case "unused":
      return {
        ...at,
        message: `\`amp:ignore\` names \`${problem.id}\`, which reports no warning or info where it applies`,
        hint: placeHint,
      }
    case "counterpart": {
      const ours = ampkitCounterparts.get(problem.id)!
      const error = errorOnlyRules().get(ours) === true
      return {
        ...at,
        message: `\`amp:ignore\` names \`${problem.id}\`, Ampersand's id for what ampkit reports as \`${ours}\`${error ? ", an error" : ""}: it does not suppress it`,
        hint: error ? errorsHint : `name \`${ours}\` too: # amp:ignore[${problem.id},${ours}]`,
      }
    }
    case "itself":
      return {
        ...at,
        message: `\`amp:ignore\` cannot suppress \`${ignoreDirective}\` findings`,
        hint: `to silence them for a whole run, use --ignore ${ignoreDirective}`,
      }
    case "only-errors-all":
      return { ...at, message: "`amp:ignore` suppresses nothing: it covers only errors", hint: errorsHint }
    case "unused-all":
      return {
        ...at,
        message: "`amp:ignore` suppresses nothing: no warning or info is reported where it applies",
        hint: placeHint,
      }
    case "no-key":
      return { ...at, message: "`amp:ignore` covers no key, so it suppresses nothing", hint: placeHint }
  }
}

/**
 * 0-based index of the `#` that starts the directive comment on `line` (a line the parser found a
 * directive on), for positioning findings about it: the last `#` at the start of the line or after a
 * space or tab that starts a directive. A quoted value before the comment may hold the same text
 * (`a: "# amp:ignore" # amp:ignore[x]`); only a comment that holds a second directive after its own
 * (`# amp:ignore[x] see # amp:ignore`) is placed at that second one.
 */
export const directiveColumn = (line: string): number => {
  let last = 0
  for (const m of line.matchAll(/(?:^|[ \t])#[ \t]*amp:ignore(?=$|[ \t[])/g)) last = m.index + m[0].indexOf("#")
  return last
}

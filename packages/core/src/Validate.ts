/**
 * Validate: text (or an already parsed value) → diagnostics.
 *
 * The pipeline: parse (Source) → shape findings (Shape, from the Effect schemas) → semantic rules
 * (rules/index.ts) → positions, suppressions, ordering. Pure and synchronous.
 */
import { catalogModules, catalogProviders } from "./Catalog.js"
import { type Diagnostic, type Finding, type Position, positioned, type Severity } from "./Diagnostic.js"
import { type DocumentKind, kindLabels, recogniseKind } from "./Document.js"
import { ignoreDirective, reportDirectives } from "./internal/directive-report.js"
import { parent } from "./internal/pointer.js"
import { type DirectiveAt, directivesByTarget } from "./internal/source-directives.js"
import { stripBom } from "./internal/source-text.js"
import type { Limits } from "./Limits.js"
import { rules } from "./rules/index.js"
import { prepareServerView } from "./rules/withServerKeys.js"
import { shapeFindings } from "./Shape.js"
import { type ParseResult, parseSource, type SourceDocument, type Syntax } from "./Source.js"

export interface ValidateOptions {
  /** Force a syntax; "auto" (the default) recognises JSON by its first character. */
  readonly syntax?: Syntax | "auto"
  /** Rule ids whose warnings and infos are suppressed for the whole run (`--ignore`). */
  readonly ignore?: ReadonlyArray<string>
  readonly limits?: Partial<Limits>
}

export interface ValidationReport {
  /** No unsuppressed error. */
  readonly ok: boolean
  readonly errors: number
  readonly warnings: number
  readonly infos: number
  /** Suppressed diagnostics (still listed, flagged `suppressed: true`). */
  readonly suppressed: number
  readonly diagnostics: ReadonlyArray<Diagnostic>
}

/**
 * Findings of every manifest check (shape + semantic rules) on a plain value.
 *
 * The rules see keys as the server does (rules/withServerKeys.ts); their view of the document is
 * computed once here for all of them.
 *
 * A `yaml-compat` finding explains its scalar better than anything read from YAML 1.2's reading of
 * it, so it replaces the other findings at the same pointer: an error (the server cannot even decode
 * the scalar: `schedule: 22:22` is a base-60 number for it, so "not valid cron" is beside the point)
 * replaces every one of them; a warning (`enabled: yes`, `days: 0750`, which the server reads as a
 * boolean / another number) replaces the shape findings that only restate it (`wrong-type`,
 * `invalid-value` of the YAML 1.2 string or number) and what is not an error, but never a rule's error,
 * which may hold whichever reading is right (`snowflake-backfill`: days at all).
 */
const otherKindHint: Readonly<Record<Exclude<DocumentKind, "manifest">, string>> = {
  "integration-block": "wrap it in a manifest: specVersion: 1.0.0 and integrations: [ this block ]",
  revision: "its content is one integration block; to compare revisions use ampkit diff",
  integration: "to compare it with an amp.yaml use ampkit diff; to plan a deploy use ampkit plan --current",
  "integration-list": "to compare it with an amp.yaml use ampkit diff; to plan a deploy use ampkit plan --current",
  problem: "this is an API error body: read it with ampkit problem",
}

/**
 * A document of another kind (an API integration list, a problem body …) is one defect, not dozens of
 * missing and unknown keys: one finding at the root that names what it looks like.
 */
const otherKindFinding = (value: unknown): Finding | undefined => {
  const kind = recogniseKind(value)
  if (kind === undefined || kind === "manifest") return undefined
  // An array is an integration list by shape; one of installations (list-installations) is named as such.
  const installations = kind === "integration-list" && (value as Array<{ integrationId?: unknown }>)[0]?.integrationId
  return {
    rule: "wrong-type",
    severity: "error",
    pointer: "",
    message: `expected an amp.yaml manifest, but this looks like ${installations ? "a list of installations (from the API)" : kindLabels[kind]}`,
    hint: installations ? "ampkit plan takes it as --installations" : otherKindHint[kind],
  }
}

export const manifestFindings = (value: unknown, document: SourceDocument | undefined): Array<Finding> => {
  const other = otherKindFinding(value)
  if (other !== undefined) return [other]
  const ctx = prepareServerView({ value, document, providers: catalogProviders, modules: catalogModules })
  const findings = shapeFindings(value)
  for (const rule of rules) for (const finding of rule.check(ctx)) findings.push(finding)
  const compat = new Map<string, Severity>()
  for (const f of findings) {
    if (f.rule !== "yaml-compat") continue
    if (compat.get(f.pointer) !== "error") compat.set(f.pointer, f.severity)
  }
  if (compat.size === 0) return findings
  const replaced = (f: Finding): boolean => {
    if (f.rule === "yaml-compat") return false
    const severity = compat.get(f.pointer)
    if (severity === undefined) return false
    return severity === "error" || f.rule === "wrong-type" || f.rule === "invalid-value" || f.severity !== "error"
  }
  return findings.filter((f) => !replaced(f))
}

/** Validate manifest text: parse, check, position, suppress, order. */
export const validate = (text: string, options: ValidateOptions = {}): ValidationReport =>
  validateParsed(
    text,
    parseSource(text, {
      ...(options.syntax !== undefined ? { syntax: options.syntax } : {}),
      ...(options.limits !== undefined ? { limits: options.limits } : {}),
    }),
    options,
  )

/** Validate text that was already parsed with `parseSource` (so callers that also decode it parse once). */
export const validateParsed = (text: string, parsed: ParseResult, options: ValidateOptions = {}): ValidationReport => {
  const document = parsed.document
  const findings: Array<Finding & { readonly position?: Position }> = [...parsed.findings]
  // A loop, not push(...): a hostile document can yield more findings than a call has argument slots.
  if (document !== undefined) for (const f of manifestFindings(document.value, document)) findings.push(f)
  const suppression = suppressionOf(text, document, options.ignore ?? [])
  const diagnostics = capPerRule(findings).map((finding) =>
    positioned(finding, document?.locate, suppression.suppressed(finding.rule, finding.severity, finding.pointer)),
  )
  // Directives that do nothing, judged by what every other diagnostic is (internal/directive-report.ts).
  if (document !== undefined && suppression.byLine.size > 0) {
    const ignored = (options.ignore ?? []).includes(ignoreDirective)
    const about = reportDirectives(document, suppression.lines, suppression.byLine, diagnostics)
    for (const f of capPerRule(about)) diagnostics.push(positioned(f, document.locate, ignored))
  }
  return report(sortDiagnostics(diagnostics))
}

/** Most findings listed per rule id; the rest are counted in one closing finding (never dropped silently). */
export const maxFindingsPerRule = 10_000

type PositionedFinding = Finding & { readonly position?: Position }

const capPerRule = (findings: ReadonlyArray<PositionedFinding>): Array<PositionedFinding> => {
  const seen = new Map<string, number>()
  const out: Array<PositionedFinding> = []
  const over = new Map<string, PositionedFinding>()
  for (const f of findings) {
    const n = (seen.get(f.rule) ?? 0) + 1
    seen.set(f.rule, n)
    if (n <= maxFindingsPerRule) out.push(f)
    else if (!over.has(f.rule)) over.set(f.rule, f)
  }
  for (const [rule, first] of over) out.push(notListed(first, (seen.get(rule) ?? 0) - maxFindingsPerRule))
  return out
}

/** The one finding that counts the `more` findings of `first`'s rule left out past the cap. */
const notListed = (first: PositionedFinding, more: number): PositionedFinding => ({
  rule: first.rule,
  severity: first.severity,
  message: `${more} more \`${first.rule}\` finding${more > 1 ? "s are" : " is"} not listed (the first ${maxFindingsPerRule} are)`,
  pointer: first.pointer,
  ...(first.at !== undefined ? { at: first.at } : {}),
  ...(first.position !== undefined ? { position: first.position } : {}),
  hint: "fix the ones listed and validate again",
  notListed: more,
})

/** Counts and verdict of a list of diagnostics (one that closes a capped list counts what it stands for). */
export const report = (diagnostics: ReadonlyArray<Diagnostic>): ValidationReport => {
  let errors = 0
  let warnings = 0
  let infos = 0
  let suppressed = 0
  for (const d of diagnostics) {
    const n = d.notListed ?? 1
    if (d.suppressed) suppressed += n
    else if (d.severity === "error") errors += n
    else if (d.severity === "warning") warnings += n
    else infos += n
  }
  return { ok: errors === 0, errors, warnings, infos, suppressed, diagnostics }
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Source order (line, column), then severity, rule and pointer: deterministic for equal input. */
export const sortDiagnostics = (diagnostics: ReadonlyArray<Diagnostic>): Array<Diagnostic> =>
  [...diagnostics].sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0),
  )

/**
 * Suppressions, with the syntax of Ampersand's validator: `# amp:ignore[rule-a,rule-b]` or a bare
 * `# amp:ignore`, alone on the line(s) above a key or at the end of its line, covers that node and
 * everything under it. `--ignore` covers the whole run. Errors are never suppressed.
 *
 * A directive that does nothing is reported (`ignore-directive`, a warning at the comment; its pointer
 * is the key it covers): one naming an id that is no rule id, or a rule whose findings are always
 * errors, or `ignore-directive` itself; and one that suppressed no warning or info in this run (a
 * diagnostic also silenced by `--ignore` counts as suppressed by it). The ids of Ampersand's validator
 * for warnings ampkit does not report (internal/directive-report.ts) are accepted without a word unless
 * the directive covers no key.
 * These findings are never suppressed by a directive (none could be reported about the one that
 * would); `--ignore ignore-directive` silences them.
 */
interface Suppression {
  /** Whether a finding is suppressed. */
  readonly suppressed: (rule: string, severity: Severity, pointer: string) => boolean
  /** The text's lines (when it holds directives) and its directives by the line of the key each covers. */
  readonly lines: ReadonlyArray<string>
  readonly byLine: ReadonlyMap<number, ReadonlyArray<DirectiveAt>>
}

const suppressionOf = (
  text: string,
  document: SourceDocument | undefined,
  ignore: ReadonlyArray<string>,
): Suppression => {
  const ignored = new Set(ignore)
  const lines = document !== undefined && document.directives.length > 0 ? stripBom(text).split(/\r?\n/) : []
  const byLine = directivesByTarget(lines, document?.directives ?? [])
  // The ids the directives of each line name ("" for a bare one): one set per line, so that a finding
  // costs the same however many directives (and ids) cover it.
  const named = new Map<number, Set<string>>()
  for (const [line, list] of byLine)
    named.set(line, new Set(list.flatMap(({ directive: { rules } }) => (rules === "all" ? [""] : rules))))
  const suppressed = (rule: string, severity: Severity, pointer: string): boolean => {
    if (severity === "error") return false
    if (ignored.has(rule)) return true
    if (document === undefined || named.size === 0) return false
    // The node's key line and its ancestors' (never the root's), as forEachCovering walks them.
    for (let p: string | undefined = pointer; p !== undefined && p !== ""; p = parent(p)) {
      const ids = named.get(document.locate(p, "key").line)
      if (ids?.has("") || ids?.has(rule)) return true
    }
    return false
  }
  return { suppressed, lines, byLine }
}

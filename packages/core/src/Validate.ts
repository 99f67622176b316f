/**
 * Validate: text (or an already parsed value) → diagnostics.
 *
 * The pipeline: parse (Source) → shape findings (Shape, from the Effect schemas) → semantic rules
 * (rules/index.ts) → positions, suppressions, ordering. Pure and synchronous.
 */
import { catalogModules, catalogProviders } from "./Catalog.js"
import type { Diagnostic, Finding, Position, Severity } from "./Diagnostic.js"
import { parent } from "./internal/pointer.js"
import type { Limits } from "./Limits.js"
import { rules } from "./rules/index.js"
import type { RuleContext } from "./rules/Rule.js"
import { shapeFindings } from "./Shape.js"
import { type Directive, type ParseResult, parseSource, type SourceDocument, type Syntax } from "./Source.js"

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

/** Findings of every manifest check (shape + semantic rules) on a plain value. */
export const manifestFindings = (value: unknown, document: SourceDocument | undefined): Array<Finding> => {
  const ctx: RuleContext = { value, document, providers: catalogProviders, modules: catalogModules }
  const shape = shapeFindings(value)
  const semantic: Array<Finding> = []
  for (const rule of rules) for (const finding of rule.check(ctx)) semantic.push(finding)
  // A YAML 1.1 boolean in a boolean field (`enabled: yes`) is a yaml-compat warning; YAML 1.2 reads it as a
  // string, which would also be a wrong-type (or, for an enum, invalid-value) error. The yaml-compat finding
  // says it better: keep only that one.
  const compat = new Set(semantic.filter((f) => f.rule === "yaml-compat").map((f) => f.pointer))
  const restated = (f: Finding) => (f.rule === "wrong-type" || f.rule === "invalid-value") && compat.has(f.pointer)
  return [...shape.filter((f) => !restated(f)), ...semantic]
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
  if (document !== undefined) findings.push(...manifestFindings(document.value, document))
  const suppress = suppressionOf(text, document, options.ignore ?? [])
  const diagnostics = findings.map((finding): Diagnostic => {
    const position =
      finding.position ??
      (document !== undefined ? document.locate(finding.pointer, finding.at) : { line: 1, column: 1 })
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      pointer: finding.pointer,
      line: position.line,
      column: position.column,
      ...(finding.hint !== undefined ? { hint: finding.hint } : {}),
      suppressed: suppress(finding.rule, finding.severity, finding.pointer),
    }
  })
  return report(sortDiagnostics(diagnostics))
}

/** Counts and verdict of a list of diagnostics. */
export const report = (diagnostics: ReadonlyArray<Diagnostic>): ValidationReport => {
  let errors = 0
  let warnings = 0
  let infos = 0
  let suppressed = 0
  for (const d of diagnostics) {
    if (d.suppressed) suppressed++
    else if (d.severity === "error") errors++
    else if (d.severity === "warning") warnings++
    else infos++
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
 */
const suppressionOf = (
  text: string,
  document: SourceDocument | undefined,
  ignore: ReadonlyArray<string>,
): ((rule: string, severity: Severity, pointer: string) => boolean) => {
  const ignored = new Set(ignore)
  const byLine = directivesByTargetLine(text, document?.directives ?? [])
  return (rule, severity, pointer) => {
    if (severity === "error") return false
    if (ignored.has(rule)) return true
    if (document === undefined || byLine.size === 0) return false
    for (let p: string | undefined = pointer; p !== undefined; p = parent(p)) {
      if (p === "") break
      const directives = byLine.get(document.locate(p, "key").line)
      if (directives?.some((d) => d.rules === "all" || d.rules.includes(rule))) return true
    }
    return false
  }
}

/** Map each directive to the line of the key it covers: its own line, or the next line that is not a comment. */
const directivesByTargetLine = (text: string, directives: ReadonlyArray<Directive>): Map<number, Array<Directive>> => {
  const out = new Map<number, Array<Directive>>()
  if (directives.length === 0) return out
  const lines = text.split(/\r?\n/)
  for (const d of directives) {
    let target = d.line
    if (d.standalone) {
      target = d.line + 1
      while (target <= lines.length && /^\s*(#.*)?$/.test(lines[target - 1] ?? "")) target++
    }
    const list = out.get(target)
    if (list === undefined) out.set(target, [d])
    else list.push(d)
  }
  return out
}

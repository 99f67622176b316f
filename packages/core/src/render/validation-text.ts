/** Human output of `ampkit validate`: location, severity, rule, message, source excerpt with a caret, hint. */
import type { Diagnostic, Severity } from "../Diagnostic.js"
import type { ValidationReport } from "../Validate.js"
import { escapeControl } from "./escape.js"

export interface TextStyle {
  readonly color: boolean
}

/** How `ampkit validate` renders a file: colour, and whether warnings fail (`--strict`). */
export interface ValidationTextOptions extends TextStyle {
  /** `--strict`: a file with warnings (and no errors) gets `✖ fails --strict` instead of `✔ valid`. */
  readonly strict?: boolean
}

/**
 * The verdict of one file: `invalid` (errors), `fails-strict` (no error, but warnings under `--strict`)
 * or `valid`. `ampkit validate` exits 1 when any file's verdict is not `valid`.
 */
export type ValidationVerdict = "valid" | "invalid" | "fails-strict"

export const validationVerdict = (report: ValidationReport, strict = false): ValidationVerdict =>
  !report.ok ? "invalid" : strict && report.warnings > 0 ? "fails-strict" : "valid"

/** The first words of a file's last line, per verdict. */
const verdictText: Record<ValidationVerdict, string> = {
  valid: "✔ valid",
  invalid: "✖ invalid",
  "fails-strict": "✖ fails --strict",
}

const codes = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, cyan: 36, green: 32 } as const
type Code = keyof typeof codes

const paint =
  (style: TextStyle) =>
  (code: Code, text: string): string =>
    style.color ? `\u001b[${codes[code]}m${text}\u001b[0m` : text

const severityColor: Record<Severity, Code> = { error: "red", warning: "yellow", info: "blue" }

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** The summary line: `2 errors, 1 warning, 0 infos (1 suppressed)`. */
export const validationSummary = (report: ValidationReport): string =>
  `${plural(report.errors, "error")}, ${plural(report.warnings, "warning")}, ${plural(report.infos, "info")}` +
  (report.suppressed > 0 ? ` (${report.suppressed} suppressed)` : "")

/** Render one file's report. `text` is the source, for excerpts. */
export const renderValidationText = (
  file: string,
  /** The source, for excerpts; undefined when it could not be decoded (no excerpt is shown). */
  text: string | undefined,
  report: ValidationReport,
  style: ValidationTextOptions = { color: false },
): string => {
  const c = paint(style)
  const lines = text === undefined ? [] : text.split(/\r?\n/)
  const out: Array<string> = []
  const name = escapeControl(file)
  for (const d of report.diagnostics) {
    if (d.suppressed) continue
    out.push(...renderDiagnostic(name, lines, d, c))
  }
  const suppressed = report.diagnostics.filter((d) => d.suppressed)
  for (const d of suppressed) {
    out.push(c("dim", `${name}:${d.line}:${d.column} ${d.severity} ${d.rule} (suppressed) ${escapeControl(d.message)}`))
  }
  if (suppressed.length > 0) out.push("")
  const kind = validationVerdict(report, style.strict === true)
  const verdict = c(kind === "valid" ? "green" : "red", verdictText[kind])
  out.push(`${verdict} ${name}: ${validationSummary(report)}`)
  return `${out.join("\n")}\n`
}

const renderDiagnostic = (
  name: string,
  lines: ReadonlyArray<string>,
  d: Diagnostic,
  c: (code: Code, text: string) => string,
): Array<string> => {
  const out: Array<string> = []
  out.push(
    `${c("bold", `${name}:${d.line}:${d.column}`)} ${c(severityColor[d.severity], d.severity)} ${c("dim", d.rule)}  ` +
      escapeControl(d.message),
  )
  const source = lines[d.line - 1]
  if (source !== undefined) {
    const gutter = String(d.line).length
    const shown = excerpt(source, d.column)
    out.push(`${c("dim", `${" ".repeat(gutter)} |`)}`)
    out.push(`${c("dim", `${d.line} |`)} ${shown.text}`)
    out.push(`${c("dim", `${" ".repeat(gutter)} |`)} ${" ".repeat(shown.caret)}${c(severityColor[d.severity], "^")}`)
  }
  if (d.hint !== undefined) out.push(`  ${c("cyan", "hint:")} ${escapeControl(d.hint)}`)
  out.push("")
  return out
}

const maxExcerpt = 160

/** The source line, escaped and clipped around the column, and the caret offset within it. */
const excerpt = (line: string, column: number): { text: string; caret: number } => {
  let start = 0
  if (line.length > maxExcerpt && column > maxExcerpt / 2)
    start = Math.min(column - maxExcerpt / 2, line.length - maxExcerpt)
  const clipped = line.slice(start, start + maxExcerpt)
  const before = escapeControl(line.slice(start, Math.max(start, column - 1)).replace(/\t/g, " "))
  const prefix = start > 0 ? "…" : ""
  const suffix = start + maxExcerpt < line.length ? "…" : ""
  return { text: prefix + escapeControl(clipped.replace(/\t/g, " ")) + suffix, caret: prefix.length + before.length }
}

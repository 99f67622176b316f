/**
 * Human output of `ampkit problem`: status and title, detail, causes, remedy, retry advice, support
 * contacts, then each validation issue (with the manifest line it points at, when known).
 *
 * The body is hostile input: every received string is escaped (no control or bidi character reaches
 * the terminal) and bounded (a 1 MB `detail` prints its first part and how much was left out), long
 * lists are cut with a count, and values are previewed with a depth and length limit. What the JSON
 * reader found in a body it read (a duplicate member, a lossy number) is listed under "Body findings".
 */

import { formatDateTime } from "../internal/rfc3339.js"
import type { ExplainedIssue, ProblemExplanation } from "../ProblemExplain.js"
import { escapeControl } from "./escape.js"

export interface ProblemTextOptions {
  readonly color?: boolean
  /** The manifest the issues were mapped to: its display name and text, for source excerpts. */
  readonly manifest?: { readonly name: string; readonly text: string }
}

/** Longest received text shown for one field, in UTF-16 code units. */
export const maxFieldLength = 2000
/** Most causes listed. */
export const maxCauses = 20
/** Most issues listed. */
export const maxIssues = 100
const maxValueLength = 200
const maxSourceLine = 160

const codes = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const
type Code = keyof typeof codes

/**
 * `text` cut to `max` code units (never inside a surrogate pair), escaped, with what was left out.
 * With `keepLines`, line breaks stay (each line escaped on its own) for a caller that indents them.
 */
export const bounded = (text: string, max: number = maxFieldLength, keepLines = false): string => {
  const escapeText = keepLines ? (t: string) => t.split("\n").map(escapeControl).join("\n") : escapeControl
  if (text.length <= max) return escapeText(text)
  let cut = max
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  return `${escapeText(text.slice(0, cut))}… (${text.length - cut} more characters)`
}

/** Multi-line received text, continuation lines indented to `indent`. */
const block = (text: string, indent: string, max: number = maxFieldLength): string =>
  bounded(text, max, true).replace(/\n/g, `\n${indent}`)

/** A compact, bounded JSON-like preview of any value (depth- and length-limited; never throws). */
export const preview = (value: unknown, max: number = maxValueLength): string => {
  let out = ""
  const visit = (v: unknown, depth: number): void => {
    if (out.length > max) return
    if (typeof v === "string") {
      out += JSON.stringify(v.length > max ? v.slice(0, max) : v)
      return
    }
    if (typeof v === "number" || typeof v === "boolean" || v === null) {
      out += String(v)
      return
    }
    if (depth >= 8) {
      out += "…"
      return
    }
    if (Array.isArray(v)) {
      out += "["
      for (let i = 0; i < v.length && out.length <= max; i++) {
        if (i > 0) out += ", "
        visit(v[i], depth + 1)
      }
      out += "]"
      return
    }
    if (typeof v === "object") {
      out += "{"
      let first = true
      for (const key of Object.keys(v as object)) {
        if (out.length > max) break
        if (!first) out += ", "
        first = false
        out += `${JSON.stringify(key)}: `
        visit((v as Record<string, unknown>)[key], depth + 1)
      }
      out += "}"
      return
    }
    out += String(v)
  }
  visit(value, 0)
  return escapeControl(out.length > max ? `${out.slice(0, max)}…` : out)
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** Render an explained problem for a terminal. */
export const renderProblemText = (explanation: ProblemExplanation, options: ProblemTextOptions = {}): string => {
  const c = (code: Code, text: string): string =>
    options.color === true ? `\u001b[${codes[code]}m${text}\u001b[0m` : text
  const { problem } = explanation
  const out: Array<string> = []

  const status =
    problem.status !== undefined
      ? `${problem.status}${explanation.reason !== undefined ? ` ${explanation.reason}` : ""}`
      : ""
  const title = problem.title !== undefined && problem.title !== explanation.reason ? bounded(problem.title, 300) : ""
  const heading = [status, title].filter((s) => s !== "").join(": ") || "Error response"
  out.push(`${c("red", "✖")} ${c("bold", heading)}`)
  if (problem.detail !== undefined) out.push(`  ${block(problem.detail, "  ")}`)
  // What the reader found in a body it read (a refused or non-JSON body says why in its detail).
  const findings = explanation.body === "problem" || explanation.body === "json-not-object" ? explanation.findings : []
  if (findings.length > 0) {
    out.push("", c("bold", `Body findings (${findings.length}):`))
    for (const f of findings.slice(0, maxCauses)) {
      const at = `line ${f.position.line}, column ${f.position.column}`
      out.push(`  ${c("yellow", "!")} ${at}: ${bounded(f.message, 300)} ${c("dim", `(${f.rule})`)}`)
    }
    if (findings.length > maxCauses) out.push(c("dim", `  … and ${findings.length - maxCauses} more`))
  }

  const facts: Array<[string, string]> = []
  if (problem.type !== "about:blank") facts.push(["type", bounded(problem.type, 300)])
  if (problem.href !== undefined) facts.push(["docs", bounded(problem.href, 300)])
  if (problem.instance !== undefined) facts.push(["instance", bounded(problem.instance, 300)])
  if (problem.requestId !== undefined) facts.push(["request", bounded(problem.requestId, 300)])
  if (problem.subsystem !== undefined) facts.push(["subsystem", bounded(problem.subsystem, 300)])
  if (problem.time !== undefined) facts.push(["time", formatDateTime(problem.time)])
  if (facts.length > 0) {
    const width = Math.max(...facts.map(([k]) => k.length))
    for (const [k, v] of facts) out.push(`  ${c("dim", k.padEnd(width))}  ${v}`)
  }

  const causes = problem.causes ?? []
  if (causes.length > 0) {
    out.push("", c("bold", "Causes:"))
    for (const cause of causes.slice(0, maxCauses)) out.push(`  • ${block(cause, "    ")}`)
    if (causes.length > maxCauses) out.push(c("dim", `  … and ${causes.length - maxCauses} more`))
  }
  if (problem.remedy !== undefined) out.push("", `${c("bold", "Remedy:")} ${block(problem.remedy, "  ")}`)

  const retryColor: Code =
    explanation.retry.verdict === "fix" ? "red" : explanation.retry.verdict === "unknown" ? "dim" : "green"
  out.push("", `${c("bold", "Retry:")} ${c(retryColor, explanation.retry.sentence)}`)

  const { support } = explanation
  const contacts = [
    support.email !== undefined ? `email ${bounded(support.email, 300)}` : "",
    support.phone !== undefined ? `phone ${bounded(support.phone, 300)}` : "",
    support.url !== undefined ? bounded(support.url, 300) : "",
  ].filter((s) => s !== "")
  if (contacts.length > 0) out.push(`${c("bold", "Support:")} ${contacts.join(", ")}`)

  if (explanation.issues.length > 0) {
    out.push("", c("bold", `Issues (${explanation.issues.length}):`))
    const lines = options.manifest?.text.split(/\r?\n/)
    for (const issue of explanation.issues.slice(0, maxIssues)) out.push(...renderIssue(issue, c, options, lines))
    if (explanation.issues.length > maxIssues) {
      out.push(c("dim", `  … and ${plural(explanation.issues.length - maxIssues, "more issue")}`))
    }
  }

  if (problem.context !== undefined && Object.keys(problem.context).length > 0) {
    out.push("", `${c("bold", "Context:")} ${preview(problem.context, 400)}`)
  }
  const extensions = Object.keys(problem.extensions).filter((k) => k !== "validationIssues")
  if (extensions.length > 0) {
    const shown = extensions.slice(0, 20).map((k) => bounded(k, 60))
    out.push(`${c("dim", "Other members:")} ${shown.join(", ")}${extensions.length > 20 ? ", …" : ""}`)
  }
  if (problem.ignored.length > 0) {
    out.push(c("dim", `Ignored members (wrong type or value, ${problem.ignored.length}):`))
    for (const m of problem.ignored.slice(0, 20)) {
      out.push(c("dim", `  ${bounded(m.pointer, 80)}: got ${preview(m.value, 60)}, expected ${m.expected}`))
    }
    if (problem.ignored.length > 20) out.push(c("dim", `  … and ${problem.ignored.length - 20} more`))
  }
  if (explanation.body !== "problem") {
    out.push(c("dim", "The body is not an RFC 9457 problem; shown is what could be read from it."))
  } else if (
    [problem.status, problem.title, problem.detail, problem.instance].every((m) => m === undefined) &&
    problem.type === "about:blank" &&
    (problem.issues?.length ?? 0) === 0
  ) {
    // A JSON object with none of the members (`type` absent or about:blank, which adds nothing to the status):
    // a successful response, or another document, given by mistake?
    out.push(
      c("dim", "The body holds no title, status or detail, and no type but about:blank: is it an RFC 9457 error body?"),
    )
  }
  return `${out.join("\n")}\n`
}

const renderIssue = (
  issue: ExplainedIssue,
  c: (code: Code, text: string) => string,
  options: ProblemTextOptions,
  lines: ReadonlyArray<string> | undefined,
): Array<string> => {
  const out: Array<string> = []
  const where = [issue.in ?? "", issue.name !== undefined ? bounded(issue.name, 300) : ""].filter((s) => s !== "")
  const head = `  ${issue.index + 1}. ${where.length > 0 ? c("cyan", where.join(" ")) : c("dim", "(no location)")}`
  const text = issue.detail ?? issue.title
  out.push(text !== undefined ? `${head}: ${block(text, "     ")}` : head)
  if (issue.title !== undefined && issue.detail !== undefined) out.push(`     ${c("dim", bounded(issue.title, 300))}`)
  if (issue.hasValue) out.push(`     value: ${preview(issue.value)}`)
  for (const cause of issue.causes.slice(0, maxCauses)) out.push(`     • ${block(cause, "       ")}`)
  if (issue.causes.length > maxCauses) out.push(c("dim", `     … and ${issue.causes.length - maxCauses} more causes`))
  if (issue.remedy !== undefined) out.push(`     remedy: ${block(issue.remedy, "     ")}`)
  if (issue.ignored.length > 0) {
    const shown = issue.ignored.slice(0, 5).map((m) => `${bounded(m.pointer, 60)} (got ${preview(m.value, 40)})`)
    out.push(c("dim", `     ignored: ${shown.join(", ")}${issue.ignored.length > 5 ? ", …" : ""}`))
  }
  const location = issue.location
  if (location !== undefined && options.manifest !== undefined) {
    const { line, column } = location.position
    const at = `${escapeControl(options.manifest.name)}:${line}:${column}`
    out.push(`     ${c("bold", "at")} ${at}${location.exact ? "" : c("dim", " (nearest existing parent)")}`)
    const source = lines?.[line - 1]
    if (source !== undefined) {
      const shown = source.length > maxSourceLine ? `${source.slice(0, maxSourceLine)}…` : source
      out.push(`     ${c("dim", `${line} |`)} ${escapeControl(shown).replace(/\t/g, " ")}`)
    }
  }
  return out
}

/**
 * Verdict: the core's diagnostics → success or a failure. An error from the parser (the text is not
 * YAML/JSON, or breaks a size, depth or alias limit) makes a 400; any other error a 422. Errors go in
 * `issues`; unsuppressed warnings and infos go in the `warnings` extension member, in the same issue
 * shape with their `severity`. Both lists are bounded by `maxIssues`.
 */

import { issue } from "./Envelope.js"
import { clip } from "./Excerpt.js"
import { Failure } from "./Failure.js"
import { listFindings, notListedCount } from "./NotListed.js"
import type { PortInputDiagnostic, PortResult } from "./Port.js"
import { issueOf } from "./Problem.js"

/** Rule ids of the parser (rules.md, "Document and syntax"): the body does not parse or breaks a limit. */
export const unparseableRules: ReadonlySet<string> = new Set([
  "syntax",
  "duplicate-key",
  "alias-limit",
  "document-limit",
])

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** ` (line 3, column 5)`, unless the message already says exactly that (the parser's messages often do). */
const whereOf = (message: string, d: PortInputDiagnostic): string => {
  if (d.line === undefined) return ""
  const at = `line ${d.line}, column ${d.column ?? 1}`
  // "line 3, column 5" but not inside "line 3, column 50" or "baseline 3, column 5".
  for (let i = message.indexOf(at); i !== -1; i = message.indexOf(at, i + 1)) {
    if (!/\w/.test(message.charAt(i - 1)) && !/\d/.test(message.charAt(i + at.length))) return ""
  }
  return ` (${at})`
}

/**
 * `undefined` when no unsuppressed error; else the failure to send. `what` names the input ("the manifest").
 * The counts in `detail`, `omittedIssues` and `omittedWarnings` include the findings the core capped and only
 * counted (NotListed.ts), so every finding is listed or counted once.
 */
export const failureOf = (
  diagnostics: ReadonlyArray<PortInputDiagnostic>,
  maxIssues: number,
  what: string,
): Failure | undefined => {
  const unsuppressedErrors = diagnostics.filter((d) => d.severity === "error" && !d.suppressed)
  const errors = listFindings(unsuppressedErrors, maxIssues)
  if (errors.total === 0) return undefined
  const warningCount = listFindings(
    diagnostics.filter((d) => d.severity === "warning" && !d.suppressed),
    0,
  ).total
  const infoCount = listFindings(
    diagnostics.filter((d) => d.severity === "info" && !d.suppressed),
    0,
  ).total
  // Warnings and infos together, in the core's order, bounded like the errors.
  const others = listFindings(
    diagnostics.filter((d) => d.severity !== "error" && !d.suppressed),
    maxIssues,
  )
  const extensions = {
    warnings: others.items.map(issueOf),
    ...(errors.omitted > 0 ? { omittedIssues: errors.omitted } : {}),
    ...(others.omitted > 0 ? { omittedWarnings: others.omitted } : {}),
  }
  const issues = errors.items.map(issueOf)
  // Any parser error makes it a 400, listed or not (a closing "… not listed" finding only counts others).
  const unparseable = unsuppressedErrors.find((d) => unparseableRules.has(d.rule) && notListedCount(d) === undefined)
  if (unparseable !== undefined) {
    const message = clip(unparseable.message)
    const detail = `${what} does not parse: ${message}${whereOf(message, unparseable)}`
    return new Failure("ManifestUnparseable", detail, { issues, extensions })
  }
  const counts = [plural(errors.total, "error")]
  if (warningCount > 0) counts.push(plural(warningCount, "warning"))
  if (infoCount > 0) counts.push(plural(infoCount, "info"))
  const last = counts.pop()!
  const list = counts.length > 0 ? `${counts.join(", ")} and ${last}` : last
  return new Failure("ManifestInvalid", `${what} has ${list}`, { issues, extensions })
}

/** A port that answers "not ok" without an error diagnostic breaks its contract: a defect (500), not a 4xx. */
const brokenPort = (): Error => new Error("the core answered not ok without an error diagnostic")

/** The failure of a diff or plan port's "not ok" answer (see `PortResult`); a plain Error (a defect) when it breaks the contract. */
export const portFailure = (result: Exclude<PortResult, { readonly ok: true }>, maxIssues: number): Error => {
  if ("input" in result) {
    const detail = `${result.input}: ${clip(result.message)}`
    // The member's own errors, when the core lists them (an integration list with defects), one issue each.
    const errors = listFindings(
      (result.diagnostics ?? []).filter((d) => d.severity === "error" && !d.suppressed),
      maxIssues,
    )
    if (errors.total === 0) {
      return new Failure("RequestInvalid", detail, { issues: [issue(result.input, clip(result.message))] })
    }
    return new Failure("RequestInvalid", detail, {
      issues: errors.items.map(issueOf),
      ...(errors.omitted > 0 ? { extensions: { omittedIssues: errors.omitted } } : {}),
    })
  }
  return failureOf(result.diagnostics, maxIssues, inputName(result.diagnostics)) ?? brokenPort()
}

/** The request member all the diagnostics are about (`desired`, `new` …), else "the input". */
const inputName = (diagnostics: ReadonlyArray<PortInputDiagnostic>): string => {
  const input = diagnostics[0]?.input
  return input !== undefined && diagnostics.every((d) => d.input === input) ? input : "the input"
}

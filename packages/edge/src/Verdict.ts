/**
 * Verdict: the core's diagnostics → success or a failure. An error from the parser (the text is not
 * YAML/JSON, or breaks a size, depth or alias limit) makes a 400; any other error a 422. Errors go in
 * `issues`; unsuppressed warnings and infos go in the `warnings` extension member, in the same issue
 * shape with their `severity`. Both lists are bounded by `maxIssues`.
 */

import { issue } from "./Envelope.js"
import { clip } from "./Excerpt.js"
import { Failure } from "./Failure.js"
import type { PortInputDiagnostic, PortResult } from "./Port.js"
import { bounded, issueOf } from "./Problem.js"

/** Rule ids of the parser (rules.md, "Document and syntax"): the body does not parse or breaks a limit. */
export const unparseableRules: ReadonlySet<string> = new Set([
  "syntax",
  "duplicate-key",
  "alias-limit",
  "document-limit",
])

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** `undefined` when no unsuppressed error; else the failure to send. `what` names the input ("the manifest"). */
export const failureOf = (
  diagnostics: ReadonlyArray<PortInputDiagnostic>,
  maxIssues: number,
  what: string,
): Failure | undefined => {
  const errors = diagnostics.filter((d) => d.severity === "error" && !d.suppressed)
  if (errors.length === 0) return undefined
  const others = diagnostics.filter((d) => d.severity !== "error" && !d.suppressed)
  const issues = bounded(errors.map(issueOf), maxIssues)
  const warnings = bounded(others.map(issueOf), maxIssues)
  const extensions = {
    warnings: warnings.items,
    ...(issues.omitted > 0 ? { omittedIssues: issues.omitted } : {}),
    ...(warnings.omitted > 0 ? { omittedWarnings: warnings.omitted } : {}),
  }
  const unparseable = errors.find((d) => unparseableRules.has(d.rule))
  if (unparseable !== undefined) {
    const where = unparseable.line !== undefined ? ` (line ${unparseable.line}, column ${unparseable.column ?? 1})` : ""
    const detail = `${what} does not parse: ${clip(unparseable.message)}${where}`
    return new Failure("ManifestUnparseable", detail, { issues: issues.items, extensions })
  }
  const warningCount = others.filter((d) => d.severity === "warning").length
  const infoCount = others.length - warningCount
  const counts = [plural(errors.length, "error")]
  if (warningCount > 0) counts.push(plural(warningCount, "warning"))
  if (infoCount > 0) counts.push(plural(infoCount, "info"))
  const last = counts.pop()!
  const list = counts.length > 0 ? `${counts.join(", ")} and ${last}` : last
  return new Failure("ManifestInvalid", `${what} has ${list}`, {
    issues: issues.items,
    extensions,
  })
}

/** A port that answers "not ok" without an error diagnostic breaks its contract: a defect (500), not a 4xx. */
const brokenPort = (): Error => new Error("the core answered not ok without an error diagnostic")

/** The failure of a diff or plan port's "not ok" answer (see `PortResult`); a plain Error (a defect) when it breaks the contract. */
export const portFailure = (result: Exclude<PortResult, { readonly ok: true }>, maxIssues: number): Error => {
  if ("input" in result) {
    const detail = `${result.input}: ${clip(result.message)}`
    return new Failure("RequestInvalid", detail, { issues: [issue(result.input, clip(result.message))] })
  }
  return failureOf(result.diagnostics, maxIssues, "the input") ?? brokenPort()
}

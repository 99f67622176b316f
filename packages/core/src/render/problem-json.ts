/**
 * Machine output of `ampkit problem --format json`: the decoded problem as JSON (Problem.ts
 * `encodeProblem`: RFC 9457 members, `type` defaulted, dates as RFC 3339, extensions kept, members
 * of the wrong type given back as received, `__proto__` dropped). When the issues were mapped to a
 * manifest, each mapped body issue also carries `manifestLocation: { file, pointer, line, column,
 * exact }`. When the JSON reader found something in the body (a duplicate member: its first value is
 * the one decoded; a lossy number; the syntax error or crossed limit of a body that was not read),
 * `bodyDiagnostics` lists it as `validate --format json` lists diagnostics: `{ rule, severity,
 * message, pointer, line, column, hint? }`, positioned in the body text (it replaces an extension
 * member of that name, which the body should not carry). Last, `ampkit` holds what the text output says
 * about the body, for scripts: `{ body, reason?, retry: { verdict, basis, sentence }, support? }` (`body`:
 * `problem`, `json-not-object`, `not-json`, `refused` or `empty`; `verdict`: `retry`, `wait`, `fix` or `unknown`;
 * it too replaces a member of that name).
 */

import { encodeProblem } from "../Problem.js"
import type { ProblemExplanation } from "../ProblemExplain.js"

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** The JSON value of `ampkit problem --format json`. `manifestName` names the manifest in locations. */
export const problemJson = (explanation: ProblemExplanation, manifestName?: string): Record<string, unknown> => {
  const encoded = withFindings(encodeProblem(explanation.problem), explanation.findings)
  const located = withLocations(encoded, explanation, manifestName)
  return { ...located, ampkit: verdictOf(explanation) }
}

/** What the text output says about the body besides its members: its kind, the status's reason, retry, support. */
const verdictOf = (explanation: ProblemExplanation): Record<string, unknown> => {
  const { verdict, basis, sentence } = explanation.retry
  const support = Object.entries(explanation.support).filter(([, v]) => v !== undefined)
  return {
    body: explanation.body,
    ...(explanation.reason !== undefined ? { reason: explanation.reason } : {}),
    retry: { verdict, basis, sentence },
    ...(support.length > 0 ? { support: Object.fromEntries(support) } : {}),
  }
}

const withLocations = (
  encoded: Record<string, unknown>,
  explanation: ProblemExplanation,
  manifestName: string | undefined,
): Record<string, unknown> => {
  if (manifestName === undefined || !Array.isArray(encoded.issues)) return encoded
  // Encoded issues are the decoded ones in order, with ignored non-object entries put back in place.
  const located = explanation.issues.filter((i) => i.source === "issues")
  let next = 0
  const issues = encoded.issues.map((entry: unknown) => {
    if (!isRecord(entry)) return entry
    const issue = located[next++]
    const location = issue?.location
    if (location === undefined) return entry
    return {
      ...entry,
      manifestLocation: {
        file: manifestName,
        pointer: location.pointer,
        line: location.position.line,
        column: location.position.column,
        exact: location.exact,
      },
    }
  })
  return { ...encoded, issues }
}

const withFindings = (
  encoded: Record<string, unknown>,
  findings: ProblemExplanation["findings"],
): Record<string, unknown> =>
  findings.length === 0
    ? encoded
    : {
        ...encoded,
        bodyDiagnostics: findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          pointer: f.pointer,
          line: f.position.line,
          column: f.position.column,
          ...(f.hint !== undefined ? { hint: f.hint } : {}),
        })),
      }

/**
 * `POST /v1/diff`: `{ "old": <text or JSON>, "new": <text or JSON> }` → 200 the diff JSON (contract.md).
 * The envelope is checked here; the diff itself is the core's, passed in as `ports.diff` (501 until then).
 */
import { issue, jsonTypeOf, readEnvelope, requireNoIssues } from "../Envelope.js"
import { Failure, type Issue } from "../Failure.js"
import type { DiffInput, DocumentInput } from "../Port.js"
import { jsonReply, type Reply, type RouteContext } from "../Route.js"
import { portFailure } from "../Verdict.js"

/** A document member: YAML/JSON text, or a JSON object or array. */
export const documentMember = (body: Record<string, unknown>, member: string, issues: Array<Issue>): DocumentInput => {
  const value = body[member]
  if (value === undefined) issues.push(issue(member, `${member} is required: the document as text or as JSON`))
  else if (typeof value !== "string" && (typeof value !== "object" || value === null)) {
    issues.push(issue(member, `${member} must be text or a JSON object or array, not ${jsonTypeOf(value)}`))
  }
  return value as DocumentInput
}

export const diffInputOf = (body: Record<string, unknown>): DiffInput => {
  const issues: Array<Issue> = []
  const input: DiffInput = { old: documentMember(body, "old", issues), new: documentMember(body, "new", issues) }
  requireNoIssues(issues)
  return input
}

export const diffRoute = async (context: RouteContext): Promise<Reply> => {
  const input = diffInputOf(await readEnvelope(context, ["old", "new"]))
  const diff = context.ports.diff
  if (diff === undefined) throw new Failure("NotImplemented", "POST /v1/diff is not implemented yet")
  const result = diff(input)
  if (!result.ok) throw portFailure(result, context.settings.limits.maxIssues)
  return jsonReply(200, result.value, { "Cache-Control": "no-store" })
}

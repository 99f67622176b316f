/**
 * Problem: a `Failure` → an RFC 9457 `application/problem+json` response in the shape of Ampersand's
 * `InputValidationProblem` (`type`, `title`, `status`, `detail`, `issues[]`), never cached, never with a
 * stack, and with lists bounded.
 */
import { clip } from "./Excerpt.js"
import { type Failure, failureTable, type Issue, problemType } from "./Failure.js"
import { jsonResponse } from "./JsonResponse.js"
import type { PortInputDiagnostic } from "./Port.js"

export const problemContentType = "application/problem+json"

/** Members a problem body always has; extensions never replace them. */
const reserved = new Set(["type", "title", "status", "detail", "instance", "issues", "requestId"])

export interface ProblemContext {
  /** Cloudflare's `cf-ray` (or another request id), echoed as the ApiProblem `requestId` when it is one. */
  readonly requestId?: string
  /** Headers added to the response (CORS). */
  readonly headers?: Readonly<Record<string, string>>
}

/** The problem+json body of a failure. */
export const problemBody = (failure: Failure, context: ProblemContext = {}): Record<string, unknown> => {
  const { status, title } = failureTable[failure.tag]
  const body: Record<string, unknown> = { type: problemType(failure.tag), title, status, detail: failure.detail }
  if (context.requestId !== undefined) body.requestId = context.requestId
  if (failure.options.issues !== undefined) body.issues = failure.options.issues
  for (const [key, value] of Object.entries(failure.options.extensions ?? {})) {
    if (!reserved.has(key)) body[key] = value
  }
  return body
}

/** The problem+json response of a failure: its status from the table, `Cache-Control: no-store`. */
export const problemResponse = (failure: Failure, context: ProblemContext = {}): Response =>
  jsonResponse(
    failureTable[failure.tag].status,
    problemBody(failure, context),
    { ...(context.headers ?? {}), ...(failure.options.headers ?? {}), "Cache-Control": "no-store" },
    problemContentType,
  )

/**
 * A core diagnostic as an issue. `name` is the JSON pointer of the offending node: into the body itself
 * for a manifest body, or prefixed with the request member (`/old/...`) when the diagnostic names one.
 */
export const issueOf = (d: PortInputDiagnostic): Issue => ({
  in: "body",
  name: d.input !== undefined ? `/${escapePointerToken(d.input)}${d.pointer}` : d.pointer,
  detail: clip(d.message),
  rule: d.rule,
  ...(d.line !== undefined ? { line: d.line } : {}),
  ...(d.column !== undefined ? { column: d.column } : {}),
  severity: d.severity,
  ...(d.hint !== undefined ? { hint: clip(d.hint) } : {}),
})

const escapePointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1")

/** The first `max` items and how many were left out. */
export const bounded = <A>(items: ReadonlyArray<A>, max: number): { items: ReadonlyArray<A>; omitted: number } =>
  items.length > max ? { items: items.slice(0, max), omitted: items.length - max } : { items, omitted: 0 }

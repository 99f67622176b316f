/**
 * ProblemExplain: any error body of the Ampersand API → what happened, what to do, whether and when
 * to retry, whom to ask, and each validation issue, mapped to a line of the manifest when the issue
 * is about the request body (design/domain.md §3, §8.5).
 *
 * Input is untrusted text: a conforming `InputValidationProblem` / `ApiProblem`, a JSON object with
 * wrong member types, JSON that is not an object, or plain text (a proxy's HTML page). Reading and
 * decoding are Problem.ts's (`readProblemText`: the core's JSON reader under `Limits`, lenient
 * decoding that never fails); this module only reads the decoded problem. Nothing here throws for
 * any text, and every list is walked once (linear time).
 */
import type { Finding, Position } from "./Diagnostic.js"
import { child, toPath } from "./internal/pointer.js"
import { formatDateTime } from "./internal/rfc3339.js"
import type { Limits } from "./Limits.js"
import {
  type ApiProblem,
  type IgnoredMember,
  type InputValidationIssue,
  type ProblemBodyKind,
  readProblemText,
  reasonPhrases,
} from "./Problem.js"
import type { SourceDocument } from "./Source.js"

/** What the body was before decoding (Problem.ts `ProblemBodyKind`). */
export type BodyKind = ProblemBodyKind

/** Where a body issue lands in the manifest. */
export interface IssueLocation {
  /** JSON pointer of the node the issue names, in the manifest. */
  readonly pointer: string
  /** Line and column of that node, or of its nearest existing ancestor when `exact` is false. */
  readonly position: Position
  /** Whether the named node exists in the manifest (false: the position is its nearest ancestor's). */
  readonly exact: boolean
}

/** One validation issue, as explained. */
export interface ExplainedIssue {
  /** Position in the body's list (0-based). */
  readonly index: number
  /** Where the bad input is (`body`, `header`, `path`, `query`), when the body says. */
  readonly in?: InputValidationIssue["in"]
  /** Name or path of the bad input, as received. */
  readonly name?: string
  readonly title?: string
  readonly detail?: string
  readonly remedy?: string
  readonly causes: ReadonlyArray<string>
  /** Whether the issue carries the bad `value` (which may be `null`). */
  readonly hasValue: boolean
  readonly value?: unknown
  /** JSON pointer read from `name` (`integrations[0].read` → `/integrations/0/read`) for body issues. */
  readonly pointer?: string
  /** Where the issue lands in the manifest, when one was given and the issue is about the body. */
  readonly location?: IssueLocation
  /** Members of the issue ignored because of their type or value. */
  readonly ignored: ReadonlyArray<IgnoredMember>
  /** `issues` (RFC 9457 InputValidationProblem) or `validationIssues` (`{ field, detail }`, some endpoints). */
  readonly source: "issues" | "validationIssues"
}

/** Whether and when to retry. */
export interface RetryAdvice {
  /** `retry`: may be retried now (with backoff); `wait`: not before `after`; `fix`: retrying the same request fails again. */
  readonly verdict: "retry" | "wait" | "fix" | "unknown"
  /** Earliest retry time, from `retryAfter`. */
  readonly after?: Date
  /** Whether the verdict comes from the body (`retryable` / `retryAfter`) or is inferred from the HTTP status. */
  readonly basis: "body" | "status" | "none"
  /** One sentence. */
  readonly sentence: string
}

export interface ProblemExplanation {
  readonly body: BodyKind
  /** The decoded problem (Problem.ts). */
  readonly problem: ApiProblem
  /**
   * What the JSON reader found in the body text (Problem.ts `readProblemText`), positioned in it:
   * `duplicate-key` (the first value is kept and explained), `invalid-value` (a lossy number), the
   * `syntax` error of JSON-like text, the `document-limit` that refused a body.
   */
  readonly findings: ReadonlyArray<Finding & { readonly position: Position }>
  /** Reason phrase of `problem.status` ("Unprocessable Content"). */
  readonly reason?: string
  readonly retry: RetryAdvice
  readonly support: { readonly email?: string; readonly phone?: string; readonly url?: string }
  readonly issues: ReadonlyArray<ExplainedIssue>
}

export interface ExplainOptions {
  /** HTTP status of the response, when known (fills a missing `status`). */
  readonly status?: number
  /** The manifest that was sent: body issues are mapped to its lines. */
  readonly manifest?: SourceDocument
  /** Overrides of `defaultLimits` for reading the body. */
  readonly limits?: Partial<Limits>
}

/** Statuses whose requests usually succeed when sent again later (RFC 9110 / common practice). */
const transientStatuses = new Set([408, 425, 429, 500, 502, 503, 504])

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v)

const retryAdvice = (problem: ApiProblem): RetryAdvice => {
  const after = problem.retryAfter
  if (problem.retryable === false) {
    return {
      verdict: "fix",
      basis: "body",
      sentence: "Do not retry: the API says this request cannot succeed as sent; fix it first.",
    }
  }
  if (after !== undefined) {
    return {
      verdict: "wait",
      after,
      basis: "body",
      sentence: `Retry after ${formatDateTime(after)}, not before.`,
    }
  }
  if (problem.retryable === true) {
    return {
      verdict: "retry",
      basis: "body",
      sentence: "Retry: the API says this request may be sent again (with backoff).",
    }
  }
  const status = problem.status
  if (status === undefined) {
    return {
      verdict: "unknown",
      basis: "none",
      sentence: "Unknown: the response says neither its status nor whether to retry.",
    }
  }
  if (transientStatuses.has(status)) {
    return {
      verdict: "retry",
      basis: "status",
      sentence: `Probably: ${status} is usually temporary; retry with backoff (the body does not say).`,
    }
  }
  if (status < 500) {
    return {
      verdict: "fix",
      basis: "status",
      sentence: `Not as is: a ${status} means the request itself is refused; change it before sending it again.`,
    }
  }
  return {
    verdict: "unknown",
    basis: "status",
    sentence: `Unknown: the body does not say whether a ${status} is temporary.`,
  }
}

// ---------------------------------------------------------------------------------------------
// Issue names → JSON pointers

/**
 * The JSON pointer an issue `name` denotes, or `undefined` when it is not a path. Accepted forms:
 * a JSON pointer (`/integrations/0/read`, also `#/…`), and the dotted form the API uses
 * (`integrations[0].read.objects[1]`, optionally `$.`-prefixed, with `['key']` / `["key"]` segments).
 * Linear in the length of `name`.
 */
export const issuePointer = (name: string): string | undefined => {
  if (name.startsWith("#/")) return validPointer(name.slice(1))
  if (name.startsWith("/")) return validPointer(name)
  const tokens: Array<string> = []
  let i = 0
  if (name.startsWith("$")) {
    i = 1
    if (name[i] === ".") i++
  }
  if (i >= name.length) return i > 0 ? "" : undefined
  let expectName = true
  while (i < name.length) {
    const c = name[i]
    if (c === "[") {
      const close = bracketEnd(name, i)
      if (close === undefined) return undefined
      const inner = name.slice(i + 1, close)
      const quote = inner[0]
      if (quote === "'" || quote === '"') {
        if (inner.length < 2 || inner[inner.length - 1] !== quote) return undefined
        tokens.push(inner.slice(1, -1))
      } else if (/^[0-9]+$/.test(inner)) tokens.push(String(Number(inner)))
      else return undefined
      i = close + 1
      expectName = false
      continue
    }
    if (c === ".") {
      if (expectName) return undefined
      i++
      expectName = true
      continue
    }
    if (!expectName) return undefined
    let j = i
    while (j < name.length && name[j] !== "." && name[j] !== "[") j++
    tokens.push(name.slice(i, j))
    i = j
    expectName = false
  }
  if (expectName) return undefined
  let pointer = ""
  for (const t of tokens)
    pointer += `/${t.includes("~") || t.includes("/") ? t.replace(/~/g, "~0").replace(/\//g, "~1") : t}`
  return pointer
}

/** End of a `[…]` segment starting at `open`, honouring quotes; undefined when unterminated. */
const bracketEnd = (s: string, open: number): number | undefined => {
  const quote = s[open + 1]
  if (quote === "'" || quote === '"') {
    const close = s.indexOf(quote, open + 2)
    if (close < 0 || s[close + 1] !== "]") return undefined
    return close + 1
  }
  const close = s.indexOf("]", open + 1)
  return close < 0 ? undefined : close
}

const validPointer = (pointer: string): string | undefined => (/~[^01]|~$/.test(pointer) ? undefined : pointer)

/** Names that wrap the manifest in a request body (`{ "sourceYaml": "…" }`): dropped when they lead a path. */
const wrappers = new Set(["sourceYaml", "body", "manifest"])

/** Array items are matched by index, or by the name that identifies them in a manifest. */
const identityKeys = ["name", "objectName", "fieldName", "mapToName"]

/**
 * Resolve a pointer against manifest data: the pointer of the node (indices normalised), and
 * whether every step exists. An array step may also be a name (`/integrations/syncCRM`).
 */
const resolve = (value: unknown, pointer: string): { pointer: string; exact: boolean } => {
  let tokens: Array<string>
  try {
    tokens = toPath(pointer)
  } catch {
    return { pointer: "", exact: false }
  }
  const first = tokens[0]
  if (first !== undefined && wrappers.has(first) && !(isRecord(value) && Object.hasOwn(value, first))) tokens.shift()
  let node: unknown = value
  let out = ""
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!
    if (Array.isArray(node)) {
      let index = /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : -1
      if (index < 0) index = node.findIndex((item) => isRecord(item) && identityKeys.some((key) => item[key] === token))
      if (index < 0 || index >= node.length) return { pointer: out, exact: false }
      node = node[index]
      out = child(out, index)
    } else if (isRecord(node) && Object.hasOwn(node, token)) {
      node = node[token]
      out = child(out, token)
    } else return { pointer: out, exact: false }
  }
  return { pointer: out, exact: true }
}

const explainIssue = (
  issue: InputValidationIssue,
  index: number,
  manifest: SourceDocument | undefined,
): ExplainedIssue => {
  const pointer = issue.in === "body" || issue.in === undefined ? pointerOf(issue.name) : undefined
  let location: IssueLocation | undefined
  if (pointer !== undefined && manifest !== undefined) {
    const resolved = resolve(manifest.value, pointer)
    // A name that matches nothing of the manifest (not even its first step) is about something else.
    if (resolved.exact || resolved.pointer !== "") {
      location = { pointer: resolved.pointer, position: manifest.locate(resolved.pointer), exact: resolved.exact }
    }
  }
  const hasValue = Object.hasOwn(issue, "value")
  return {
    index,
    ...(issue.in !== undefined ? { in: issue.in } : {}),
    ...(issue.name !== undefined ? { name: issue.name } : {}),
    ...(issue.title !== undefined ? { title: issue.title } : {}),
    ...(issue.detail !== undefined ? { detail: issue.detail } : {}),
    ...(issue.remedy !== undefined ? { remedy: issue.remedy } : {}),
    causes: issue.causes ?? [],
    hasValue,
    ...(hasValue ? { value: issue.value } : {}),
    ...(pointer !== undefined ? { pointer } : {}),
    ...(location !== undefined ? { location } : {}),
    ignored: issue.ignored,
    source: "issues",
  }
}

const pointerOf = (name: string | undefined): string | undefined =>
  name === undefined || name === "" ? undefined : issuePointer(name)

/** `validationIssues: [{ field, value?, detail, remedy? }]`, the shape some Ampersand endpoints send. */
const legacyIssues = (
  problem: ApiProblem,
  from: number,
  manifest: SourceDocument | undefined,
): Array<ExplainedIssue> => {
  const list = problem.extensions.validationIssues
  if (!Array.isArray(list)) return []
  const out: Array<ExplainedIssue> = []
  for (const entry of list) {
    if (!isRecord(entry)) continue
    const issue: Record<string, unknown> = { type: "about:blank", extensions: {}, ignored: [] }
    if (typeof entry.field === "string") issue.name = entry.field
    if (typeof entry.detail === "string") issue.detail = entry.detail
    if (typeof entry.remedy === "string") issue.remedy = entry.remedy
    if (Object.hasOwn(entry, "value")) issue.value = entry.value
    const explained = explainIssue(issue as unknown as InputValidationIssue, from + out.length, manifest)
    out.push({ ...explained, source: "validationIssues" })
  }
  return out
}

/** Explain an error body (any text). Never throws for any string. */
export const explainProblem = (text: string, options: ExplainOptions = {}): ProblemExplanation => {
  const { body, problem, findings } = readProblemText(text, options.status, options.limits)
  const issues = (problem.issues ?? []).map((issue, i) => explainIssue(issue, i, options.manifest))
  for (const issue of legacyIssues(problem, issues.length, options.manifest)) issues.push(issue)
  const reason = problem.status !== undefined ? reasonPhrases[problem.status] : undefined
  return {
    body,
    problem,
    findings,
    ...(reason !== undefined ? { reason } : {}),
    retry: retryAdvice(problem),
    support: {
      ...(problem.supportEmail !== undefined ? { email: problem.supportEmail } : {}),
      ...(problem.supportPhone !== undefined ? { phone: problem.supportPhone } : {}),
      ...(problem.supportUrl !== undefined ? { url: problem.supportUrl } : {}),
    },
    issues,
  }
}

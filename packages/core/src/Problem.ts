/**
 * Problem details (RFC 9457) as the Ampersand API returns them: `Problem` (RFC core), `ApiProblem`
 * (Ampersand extensions), `InputValidationProblem` (+ `issues`), `InputValidationIssue`
 * (design/domain.md §3, OAS `problem/problem.yaml`).
 *
 * Decoding is lenient, as RFC 9457 §3.1 asks of consumers:
 * - a member with the wrong type is ignored, never fatal: it is listed in `ignored`, in pointer
 *   order, with its raw value, so encoding gives it back and `decode ∘ encode ∘ decode = decode`;
 * - `type` defaults to `about:blank`;
 * - `status` counts only as an integer 400–599 (an error status), else it is ignored;
 * - `time` / `retryAfter` count only as strict RFC 3339 date-times and become `Date`s;
 * - `issues` entries are decoded as problems themselves; an entry that is not an object is ignored
 *   (listed in the parent's `ignored` at `/issues/<i>`); a bad member of an entry is ignored in
 *   that entry;
 * - every other member is an extension member and is kept in `extensions`, except `__proto__`
 *   (dropped: it would rewrite an object's prototype when copied).
 * Anything that is an object decodes; a body that is not JSON, or JSON that is not an object,
 * degrades through {@link decodeProblemText} / {@link decodeProblem} to a problem holding the HTTP
 * status and a bounded, escaped excerpt.
 *
 * Body text is read by the core's own JSON reader (internal/json-parser.ts) under the same `Limits`
 * as every other input (size, depth, values, string and key length), never by `JSON.parse`:
 * - a duplicate member is a `duplicate-key` finding and the FIRST value is kept, as everywhere in
 *   the core (a later value never silently wins);
 * - a body past a limit is not read: it degrades to the HTTP status and a detail naming the limit
 *   and where it was crossed (a `document-limit` finding), never a crash or a huge output;
 * - a number that is not finite or not exact (`1e400`, 2^53+1) is an `invalid-value` finding; the
 *   body is still explained.
 * {@link readProblemText} gives those findings; {@link decodeProblemText} only the problem.
 *
 * This module is plain (no effect at run time, for the browser bundle); the Effect schemas of these
 * types and the `ApiProblem` codec live in ProblemSchema.ts.
 */
import type * as Schema from "effect/Schema"
import type { Finding, Position } from "./Diagnostic.js"
import { JsonParser, parseJson } from "./internal/json-parser.js"
import { excerpt, kindOf } from "./internal/quote.js"
import { dateFromDateTime, formatDateTime } from "./internal/rfc3339.js"
import { checkSize, normaliseNewlines, stripBom } from "./internal/source-text.js"
import { type Limits, resolveLimits } from "./Limits.js"
import type { ApiProblemType, IgnoredMember as IgnoredMemberSchema, InputValidationIssueType } from "./ProblemSchema.js"

/** A member that was present but ignored because of its type or value (RFC 9457 §3.1). */
export interface IgnoredMember extends Schema.Schema.Type<typeof IgnoredMemberSchema> {}

/** One issue of an {@link InputValidationProblem}: an API problem plus `in`, `name`, `value`. */
export interface InputValidationIssue extends Schema.Schema.Type<typeof InputValidationIssueType> {}

/** A decoded problem: RFC 9457 members, Ampersand extensions, issues, other extensions, ignored members. */
export interface ApiProblem extends Schema.Schema.Type<typeof ApiProblemType> {}

/** The RFC 9457 core of a problem (every {@link ApiProblem} is one). */
export type Problem = Pick<ApiProblem, "type" | "href" | "title" | "status" | "detail" | "instance" | "extensions">

/** An API problem carrying input validation `issues` (the 400/404/422 responses). */
export interface InputValidationProblem extends ApiProblem {
  readonly issues: ReadonlyArray<InputValidationIssue>
}

/** Whether a problem carries input validation issues. */
export const isInputValidationProblem = (problem: ApiProblem): problem is InputValidationProblem =>
  problem.issues !== undefined

// ---------------------------------------------------------------------------------------------
// Lenient decoding

type Mutable = Record<string, unknown>

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** A member reader: the usable value, or `undefined` when the member must be ignored. */
interface MemberReader {
  readonly expected: string
  readonly read: (value: unknown) => unknown
}

const aString: MemberReader = { expected: "a string", read: (v) => (typeof v === "string" ? v : undefined) }
const aDate: MemberReader = {
  expected: "an RFC 3339 date-time string",
  read: (v) => (typeof v === "string" ? dateFromDateTime(v) : undefined),
}
const isErrorStatus = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 400 && (v as number) < 600

const problemReaders: Readonly<Record<string, MemberReader>> = {
  type: aString,
  href: aString,
  title: aString,
  status: { expected: "an integer 400–599", read: (v) => (isErrorStatus(v) ? v : undefined) },
  detail: aString,
  instance: aString,
  subsystem: aString,
  time: aDate,
  requestId: aString,
  causes: {
    expected: "a list of strings",
    read: (v) => (Array.isArray(v) && v.every((c) => typeof c === "string") ? [...v] : undefined),
  },
  remedy: aString,
  supportEmail: aString,
  supportPhone: aString,
  supportUrl: aString,
  retryable: { expected: "true or false", read: (v) => (typeof v === "boolean" ? v : undefined) },
  retryAfter: aDate,
  context: { expected: "an object", read: (v) => (isPlainObject(v) ? copyMembers(v) : undefined) },
}

const issueReaders: Readonly<Record<string, MemberReader>> = {
  ...problemReaders,
  in: {
    expected: "one of body, header, path, query",
    read: (v) => (v === "body" || v === "header" || v === "path" || v === "query" ? v : undefined),
  },
  name: aString,
  value: { expected: "any JSON value", read: (v) => v },
}

/** A shallow copy of an object's own members, without `__proto__`. */
const copyMembers = (source: Readonly<Record<string, unknown>>): Mutable => {
  const out: Mutable = {}
  for (const key of Object.keys(source)) if (key !== "__proto__") out[key] = source[key]
  return out
}

const decodeMembers = (
  source: Readonly<Record<string, unknown>>,
  readers: Readonly<Record<string, MemberReader>>,
  withIssues: boolean,
): Mutable => {
  const out: Mutable = { type: "about:blank" }
  const extensions: Mutable = {}
  const ignored: Array<IgnoredMember> = []
  for (const key of Object.keys(source)) {
    if (key === "__proto__") continue
    const raw = source[key]
    if (withIssues && key === "issues") {
      if (!Array.isArray(raw)) {
        ignored.push({ pointer: "/issues", value: raw, expected: "a list of issue objects" })
        continue
      }
      const issues: Array<unknown> = []
      raw.forEach((entry: unknown, index) => {
        if (isPlainObject(entry)) issues.push(decodeMembers(entry, issueReaders, false))
        else ignored.push({ pointer: `/issues/${index}`, value: entry, expected: "an issue object" })
      })
      out.issues = issues
      continue
    }
    const reader = Object.hasOwn(readers, key) ? readers[key] : undefined
    if (reader === undefined) {
      extensions[key] = raw
      continue
    }
    const value = reader.read(raw)
    if (value === undefined)
      ignored.push({ pointer: `/${escapePointerToken(key)}`, value: raw, expected: reader.expected })
    else out[key] = value
  }
  out.extensions = extensions
  out.ignored = ignored.sort(byPointer)
  return out
}

/** Pointer order, numeric tokens by value (`/issues/2` before `/issues/10`): stable across a round trip. */
const byPointer = (a: IgnoredMember, b: IgnoredMember): number => {
  const left = a.pointer.split("/")
  const right = b.pointer.split("/")
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const l = left[i] as string
    const r = right[i] as string
    if (l === r) continue
    const numeric = /^\d+$/.test(l) && /^\d+$/.test(r)
    return numeric ? Number(l) - Number(r) : l < r ? -1 : 1
  }
  return left.length - right.length
}

const escapePointerToken = (token: string): string => token.replace(/~/g, "~0").replace(/\//g, "~1")

const wireOrder = [
  "type",
  "href",
  "title",
  "status",
  "detail",
  "instance",
  "subsystem",
  "time",
  "requestId",
  "causes",
  "remedy",
  "supportEmail",
  "supportPhone",
  "supportUrl",
  "retryable",
  "retryAfter",
  "context",
  "in",
  "name",
  "value",
] as const

/** The JSON members of a decoded problem or issue (dates as RFC 3339, ignored members restored). */
const encodeMembers = (problem: ApiProblem | InputValidationIssue): Mutable => {
  const out: Mutable = {}
  const source = problem as unknown as Readonly<Record<string, unknown>>
  for (const key of wireOrder) {
    if (!Object.hasOwn(source, key)) continue
    const value = source[key]
    out[key] = value instanceof Date ? formatDateTime(value) : value
  }
  const restoredIssues: Array<{ readonly index: number; readonly value: unknown }> = []
  for (const member of problem.ignored) {
    const issueEntry = /^\/issues\/(\d+)$/.exec(member.pointer)
    if (issueEntry !== null) restoredIssues.push({ index: Number(issueEntry[1]), value: member.value })
  }
  if ("issues" in problem && problem.issues !== undefined) {
    const issues: Array<unknown> = problem.issues.map(encodeMembers)
    for (const { index, value } of restoredIssues) issues.splice(Math.min(index, issues.length), 0, value)
    out.issues = issues
  }
  for (const key of Object.keys(problem.extensions)) if (key !== "__proto__") out[key] = problem.extensions[key]
  for (const member of problem.ignored) {
    const token = member.pointer.slice(1)
    if (token.includes("/")) continue
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~")
    if (key !== "__proto__") out[key] = member.value
  }
  return out
}

/** The decoded problem of an object, or `undefined` for a value that is not an object (see the module comment). */
export const decodeProblemObject = (input: unknown): ApiProblem | undefined =>
  isPlainObject(input) ? (decodeMembers(input, problemReaders, true) as unknown as ApiProblem) : undefined

/** Why a value is no problem object (for decoding failures). */
export const problemNotObject = (input: unknown): string => `a problem must be an object, got ${kindOf(input)}`

// ---------------------------------------------------------------------------------------------
// Plain functions

/** Reason phrases of the HTTP error statuses (RFC 9110), for titles. */
export const reasonPhrases: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
}

/** Longest excerpt of an unreadable body kept in a degraded problem, in code points. */
export const BODY_EXCERPT_LENGTH = 200

const degraded = (status: number | undefined, detail: string): ApiProblem => {
  const validStatus = isErrorStatus(status) ? status : undefined
  return {
    type: "about:blank",
    title: (validStatus !== undefined ? reasonPhrases[validStatus] : undefined) ?? "Unreadable error response",
    ...(validStatus !== undefined ? { status: validStatus } : {}),
    detail,
    extensions: {},
    ignored: [],
  }
}

/**
 * Decode a parsed problem body. An object decodes leniently (never fails); anything else degrades
 * to a problem with the HTTP `status` (when it is 400–599) and a sentence saying what the body was.
 * When the object has no usable `status`, the HTTP `status` fills it.
 */
export const decodeProblem = (value: unknown, status?: number): ApiProblem => {
  if (!isPlainObject(value)) {
    const what = typeof value === "string" ? `the string "${excerpt(value, BODY_EXCERPT_LENGTH)}"` : kindOf(value)
    return degraded(status, `The response body is ${what}, not a problem object.`)
  }
  const problem = decodeMembers(value, problemReaders, true) as unknown as ApiProblem
  return problem.status === undefined && isErrorStatus(status) ? { ...problem, status } : problem
}

/** What a problem body was, before decoding. */
export type ProblemBodyKind =
  /** A JSON object: decoded as a problem (members of the wrong type ignored). */
  | "problem"
  /** Valid JSON that is not an object (array, string, number …). */
  | "json-not-object"
  /** Text that is not JSON (HTML error page, plain text, truncated JSON). */
  | "not-json"
  /** JSON past a reading limit (size, depth, values, string or key length): not read. */
  | "refused"
  /** Nothing, or only whitespace. */
  | "empty"

/** A body read from text: what it was, the decoded problem, and the JSON reader's findings. */
export interface ProblemRead {
  readonly body: ProblemBodyKind
  readonly problem: ApiProblem
  /**
   * Findings of the JSON reader, positioned in the body text: `duplicate-key` (the first value is
   * kept) and `invalid-value` (a number that is not finite or not exact) on a body that was read;
   * the `syntax` finding of JSON-like text that is not JSON; the `document-limit` finding of a
   * refused body. Empty for a clean body.
   */
  readonly findings: ReadonlyArray<Finding & { readonly position: Position }>
}

const looksLikeJson = /^[\t\n\r ]*[[{]/

/**
 * Read a problem body from response text under `limits` (default `defaultLimits`): what the body
 * was, the problem ({@link decodeProblem} for JSON; a degraded problem with the HTTP `status` and a
 * bounded, escaped excerpt or the crossed limit otherwise), and the reader's findings. One leading
 * byte order mark is ignored. Never throws for any string; linear in the text's length.
 */
export const readProblemText = (text: string, status?: number, limits?: Partial<Limits>): ProblemRead => {
  const bounds = resolveLimits(limits)
  if (text.trim() === "")
    return { body: "empty", problem: degraded(status, "The response body is empty."), findings: [] }
  const tooLarge = checkSize(text, bounds.maxBytes)
  const body = normaliseNewlines(stripBom(text))
  const outcome = tooLarge === undefined ? parseJson(body, bounds) : { findings: [tooLarge] }
  const findings = outcome.findings
  const stop = findings.find((f) => f.rule === "syntax" || f.rule === "document-limit")
  if (stop !== undefined) {
    const at = `line ${stop.position.line}, column ${stop.position.column}`
    if (stop.rule === "document-limit") {
      const detail = `The response body is not read: ${stop.message} (${at}).`
      return { body: "refused", problem: degraded(status, detail), findings: [stop] }
    }
    const jsonLike = looksLikeJson.test(body)
    const reason = jsonLike ? ` (${stop.message})` : ""
    const detail = `The response body is not JSON${reason}: "${excerpt(text.trim(), BODY_EXCERPT_LENGTH)}"`
    return { body: "not-json", problem: degraded(status, detail), findings: jsonLike ? [stop] : [] }
  }
  // Within the limits and well-formed: only `invalid-value` (a lossy number) can have withheld the
  // value; read it again for the value (deterministic), the number reported as found.
  const value = outcome.value !== undefined ? outcome.value.value : new JsonParser(body, bounds).parse()
  return {
    body: isPlainObject(value) ? "problem" : "json-not-object",
    problem: decodeProblem(value, status),
    findings,
  }
}

/**
 * Decode a problem from response text: JSON objects decode leniently ({@link decodeProblem}); text
 * that is not JSON, or JSON that is not an object, degrades to the HTTP `status` plus a bounded,
 * escaped excerpt of the body; a body past a limit degrades to the status and the limit. A duplicate
 * member keeps its first value ({@link readProblemText} reports it). Never throws for any string.
 */
export const decodeProblemText = (text: string, status?: number, limits?: Partial<Limits>): ApiProblem =>
  readProblemText(text, status, limits).problem

/** The JSON form of a decoded problem (inverse of decoding, up to `type` defaulting and `__proto__`). */
export const encodeProblem = (problem: ApiProblem): Record<string, unknown> => encodeMembers(problem)

/**
 * Envelope: a JSON request body made of named members (diff, plan). Reads it within the limits, checks it
 * is an object with only known members, and collects one issue per wrong member so the client sees all
 * of them at once.
 */
import { readBody } from "./BodyReader.js"
import { excerpt } from "./Excerpt.js"
import { Failure, type Issue } from "./Failure.js"
import { isRecord, parseJsonBody } from "./JsonBody.js"
import { bodySyntax, jsonMediaTypes } from "./MediaType.js"
import { bounded } from "./Problem.js"
import type { RouteContext } from "./Route.js"
import { decodeBody } from "./Utf8.js"

/** Read the body as a JSON object whose members are all in `members`; throws 415 / 413 / 400 failures. */
export const readEnvelope = async (
  { request, settings }: RouteContext,
  members: ReadonlyArray<string>,
): Promise<Record<string, unknown>> => {
  bodySyntax(request.headers.get("content-type"), jsonMediaTypes)
  const value = parseJsonBody(decodeBody(await readBody(request, settings.limits.maxBodyBytes)))
  const expected = `a JSON object with the members ${members.join(", ")}`
  if (!isRecord(value)) throw new Failure("RequestInvalid", `the request body must be ${expected}`)
  const unknown = Object.keys(value).filter((k) => !members.includes(k))
  if (unknown.length > 0) {
    const issues = unknown.map((k) =>
      issue(/^[\x20-\x7e]{1,64}$/.test(k) ? k : [], `unknown member ${excerpt(k)}; expected ${members.join(", ")}`),
    )
    requireNoIssues(issues)
  }
  return value
}

/** An issue about a member of the envelope (a member name, or the path to a nested value). */
export const issue = (path: string | ReadonlyArray<string | number>, detail: string): Issue => ({
  in: "body",
  name: (typeof path === "string" ? [path] : path)
    .map((t) => `/${String(t).replace(/~/g, "~0").replace(/\//g, "~1")}`)
    .join(""),
  detail,
  severity: "error",
})

/** Most issues listed about one envelope. */
export const maxEnvelopeIssues = 20

/** Throw one `RequestInvalid` failure listing the issues (at most `maxEnvelopeIssues`), if there is any. */
export const requireNoIssues = (issues: ReadonlyArray<Issue>): void => {
  if (issues.length === 0) return
  const detail = issues.length === 1 ? issues[0]!.detail : `the request body has ${issues.length} problems`
  const { items, omitted } = bounded(issues, maxEnvelopeIssues)
  throw new Failure("RequestInvalid", detail, {
    issues: items,
    ...(omitted > 0 ? { extensions: { omittedIssues: omitted } } : {}),
  })
}

/** A JSON type name for messages. */
export const jsonTypeOf = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "an array"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`

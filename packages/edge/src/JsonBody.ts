/**
 * JsonBody: a JSON request envelope (diff, plan) → a plain value, through the core's hardened JSON
 * parser. Its messages quote at most a short, escaped excerpt of the input.
 */
import { parseSource } from "@ampkit/core/Source"
import { excerpt } from "./Excerpt.js"
import { Failure, type Issue } from "./Failure.js"
import { listFindings } from "./NotListed.js"

/** Most issues listed about a body that does not parse (the rest are counted in `omittedIssues`). */
const maxJsonBodyIssues = 20

/** The tokens of a JSON pointer, unescaped (`/a~1b` → `["a/b"]`). */
const pointerTokens = (pointer: string): Array<string> =>
  pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))

/**
 * A duplicate key, said for a request body: the core's sentence ends with "the first value is kept", which is
 * true where validation goes on with the first value, but here the whole request is refused. A key of the body
 * itself is a member of the envelope, and named so.
 */
const duplicateDetail = (pointer: string, message: string): string => {
  const tokens = pointerTokens(pointer)
  const key = excerpt(tokens.at(-1) ?? "")
  const first = /\(first at line \d+\)/.exec(message)?.[0]
  const at = first !== undefined ? ` ${first}` : ""
  return tokens.length === 1
    ? `the member ${key} appears twice in the request body${at}; send it once`
    : `the key ${key} appears twice in one object${at}; give each key once`
}

export const parseJsonBody = (text: string): unknown => {
  // The core's JSON parser, not JSON.parse: a duplicate key (last-wins), an unsafe integer (silently
  // rounded) or nesting past the limits inside `old`, `new` or `current` is refused as it is in a
  // document sent as text.
  const parsed = parseSource(text, { syntax: "json" })
  const errors = parsed.findings.filter((f) => f.severity === "error")
  if (parsed.document !== undefined && errors.length === 0) return parsed.document.value
  const listed = listFindings(errors, maxJsonBodyIssues)
  const issues: Array<Issue> = listed.items.map((f) => {
    const position = f.position ?? parsed.document?.locate(f.pointer, f.at)
    return {
      in: "body",
      name: f.pointer,
      // A syntax message quotes the text it stopped at (which may be a secret pasted by mistake): not echoed.
      detail:
        f.rule === "syntax"
          ? "the request body is not valid JSON here"
          : f.rule === "duplicate-key"
            ? duplicateDetail(f.pointer, f.message)
            : f.message,
      rule: f.rule,
      severity: "error",
      ...(position !== undefined ? { line: position.line, column: position.column } : {}),
    }
  })
  const first = issues.find((i) => i.rule === "syntax") ?? issues[0]
  const where = first?.line !== undefined ? ` (line ${first.line}, column ${first.column})` : ""
  // "not valid JSON" only when it is not: a repeated key or an unsafe integer is JSON that cannot be used as sent.
  const detail =
    first?.rule === "syntax" || first === undefined
      ? `the request body is not valid JSON${where}`
      : listed.total === 1
        ? first.detail
        : `the request body has ${listed.total} problems`
  throw new Failure("RequestInvalid", detail, {
    issues,
    ...(listed.omitted > 0 ? { extensions: { omittedIssues: listed.omitted } } : {}),
  })
}

/** A JSON object (not an array, not null) as a record. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * JsonBody: a JSON request envelope (diff, plan) → a plain value. A parse error says where when the
 * engine says so, never what: the engine's own message may quote the input, so it is not passed on.
 */
import { Failure, type Issue } from "./Failure.js"

export const parseJsonBody = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : ""
    const match = /position (\d+)/.exec(message)
    const offset =
      match !== null ? Math.min(Number(match[1]), text.length) : /end of JSON/i.test(message) ? text.length : -1
    let issue: Issue = {
      in: "body",
      name: "",
      detail: "the request body is not valid JSON",
      rule: "syntax",
      severity: "error",
    }
    if (offset >= 0) {
      const before = text.slice(0, offset)
      const line = before.split("\n").length
      const column = offset - (before.lastIndexOf("\n") + 1) + 1
      issue = { ...issue, detail: `the request body is not valid JSON (line ${line}, column ${column})`, line, column }
    }
    throw new Failure("RequestInvalid", issue.detail, { issues: [issue] })
  }
}

/** A JSON object (not an array, not null) as a record. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

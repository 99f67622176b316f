/**
 * JsonBody: a JSON request envelope (diff, plan) → a plain value, through the core's hardened JSON
 * parser. Its messages quote at most a short, escaped excerpt of the input.
 */
import { parseSource } from "@ampkit/core/Source"
import { Failure, type Issue } from "./Failure.js"

export const parseJsonBody = (text: string): unknown => {
  // The core's JSON parser, not JSON.parse: a duplicate key (last-wins), an unsafe integer (silently
  // rounded) or nesting past the limits inside `old`, `new` or `current` is refused as it is in a
  // document sent as text.
  const parsed = parseSource(text, { syntax: "json" })
  const errors = parsed.findings.filter((f) => f.severity === "error")
  if (parsed.document !== undefined && errors.length === 0) return parsed.document.value
  const issues: Array<Issue> = errors.slice(0, 20).map((f) => {
    const position = f.position ?? parsed.document?.locate(f.pointer, f.at)
    return {
      in: "body",
      name: f.pointer,
      // A syntax message quotes the text it stopped at (which may be a secret pasted by mistake): not echoed.
      detail: f.rule === "syntax" ? "the request body is not valid JSON here" : f.message,
      rule: f.rule,
      severity: "error",
      ...(position !== undefined ? { line: position.line, column: position.column } : {}),
    }
  })
  const first = issues[0]
  const where = first?.line !== undefined ? ` (line ${first.line}, column ${first.column})` : ""
  throw new Failure("RequestInvalid", `the request body is not valid JSON${where}`, { issues })
}

/** A JSON object (not an array, not null) as a record. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

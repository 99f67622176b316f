/**
 * The Effect schemas of problem details (Problem.ts holds the plain decoding, types and functions):
 * the typed side of `ApiProblem` / `InputValidationIssue` / `IgnoredMember`, and the `ApiProblem`
 * codec (any JSON object ⇄ `ApiProblem`, decoding leniently as Problem.ts describes).
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { type ApiProblem as ApiProblemValue, decodeProblemObject, encodeProblem, problemNotObject } from "./Problem.js"

/** A decoded problem (Problem.ts). */
export type ApiProblem = ApiProblemValue

/** A member that was present but ignored because of its type or value (RFC 9457 §3.1). */
export const IgnoredMember = Schema.Struct({
  /** JSON pointer of the member, relative to the problem (`/status`, `/issues/2`). */
  pointer: Schema.String,
  /** The member's raw value, as received. */
  value: Schema.Unknown,
  /** What a usable value would have been ("an integer 400–599"). */
  expected: Schema.String,
})

const ProblemFields = {
  /** Problem type URI; `about:blank` when absent or not a string. */
  type: Schema.String,
  /** Human-readable documentation of the problem type (Ampersand extension). */
  href: Schema.optionalKey(Schema.String),
  /** Short summary of the problem type, e.g. "Service Unavailable". */
  title: Schema.optionalKey(Schema.String),
  /** HTTP status of this occurrence (400–599). */
  status: Schema.optionalKey(Schema.Int),
  /** Explanation of this occurrence. */
  detail: Schema.optionalKey(Schema.String),
  /** Identifier of this occurrence. */
  instance: Schema.optionalKey(Schema.String),
}

const CommonFields = {
  /** Extension members not modelled here, as received (never `__proto__`). */
  extensions: Schema.Record(Schema.String, Schema.Unknown),
  /** Members ignored because of their type or value. */
  ignored: Schema.Array(IgnoredMember),
}

const ApiProblemFields = {
  ...ProblemFields,
  /** Subsystem that produced the problem, e.g. "api". */
  subsystem: Schema.optionalKey(Schema.String),
  /** When the problem occurred. */
  time: Schema.optionalKey(Schema.Date),
  /** Request ID to quote to support, e.g. "89eb1ffb-…#87715". */
  requestId: Schema.optionalKey(Schema.String),
  /** Root causes, in no particular order. */
  causes: Schema.optionalKey(Schema.Array(Schema.String)),
  /** How to fix it. */
  remedy: Schema.optionalKey(Schema.String),
  supportEmail: Schema.optionalKey(Schema.String),
  supportPhone: Schema.optionalKey(Schema.String),
  supportUrl: Schema.optionalKey(Schema.String),
  /** Whether the request may be retried. */
  retryable: Schema.optionalKey(Schema.Boolean),
  /** Earliest time to retry (an absolute time, not a delay). */
  retryAfter: Schema.optionalKey(Schema.Date),
  /** Free-form context. */
  context: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown)),
}

/** Typed side of {@link InputValidationIssue}. */
export const InputValidationIssueType = Schema.Struct({
  ...ApiProblemFields,
  /** Where the bad input is. */
  in: Schema.optionalKey(Schema.Literals(["body", "header", "path", "query"])),
  /** Name or location of the bad input (for the body, a path such as `items[0].name`). */
  name: Schema.optionalKey(Schema.String),
  /** The bad value, any JSON. */
  value: Schema.optionalKey(Schema.Unknown),
  ...CommonFields,
})

/** Typed side of {@link ApiProblem}. */
export const ApiProblemType = Schema.Struct({
  ...ApiProblemFields,
  /** Input validation issues (present on 400/404/422 `InputValidationProblem`s). */
  issues: Schema.optionalKey(Schema.Array(InputValidationIssueType)),
  ...CommonFields,
})

/**
 * The transformation of {@link ApiProblem} (any value → `ApiProblem`, failing only for a value that
 * is not an object). The model generator (internal/model-generate.ts) recognises it by identity and
 * names it `api-problem`.
 */
export const apiProblemTransformation = SchemaTransformation.transformEffect<ApiProblem, unknown>({
  decode: (input, options) => {
    const problem = decodeProblemObject(input)
    return problem !== undefined
      ? Effect.succeed(problem)
      : Effect.fail(new SchemaIssue.InvalidValue({ message: problemNotObject(input) }, input, options))
  },
  encode: (problem) => Effect.succeed(encodeProblem(problem)),
})

/**
 * Codec: any JSON object ⇄ {@link ApiProblem}, decoding leniently (see the module comment).
 * Fails only when the input is not an object.
 */
export const ApiProblem = Schema.Unknown.pipe(Schema.decodeTo(ApiProblemType, apiProblemTransformation)).annotate({
  identifier: "ApiProblem",
})

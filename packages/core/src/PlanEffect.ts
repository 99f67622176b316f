/**
 * Plan on the Effect side: {@link planFromText} as an Effect whose failures are tagged errors.
 * The planning itself is Plan.ts's (plain).
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { type Plan, type PlanInputName, type PlanTextInput, planFromText } from "./Plan.js"
import type { ValidationReport } from "./Validate.js"

/** An input of the wrong kind or unusable (`--current` not an integration list …). */
export class PlanInputError extends Data.TaggedError("PlanInputError")<{
  readonly input: PlanInputName
  readonly message: string
}> {}

/** The desired manifest has errors (or does not parse): there is no plan. */
export class InvalidManifestError extends Data.TaggedError("InvalidManifestError")<{
  readonly message: string
  readonly report: ValidationReport
}> {}

/** {@link planFromText} as an Effect with tagged errors. */
export const planEffect = (input: PlanTextInput): Effect.Effect<Plan, PlanInputError | InvalidManifestError> =>
  Effect.suspend((): Effect.Effect<Plan, PlanInputError | InvalidManifestError> => {
    const outcome = planFromText(input)
    if (outcome.ok) return Effect.succeed(outcome.plan)
    if (outcome.reason === "bad-input") {
      return Effect.fail(new PlanInputError({ input: outcome.input, message: outcome.message }))
    }
    const errors = outcome.report.errors
    return Effect.fail(
      new InvalidManifestError({
        message: `the desired manifest has ${errors} error${errors === 1 ? "" : "s"}: no plan`,
        report: outcome.report,
      }),
    )
  })

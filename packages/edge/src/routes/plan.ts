/**
 * `POST /v1/plan`: `{ "current": Integration[], "desired": "<amp.yaml text>", "stopReads"?: [..], "maxBatch"?: n }`
 * → 200 the plan JSON (contract.md). The envelope is checked here; the plan itself is the core's, passed in
 * as `ports.plan` (501 until then).
 */
import { issue, jsonTypeOf, readEnvelope, requireNoIssues } from "../Envelope.js"
import { excerpt } from "../Excerpt.js"
import { Failure, type Issue } from "../Failure.js"
import type { PlanInput } from "../Port.js"
import { jsonReply, type Reply, type RouteContext } from "../Route.js"
import { portFailure } from "../Verdict.js"

/** Largest accepted `maxBatch`, and most `stopReads` entries. */
export const planBounds = { maxBatch: 1_000, stopReads: 1_000 } as const

export const planInputOf = (body: Record<string, unknown>): PlanInput => {
  const issues: Array<Issue> = []
  const { current, desired, stopReads, maxBatch } = body
  if (!Array.isArray(current)) {
    issues.push(
      issue("current", `current must be the list-integrations response (an array), not ${jsonTypeOf(current)}`),
    )
  }
  if (typeof desired !== "string") {
    issues.push(issue("desired", `desired must be the amp.yaml text (a string), not ${jsonTypeOf(desired)}`))
  }
  const names: Array<string> = []
  if (stopReads !== undefined) {
    if (!Array.isArray(stopReads) || stopReads.length > planBounds.stopReads) {
      issues.push(issue("stopReads", `stopReads must be an array of at most ${planBounds.stopReads} integration names`))
    } else {
      stopReads.forEach((name: unknown, i) => {
        if (typeof name === "string" && name !== "") names.push(name)
        else issues.push(issue(["stopReads", i], `stopReads[${i}] must be a non-empty string, not ${jsonTypeOf(name)}`))
      })
    }
  }
  if (
    maxBatch !== undefined &&
    !(typeof maxBatch === "number" && Number.isInteger(maxBatch) && maxBatch >= 1 && maxBatch <= planBounds.maxBatch)
  ) {
    const got = typeof maxBatch === "number" ? excerpt(String(maxBatch)) : jsonTypeOf(maxBatch)
    issues.push(issue("maxBatch", `maxBatch must be an integer from 1 to ${planBounds.maxBatch}, not ${got}`))
  }
  requireNoIssues(issues)
  return {
    current: current as ReadonlyArray<unknown>,
    desired: desired as string,
    stopReads: names,
    ...(typeof maxBatch === "number" ? { maxBatch } : {}),
  }
}

export const planRoute = async (context: RouteContext): Promise<Reply> => {
  const input = planInputOf(await readEnvelope(context, ["current", "desired", "stopReads", "maxBatch"]))
  const plan = context.ports.plan
  if (plan === undefined) throw new Failure("NotImplemented", "POST /v1/plan is not implemented yet")
  const result = plan(input)
  if (!result.ok) throw portFailure(result, context.settings.limits.maxIssues)
  return jsonReply(200, result.value, { "Cache-Control": "no-store" })
}

/**
 * `POST /v1/plan`: `{ "current": Integration[], "desired": "<amp.yaml text>", "stopReads"?: [..], "maxBatch"?: n,
 * "installations"?: Installation[], "project"?: "<idOrName>" }`
 * → 200 the plan JSON (contract.md). The envelope is checked here; the plan itself is the core's, passed in
 * as `ports.plan` (501 until then).
 */
import { wrappedListKey } from "@ampkit/core/ApiLists"
import { issue, jsonTypeOf, readEnvelope, requireNoIssues } from "../Envelope.js"
import { excerpt } from "../Excerpt.js"
import { Failure, type Issue } from "../Failure.js"
import type { PlanInput } from "../Port.js"
import { jsonReply, type Reply, type RouteContext } from "../Route.js"
import { portFailure } from "../Verdict.js"

/** Largest accepted `maxBatch`, most `stopReads` entries, longest `project` (UTF-16 units). */
export const planBounds = { maxBatch: 1_000, stopReads: 1_000, project: 256 } as const

/** The members of a plan request. */
const planMembers = ["current", "desired", "stopReads", "maxBatch", "installations", "project"]

export const planInputOf = (body: Record<string, unknown>): PlanInput => {
  const issues: Array<Issue> = []
  const { current, desired, stopReads, maxBatch, installations, project } = body
  if (!Array.isArray(current)) {
    // The array wrapped in an object by another tool (`{"integrations": [...]}`): say where it is.
    const key = wrappedListKey(current, "list-integrations")
    const held = key !== undefined ? ` (send the array it holds under ${excerpt(key)})` : ""
    issues.push(
      issue("current", `current must be the list-integrations response (an array), not ${jsonTypeOf(current)}${held}`),
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
  if (installations !== undefined && !Array.isArray(installations)) {
    issues.push(
      issue(
        "installations",
        `installations must be the list-installations response (an array), not ${jsonTypeOf(installations)}`,
      ),
    )
  }
  if (
    project !== undefined &&
    !(typeof project === "string" && project !== "" && project.length <= planBounds.project)
  ) {
    const got = typeof project === "string" ? `${project.length} characters` : jsonTypeOf(project)
    issues.push(
      issue("project", `project must be the project's ID or name (1 to ${planBounds.project} characters), not ${got}`),
    )
  }
  requireNoIssues(issues)
  return {
    current: current as ReadonlyArray<unknown>,
    desired: desired as string,
    stopReads: names,
    ...(typeof maxBatch === "number" ? { maxBatch } : {}),
    ...(Array.isArray(installations) ? { installations } : {}),
    ...(typeof project === "string" ? { project } : {}),
  }
}

export const planRoute = async (context: RouteContext): Promise<Reply> => {
  const input = planInputOf(await readEnvelope(context, planMembers))
  const plan = context.ports.plan
  if (plan === undefined) throw new Failure("NotImplemented", "POST /v1/plan is not implemented yet")
  const result = plan(input)
  if (!result.ok) throw portFailure(result, context.settings.limits.maxIssues)
  return jsonReply(200, result.value, { "Cache-Control": "no-store" })
}

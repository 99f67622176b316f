/**
 * planPort: `POST /v1/plan`'s envelope → the core's batch plan. The desired manifest is validated first:
 * its errors make a 400 (does not parse) or 422 (breaks rules) with issues under `/desired`; an unusable
 * `current` (not an integration list), `installations` (not list-installations), `maxBatch` or `project` is
 * a 400 naming the member, with one issue per defect the core lists in it (`/current/0/projectId` …).
 */
import { installationIndex } from "@ampkit/core/ApiLists"
import { planFromText } from "@ampkit/core/Plan"
import type { PlanInput, PortResult } from "@ampkit/edge"

export const planPort = (input: PlanInput): PortResult => {
  const outcome = planFromText({
    current: input.current,
    desired: input.desired,
    stopReads: input.stopReads,
    ...(input.maxBatch !== undefined ? { maxBatch: input.maxBatch } : {}),
    ...(input.installations !== undefined ? { installations: input.installations } : {}),
    ...(input.project !== undefined ? { project: input.project } : {}),
  })
  if (outcome.ok) return { ok: true, value: outcome.plan }
  if (outcome.reason === "bad-input") {
    // A value of another kind is said in one sentence (what it looks like), not as every key it lacks.
    if (outcome.cause === "kind") return { ok: false, input: outcome.input, message: outcome.message }
    // The list of installations sent as `current`: said so, not as every installation's missing keys.
    const installation = outcome.input === "current" ? installationIndex(input.current) : -1
    if (installation >= 0) {
      const message = `expected the list-integrations response, but item ${installation} looks like an installation (list-installations): send it as installations`
      return { ok: false, input: "current", message }
    }
    // `current` and `installations` arrive as JSON values, not text: their diagnostics have pointers but no
    // meaningful line and column.
    const positioned = outcome.input !== "current" && outcome.input !== "installations"
    const diagnostics = outcome.diagnostics.map(({ line, column, ...d }) => ({
      ...d,
      input: outcome.input,
      ...(positioned ? { line, column } : {}),
    }))
    return { ok: false, input: outcome.input, message: outcome.message, diagnostics }
  }
  return { ok: false, diagnostics: outcome.report.diagnostics.map((d) => ({ ...d, input: "desired" })) }
}

/**
 * planPort: `POST /v1/plan`'s envelope → the core's batch plan. The desired manifest is validated first:
 * its errors make a 400 (does not parse) or 422 (breaks rules) with issues under `/desired`; an unusable
 * `current` (not an integration list) or `maxBatch` is a 400 naming the member.
 */
import { planFromText } from "@ampkit/core/Plan"
import type { PlanInput, PortResult } from "@ampkit/edge"

export const planPort = (input: PlanInput): PortResult => {
  const outcome = planFromText({
    current: input.current,
    desired: input.desired,
    stopReads: input.stopReads,
    ...(input.maxBatch !== undefined ? { maxBatch: input.maxBatch } : {}),
  })
  if (outcome.ok) return { ok: true, value: outcome.plan }
  if (outcome.reason === "bad-input") return { ok: false, input: outcome.input, message: outcome.message }
  return { ok: false, diagnostics: outcome.report.diagnostics.map((d) => ({ ...d, input: "desired" })) }
}

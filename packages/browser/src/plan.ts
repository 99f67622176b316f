/**
 * Plan from texts: the live integrations (the JSON of list-integrations) and the desired `amp.yaml`
 * → what a deploy would do, split into batch requests. What `ampkit plan` does, without the file
 * system; the result is plain data (it can cross `postMessage`).
 */
import type { PlanOutcome as CorePlanOutcome, Plan } from "@ampkit/core/Plan"
import { planFromText } from "@ampkit/core/Plan"

export interface PlanOptions {
  /** The list-installations body (JSON text or parsed value): who reads what. */
  readonly installations?: unknown
  /** Integrations whose removed read objects should stop being read (a destructive batch). */
  readonly stopReads?: ReadonlyArray<string>
  /** Most integrations per batch: an integer ≥ 1. */
  readonly maxBatch?: number
  /** The project's ID or name, filled into the requests' path (default: `{projectIdOrName}` stays). */
  readonly project?: string
}

/**
 * What `plan` gives: the plan, or core's failure outcomes as they are (`invalid-manifest`: the desired
 * manifest has errors or does not parse; `bad-input`: an input that cannot be used, with its `cause`
 * and the diagnostics positioned in its text).
 */
export type PlanOutcome = { readonly ok: true; readonly plan: Plan } | Extract<CorePlanOutcome, { readonly ok: false }>

/**
 * Plan a deploy of `desired` (amp.yaml text) onto `current` (list-integrations JSON text). The
 * desired manifest is validated first: with errors there is no plan. Never throws for any input text.
 */
export const plan = (current: string, desired: string, options: PlanOptions = {}): PlanOutcome => {
  const outcome = planFromText({ ...options, current, desired })
  // The source document (with its `locate` function) stays behind: the outcome is plain data.
  return outcome.ok ? { ok: true, plan: outcome.plan } : outcome
}

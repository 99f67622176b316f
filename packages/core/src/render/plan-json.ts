/**
 * Machine outputs of `ampkit plan`: the plan as JSON (contract.md `plan --format json`), and the
 * files `--out <dir>` writes for review or for a deploy step. Data in, strings out: the CLI writes.
 */
import type { Plan } from "../Plan.js"
import type { PlanVerification } from "../PlanVerify.js"

/** `ampkit plan --format json`: byte-identical for equal plans. */
export const renderPlanJson = (plan: Plan): string => `${JSON.stringify(plan, null, 2)}\n`

/** `ampkit plan verify --format json`. */
export const renderPlanVerificationJson = (verification: PlanVerification, planId: string | undefined): string =>
  `${JSON.stringify({ ...(planId !== undefined ? { planId } : {}), ...verification }, null, 2)}\n`

/** A file of `--out`: a name inside the output folder (no separators) and its content. */
export interface PlanFile {
  readonly name: string
  readonly content: string
}

/**
 * The files of `--out <dir>`, in order: `plan.json` (for `ampkit plan verify`), then per batch
 * `batch-<n>.amp.yaml` (its `sourceYaml`) and `batch-<n>.request.json` (the full request: method,
 * path, query, body). `<n>` is 1-based, zero-padded so that names sort in deploy order.
 */
export const planFiles = (plan: Plan): Array<PlanFile> => {
  const width = String(plan.batches.length).length
  const files: Array<PlanFile> = [{ name: "plan.json", content: renderPlanJson(plan) }]
  plan.batches.forEach((batch, i) => {
    const n = String(i + 1).padStart(width, "0")
    files.push({ name: `batch-${n}.amp.yaml`, content: batch.request.body.sourceYaml })
    files.push({ name: `batch-${n}.request.json`, content: `${JSON.stringify(batch.request, null, 2)}\n` })
  })
  return files
}

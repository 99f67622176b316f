/**
 * One analysis of the page's inputs: validate the new amp.yaml; with a "before" side, the semantic
 * diff; with the API's Integration[] JSON as the before side, the deploy plan. Pure and plain data
 * in and out, so it runs the same in the worker and on the main thread.
 */
import { type DiffOutcome, diff, type PlanOutcome, plan, type ValidationReport, validate } from "@ampkit/browser"

export interface AnalysisInput {
  readonly after: string
  readonly before: string
  /** Integrations whose removed read objects should stop being read (the plan's destructive batches). */
  readonly stopReads: ReadonlyArray<string>
}

export interface Analysis {
  /** Absent when the new amp.yaml is blank. */
  readonly validation?: ValidationReport
  /** Absent when either side is blank. */
  readonly diff?: DiffOutcome
  /** Present when the before side is an integration list (or looks like one and the new side cannot be read). */
  readonly plan?: PlanOutcome
}

const blank = (text: string): boolean => text.trim() === ""

/** Whether a before text is the API's list (a JSON array), judged without parsing it. */
const looksLikeList = (text: string): boolean => /^[\s\uFEFF]*\[/.test(text)

export const analyse = (input: AnalysisInput): Analysis => {
  if (blank(input.after)) return {}
  const validation = validate(input.after)
  if (blank(input.before)) return { validation }
  const changes = diff(input.before, input.after)
  const live = changes.ok
    ? changes.kinds.before === "integration-list"
    : changes.side === "after" && looksLikeList(input.before)
  if (!live) return { validation, diff: changes }
  return { validation, diff: changes, plan: plan(input.before, input.after, { stopReads: input.stopReads }) }
}

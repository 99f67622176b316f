/**
 * How the renderers of a diff grade a change for tools that know only error / warning / notice:
 * an unaccepted change at or above `--fail-on` is an error (it fails the run), other dangerous
 * and worse ones are warnings, the rest (safe, accepted) notices.
 */

import type { Change } from "../changes/Change.js"
import { atOrAbove, type FailOn } from "../Diff.js"

export type Grade = "error" | "warning" | "info"

export const gradeOf = (change: Change, failOn: FailOn): Grade => {
  if (change.accepted === true) return "info"
  if (atOrAbove(change.level, failOn)) return "error"
  return change.level === "safe" ? "info" : "warning"
}

/** Where a change shows in the new file: its own position, or for a removal its anchor. */
export const newFilePosition = (change: Change): { line: number; column: number } | undefined => {
  if (change.after === undefined && change.before !== undefined) return change.anchor
  return change.line !== undefined && change.column !== undefined
    ? { line: change.line, column: change.column }
    : undefined
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** `2 breaking, 1 reconfigure, 0 dangerous, 3 safe (1 accepted)`. */
export const diffSummaryLine = (summary: {
  readonly breaking: number
  readonly reconfigure: number
  readonly dangerous: number
  readonly safe: number
  readonly accepted: number
}): string =>
  `${summary.breaking} breaking, ${summary.reconfigure} reconfigure, ${summary.dangerous} dangerous, ${summary.safe} safe` +
  (summary.accepted > 0 ? ` (${plural(summary.accepted, "accepted change")} not counted)` : "")

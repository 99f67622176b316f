/**
 * `ampkit diff --format json` (contract.md): `{ changes, summary }`, byte-identical for equal input. Given
 * the run's gate, it also says the verdict, so a script need not recompute it: `old` and `new` (the inputs'
 * names), `failOn` and `ok` (false when an unaccepted change is at or above `failOn`, as exit 1 says).
 */
import { type DiffResult, type FailOn, failsAt } from "../Diff.js"

export interface DiffJsonGate {
  readonly old: string
  readonly new: string
  readonly failOn: FailOn
}

export const diffJson = (result: DiffResult, gate?: DiffJsonGate): string =>
  `${JSON.stringify(
    {
      changes: result.changes,
      summary: result.summary,
      ...(gate !== undefined
        ? { old: gate.old, new: gate.new, failOn: gate.failOn, ok: !failsAt(result, gate.failOn) }
        : {}),
    },
    null,
    2,
  )}\n`

/** `ampkit diff --format json` (contract.md): `{ changes, summary }`, byte-identical for equal input. */
import type { DiffResult } from "../Diff.js"

export const diffJson = (result: DiffResult): string =>
  `${JSON.stringify({ changes: result.changes, summary: result.summary }, null, 2)}\n`

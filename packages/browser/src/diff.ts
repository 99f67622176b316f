/**
 * Diff from texts: the two documents as a user pastes them (YAML or JSON, any kind the diff compares)
 * → the semantic changes, or why one side cannot be compared, with its positioned diagnostics.
 * What `ampkit diff` does with two files, without the file system (core `diffTexts`).
 */
import type { DiffKind, DiffResult } from "@ampkit/core/Diff"
import { type DiffTextsFailure, diffTexts } from "@ampkit/core/DiffText"

/** The document kinds a diff compares, as `decodeText` names them. */
export { diffKinds } from "@ampkit/core/DiffText"

export interface DiffOptions {
  /** Fingerprints of reviewed changes: still listed, flagged `accepted`, not counted in the summary. */
  readonly accepted?: Iterable<string>
}

/** Why one side of a diff cannot be compared. */
export type DiffSideFailure = Omit<DiffTextsFailure, "positioned">

export type DiffOutcome =
  | (DiffResult & { readonly ok: true; readonly kinds: { readonly before: DiffKind; readonly after: DiffKind } })
  | DiffSideFailure

/**
 * The semantic changes from `before` to `after` (texts of any kind the diff compares: manifest,
 * integration block, revision, integration, integration list). Never throws for any input text.
 */
export const diff = (before: string, after: string, options: DiffOptions = {}): DiffOutcome => {
  const result = diffTexts(before, after, options)
  // Plain data as before: without the core's extra members (`accepted`, `positioned`).
  if (result.ok) {
    const { accepted: _, ...outcome } = result
    return outcome
  }
  const { positioned: _, ...failure } = result
  return failure
}

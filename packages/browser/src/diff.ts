/**
 * Diff from texts: the two documents as a user pastes them (YAML or JSON, any kind the diff compares)
 * → the semantic changes, or why one side cannot be compared, with its positioned diagnostics.
 * What `ampkit diff` does with two files, without the file system.
 */
import { decodeText } from "@ampkit/core/Decode"
import type { Diagnostic } from "@ampkit/core/Diagnostic"
import { type DiffKind, type DiffResult, type DiffSide, diff as diffSides } from "@ampkit/core/Diff"

/** The document kinds a diff compares, as `decodeText` names them. */
export const diffKinds: ReadonlyArray<DiffKind> = [
  "manifest",
  "integration-block",
  "revision",
  "integration",
  "integration-list",
]

export interface DiffOptions {
  /** Fingerprints of reviewed changes: still listed, flagged `accepted`, not counted in the summary. */
  readonly accepted?: Iterable<string>
}

/** Why one side of a diff cannot be compared. */
export interface DiffSideFailure {
  readonly ok: false
  readonly side: "before" | "after"
  /** `syntax`: not YAML/JSON data; `kind`: no document kind the diff compares; `decode`: that kind, with defects. */
  readonly reason: "syntax" | "kind" | "decode"
  /** One sentence for a user. */
  readonly message: string
  /** Positioned in that side's text. */
  readonly diagnostics: ReadonlyArray<Diagnostic>
}

export type DiffOutcome =
  | (DiffResult & { readonly ok: true; readonly kinds: { readonly before: DiffKind; readonly after: DiffKind } })
  | DiffSideFailure

type Loaded = { readonly ok: true; readonly kind: DiffKind; readonly side: DiffSide } | DiffSideFailure

const load = (text: string, side: "before" | "after"): Loaded => {
  const decoded = decodeText(text, { expected: diffKinds })
  if (!decoded.ok) {
    return { ok: false, side, reason: decoded.reason, message: decoded.message, diagnostics: decoded.diagnostics }
  }
  // decodeText only returns the expected kinds, none of which is a problem.
  const kind = decoded.document.kind as DiffKind
  return { ok: true, kind, side: { value: decoded.document.value, locate: decoded.source.locate } }
}

/**
 * The semantic changes from `before` to `after` (texts of any kind the diff compares: manifest,
 * integration block, revision, integration, integration list). Never throws for any input text.
 */
export const diff = (before: string, after: string, options: DiffOptions = {}): DiffOutcome => {
  const old = load(before, "before")
  if (!old.ok) return old
  const young = load(after, "after")
  if (!young.ok) return young
  const accepted = new Set([...(options.accepted ?? [])].map((f) => f.toLowerCase()))
  const result = diffSides(old.side, young.side, { accepted })
  return { ok: true, kinds: { before: old.kind, after: young.kind }, changes: result.changes, summary: result.summary }
}

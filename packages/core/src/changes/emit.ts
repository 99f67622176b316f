/**
 * How the per-area builders report a change: its id, subject, before/after and where it is in
 * both documents. The pointer kept is the one in the new document, or the old one for a removal
 * (changes.md "Output of one change"); `anchor` is where a removal shows in the new document.
 */
import type { ChangeData, ChangeId, Json } from "./Change.js"

/** Where a change is: its pointer in the old and the new document, and its nearest node in the new one. */
export interface Place {
  readonly old: string
  readonly new: string
  /** The nearest node of the new document (used for removals). */
  readonly anchor: string
}

/** A change with its pointer, before wording and positions. */
export interface PlacedChange extends ChangeData {
  readonly pointer: string
  /** For a removal: the pointer of its nearest surviving parent in the new document. */
  readonly anchor?: string
  readonly likelyRenameOf?: string
}

export type Emit = (
  id: ChangeId,
  subject: ReadonlyArray<string>,
  before: Json | undefined,
  after: Json | undefined,
  place: Place,
) => void

/** An emitter for one integration that appends to `out`. */
export const emitter =
  (integration: string, out: Array<PlacedChange>): Emit =>
  (id, subject, before, after, place) => {
    const removal = after === undefined
    out.push({
      id,
      integration,
      subject,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      pointer: removal ? place.old : place.new,
      ...(removal ? { anchor: place.anchor } : {}),
    })
  }

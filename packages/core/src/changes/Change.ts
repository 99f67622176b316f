/**
 * A semantic change between two definitions of the same integrations (design/changes.md): its id,
 * level and the data it is about. A change is data; its sentence is built from that data by the
 * catalog (catalog.ts), one function per id.
 */
import type { Position } from "../Diagnostic.js"

/** Plain JSON data, as the `before` / `after` of a change. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/** Levels, most severe first (changes.md "Levels"). */
export const levels = ["breaking", "reconfigure", "dangerous", "safe"] as const
export type Level = (typeof levels)[number]

/** Every change id of changes.md, in the catalog's order. Public contract: never rename, only add. */
export const changeIds = [
  "integration-added",
  "integration-removed",
  "provider-changed",
  "module-changed",
  "display-name-changed",
  "read-added",
  "read-removed",
  "read-object-added",
  "read-object-removed",
  "object-name-case-changed",
  "read-object-always-enabled-changed",
  "read-object-destination-changed",
  "read-object-schedule-changed",
  "read-object-mapping-changed",
  "read-object-display-changed",
  "required-field-added",
  "required-field-removed",
  "field-made-optional",
  "field-made-required",
  "optional-field-added",
  "optional-field-removed",
  "optional-fields-auto-added",
  "optional-fields-auto-removed",
  "field-mapping-changed",
  "field-source-changed",
  "field-display-changed",
  "backfill-changed",
  "delivery-changed",
  "write-added",
  "write-removed",
  "write-object-added",
  "write-object-removed",
  "write-inherit-mapping-changed",
  "write-value-defaults-changed",
  "subscribe-added",
  "subscribe-removed",
  "subscribe-object-added",
  "subscribe-object-removed",
  "subscribe-destination-changed",
  "subscribe-inherit-fields-changed",
  "subscribe-event-added",
  "subscribe-event-removed",
  "subscribe-other-event-added",
  "subscribe-other-event-removed",
  "watch-fields-changed",
  "association-full-records-changed",
  "proxy-enabled-changed",
  "proxy-use-module-changed",
  "watch-schema-added",
  "watch-schema-removed",
  "watch-schema-changed",
] as const
export type ChangeId = (typeof changeIds)[number]

/**
 * What a change is about, before it is worded and placed: built by the per-area builders.
 *
 * `subject` names what the change touches below the integration, by names and never by array
 * index, as the new document spells them (the old one for what exists only there), e.g.
 * `["read", "contact", "fields", "email"]` or `["subscribe", "account", "otherEvents", "UNDELETE"]`.
 */
export interface ChangeData {
  readonly id: ChangeId
  readonly integration: string
  readonly subject: ReadonlyArray<string>
  readonly before?: Json
  readonly after?: Json
}

/** One change of a diff, as every surface shows it (contract.md `diff --format json`). */
export interface Change extends ChangeData {
  readonly level: Level
  /**
   * RFC 6901 pointer of the thing in the NEW document; in the OLD one for a removal (a change
   * without `after`).
   */
  readonly pointer: string
  /** One plain sentence a reviewer understands without the catalog. */
  readonly message: string
  /** 12 hex digits from the id, the names it touches and before/after: stable when unrelated parts move. */
  readonly fingerprint: string
  /** Listed in the accepted fingerprints: still reported, not counted for `--fail-on`. */
  readonly accepted?: true
  /** On `integration-added`: the removed integration this one most likely renames (same provider, mostly the same content). */
  readonly likelyRenameOf?: string
  /** 1-based position of `pointer` in the document it refers to (new, or old for a removal), when positions are known. */
  readonly line?: number
  readonly column?: number
  /**
   * For a removal: where it shows in the NEW document (its nearest surviving parent), so that
   * annotations on the new file can point at it.
   */
  readonly anchor?: Position
}

/** Whether a change is a removal: it has a `before` and no `after`, so its pointer is in the old document. */
export const isRemoval = (change: ChangeData): boolean => change.before !== undefined && change.after === undefined

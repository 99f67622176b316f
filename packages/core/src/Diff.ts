/**
 * Diff: two definitions of the same integrations → the semantic changes between them
 * (design/changes.md), each classified, worded, placed and fingerprinted.
 *
 * Any pair of document kinds can be compared (manifest, integration block, revision, integration,
 * integration list): both are reduced to integration blocks keyed by name, normalised
 * (changes/normal.ts) and walked area by area (changes/*.ts) with maps keyed by name, so the cost
 * is near-linear in the size of the documents and array order never matters. Pure and
 * deterministic: equal input gives byte-identical JSON.
 */

import type { Change, ChangeData, Level } from "./changes/Change.js"
import { isRemoval, levels } from "./changes/Change.js"
import { changeKind } from "./changes/catalog.js"
import { blocksOf, type DiffKind, type LocatedBlock } from "./changes/document.js"
import { emitter, type PlacedChange } from "./changes/emit.js"
import { compareIntegration } from "./changes/integration.js"
import { jsonEqual } from "./changes/json-equal.js"
import { compareStrings, integrationJson, type NIntegration, normaliseIntegration } from "./changes/normal.js"
import { likelyRenames } from "./changes/rename.js"
import type { Position } from "./Diagnostic.js"
import { canonicalJson, fingerprint } from "./Fingerprint.js"
import { toPath } from "./internal/pointer.js"

export { applyChanges, canonicalIntegrations } from "./changes/apply.js"
export type { Change, ChangeData, ChangeId, Json, Level } from "./changes/Change.js"
export { changeIds, isRemoval, levels } from "./changes/Change.js"
export { type ChangeKind, changeCatalog, changeKind } from "./changes/catalog.js"
export type { DiffKind } from "./changes/document.js"
export { changeSummaries } from "./changes/summaries.js"

/** Where a JSON pointer is in the source text (SourceDocument.locate). */
export type Locate = (pointer: string, at?: "key" | "value") => Position

/**
 * One side of a diff: a document of any kind (plain JSON, or a decoded document) and, optionally,
 * the positions of its source text (a `SourceDocument` from `parseSource` fits as is).
 */
export interface DiffSide {
  readonly value: unknown
  readonly locate?: Locate
}

export interface DiffOptions {
  /** Fingerprints of accepted changes (`--accept`): still reported, flagged, not counted. */
  readonly accepted?: ReadonlySet<string>
}

/** Changes per level, accepted ones left out, and the number of accepted ones. */
export interface DiffSummary {
  readonly breaking: number
  readonly reconfigure: number
  readonly dangerous: number
  readonly safe: number
  readonly accepted: number
}

export interface DiffResult {
  /** Sorted by integration, pointer, then id. */
  readonly changes: ReadonlyArray<Change>
  readonly summary: DiffSummary
}

/** A side that is no document kind the diff compares. */
export class DiffInputError extends Error {
  readonly _tag = "DiffInputError"
  readonly side: "before" | "after"
  constructor(side: "before" | "after", message: string) {
    super(message)
    this.side = side
  }
}

/** The kind of a document, or why it is none of those the diff compares. */
export const diffKind = (value: unknown): { ok: true; kind: DiffKind } | { ok: false; message: string } => {
  const b = blocksOf(value)
  return b.ok ? { ok: true, kind: b.kind } : { ok: false, message: b.message }
}

interface Prepared {
  /** Integration blocks by name, normalised on demand. */
  readonly blocks: ReadonlyMap<string, LocatedBlock>
  readonly normal: (name: string) => NIntegration
  readonly container: string
  readonly locate: Locate | undefined
}

const prepare = (side: DiffSide, which: "before" | "after"): Prepared => {
  const b = blocksOf(side.value)
  if (!b.ok) throw new DiffInputError(which, b.message)
  const cache = new Map<LocatedBlock, NIntegration>()
  const normalOf = (block: LocatedBlock): NIntegration => {
    const cached = cache.get(block)
    if (cached !== undefined) return cached
    const n = normaliseIntegration(block.value, block.pointer)
    cache.set(block, n)
    return n
  }
  const blocks = new Map<string, LocatedBlock>()
  for (const block of b.blocks) {
    const name = typeof block.value.name === "string" ? block.value.name : ""
    const seen = blocks.get(name)
    // The same name twice (a rule error): keep one whatever the order.
    if (seen === undefined) blocks.set(name, block)
    else if (canonicalJson(integrationJson(normalOf(block))) < canonicalJson(integrationJson(normalOf(seen)))) {
      blocks.set(name, block)
    }
  }
  return { blocks, normal: (name) => normalOf(blocks.get(name)!), container: b.container, locate: side.locate }
}

/**
 * The semantic changes from `before` to `after`. Throws `DiffInputError` when a side is no
 * document kind the diff compares (check with `diffKind` first to avoid it).
 */
export const diff = (before: DiffSide, after: DiffSide, options: DiffOptions = {}): DiffResult => {
  const o = prepare(before, "before")
  const n = prepare(after, "after")
  const placed: Array<PlacedChange> = []
  const removed: Array<NIntegration> = []
  const added: Array<NIntegration> = []
  for (const [name, block] of o.blocks) {
    const other = n.blocks.get(name)
    if (other === undefined) removed.push(o.normal(name))
    // blocks written identically cannot differ in meaning: skip the walk
    else if (!jsonEqual(block.value, other.value))
      compareIntegration(o.normal(name), n.normal(name), emitter(name, placed))
  }
  for (const name of n.blocks.keys()) if (!o.blocks.has(name)) added.push(n.normal(name))
  const renames = likelyRenames(removed, added)
  for (const oi of removed) {
    placed.push({
      id: "integration-removed",
      integration: oi.name,
      subject: [],
      before: integrationJson(oi),
      pointer: oi.pointer,
      anchor: n.container,
    })
  }
  for (const ni of added) {
    const renamed = renames.get(ni.name)
    placed.push({
      id: "integration-added",
      integration: ni.name,
      subject: [],
      after: integrationJson(ni),
      pointer: ni.pointer,
      ...(renamed !== undefined ? { likelyRenameOf: renamed } : {}),
    })
  }
  const accepted = options.accepted ?? new Set<string>()
  const changes = placed.map((p) => finish(p, o.locate, n.locate, accepted)).sort(compareChanges)
  return { changes, summary: summarise(changes) }
}

/** The fingerprint of a change: its id, integration, subject (names, never indices), before and after. */
export const changeFingerprint = (c: ChangeData): string =>
  fingerprint({ id: c.id, integration: c.integration, subject: c.subject, before: c.before, after: c.after })

const positionOf = (locate: Locate | undefined, pointer: string): Position | undefined => {
  if (locate === undefined) return undefined
  const last = toPath(pointer).at(-1)
  const at = last === undefined || /^(0|[1-9][0-9]*)$/.test(last) ? "value" : "key"
  return locate(pointer, at)
}

const finish = (
  p: PlacedChange,
  locateOld: Locate | undefined,
  locateNew: Locate | undefined,
  accepted: ReadonlySet<string>,
): Change => {
  const kind = changeKind(p.id)
  const data: ChangeData = {
    id: p.id,
    integration: p.integration,
    subject: p.subject,
    ...(p.before !== undefined ? { before: p.before } : {}),
    ...(p.after !== undefined ? { after: p.after } : {}),
  }
  const fp = changeFingerprint(data)
  const removal = isRemoval(data)
  const position = positionOf(removal ? locateOld : locateNew, p.pointer)
  const anchor = removal && p.anchor !== undefined ? positionOf(locateNew, p.anchor) : undefined
  return {
    id: p.id,
    level: kind.level(data),
    integration: p.integration,
    pointer: p.pointer,
    subject: p.subject,
    ...(p.before !== undefined ? { before: p.before } : {}),
    ...(p.after !== undefined ? { after: p.after } : {}),
    message: kind.message(data),
    fingerprint: fp,
    ...(accepted.has(fp) ? { accepted: true as const } : {}),
    ...(p.likelyRenameOf !== undefined ? { likelyRenameOf: p.likelyRenameOf } : {}),
    ...(position !== undefined ? { line: position.line, column: position.column } : {}),
    ...(anchor !== undefined ? { anchor: { line: anchor.line, column: anchor.column } } : {}),
  }
}

/** Pointers compared token by token, array indices as numbers (`/10` after `/9`). */
export const comparePointers = (a: string, b: string): number => {
  if (a === b) return 0
  const x = a.split("/")
  const y = b.split("/")
  const k = Math.min(x.length, y.length)
  for (let i = 0; i < k; i++) {
    const s = x[i]!
    const t = y[i]!
    if (s === t) continue
    const sn = /^(0|[1-9][0-9]*)$/.test(s)
    const tn = /^(0|[1-9][0-9]*)$/.test(t)
    if (sn && tn) return Number(s) - Number(t) || compareStrings(s, t)
    if (sn !== tn) return sn ? -1 : 1
    return compareStrings(s, t)
  }
  return x.length - y.length
}

/** Integration, pointer, id; then the fingerprint, so the order is total. */
const compareChanges = (a: Change, b: Change): number =>
  compareStrings(a.integration, b.integration) ||
  comparePointers(a.pointer, b.pointer) ||
  compareStrings(a.id, b.id) ||
  compareStrings(a.fingerprint, b.fingerprint)

const summarise = (changes: ReadonlyArray<Change>): DiffSummary => {
  const counts = { breaking: 0, reconfigure: 0, dangerous: 0, safe: 0, accepted: 0 }
  for (const c of changes) {
    if (c.accepted === true) counts.accepted++
    else counts[c.level]++
  }
  return counts
}

/** The `--fail-on` threshold: a level, or `none` to never fail. */
export type FailOn = Level | "none"

/** Whether a change is at or above the threshold (accepted or not). */
export const atOrAbove = (level: Level, failOn: FailOn): boolean =>
  failOn !== "none" && levels.indexOf(level) <= levels.indexOf(failOn)

/** Whether the diff fails `--fail-on`: an unaccepted change at or above the threshold. */
export const failsAt = (result: DiffResult, failOn: FailOn): boolean =>
  result.changes.some((c) => c.accepted !== true && atOrAbove(c.level, failOn))

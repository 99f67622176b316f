/**
 * The integration blocks of any document kind the diff compares (contract.md "Inputs"), each with
 * the JSON pointer of the block in its document:
 *
 * | kind              | blocks                                   |
 * |-------------------|------------------------------------------|
 * | manifest          | `/integrations/<i>`                      |
 * | integration block | the document itself (`""`)               |
 * | revision          | `/content`                               |
 * | integration       | `/latestRevision/content`                |
 * | integration list  | `/<i>/latestRevision/content`            |
 *
 * Kinds are recognised by shape on the decoded (or plain JSON) value, with exact keys; a value of no
 * kind is refused with a sentence saying which kinds were expected. Decode with Document.ts first
 * for case-insensitive keys and typed values.
 */

import type { DocumentKind } from "../Document.js"

/** The document kinds a diff compares (Document.ts names; a problem has no integrations). */
export type DiffKind = Exclude<DocumentKind, "problem">

export interface LocatedBlock {
  readonly value: Record<string, unknown>
  readonly pointer: string
}

export type Blocks =
  | {
      readonly ok: true
      readonly kind: DiffKind
      readonly blocks: ReadonlyArray<LocatedBlock>
      /** Where "the integrations" live in this document: the anchor of a removed integration. */
      readonly container: string
    }
  | { readonly ok: false; readonly message: string }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

const expected = "a manifest, an integration block, a revision, an integration or an integration list"

/** Recognise the kind of a document and list its integration blocks. */
export const blocksOf = (value: unknown): Blocks => {
  if (Array.isArray(value)) {
    const blocks: Array<LocatedBlock> = []
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const content = isRecord(item) && isRecord(item.latestRevision) ? item.latestRevision.content : undefined
      if (!isRecord(content)) {
        return { ok: false, message: `item ${i} of the list is not an integration with latestRevision.content` }
      }
      blocks.push({ value: content, pointer: `/${i}/latestRevision/content` })
    }
    return { ok: true, kind: "integration-list", blocks, container: "" }
  }
  if (!isRecord(value)) return { ok: false, message: `expected ${expected}, got ${describe(value)}` }
  if (Array.isArray(value.integrations)) {
    const blocks: Array<LocatedBlock> = []
    value.integrations.forEach((b: unknown, i) => {
      if (isRecord(b)) blocks.push({ value: b, pointer: `/integrations/${i}` })
    })
    return { ok: true, kind: "manifest", blocks, container: "/integrations" }
  }
  if (isRecord(value.latestRevision)) {
    const content = value.latestRevision.content
    if (!isRecord(content)) return { ok: false, message: "an integration whose latestRevision has no content" }
    return {
      ok: true,
      kind: "integration",
      blocks: [{ value: content, pointer: "/latestRevision/content" }],
      container: "",
    }
  }
  if (isRecord(value.content)) {
    return { ok: true, kind: "revision", blocks: [{ value: value.content, pointer: "/content" }], container: "" }
  }
  if (typeof value.name === "string" && typeof value.provider === "string") {
    return { ok: true, kind: "integration-block", blocks: [{ value, pointer: "" }], container: "" }
  }
  return { ok: false, message: `expected ${expected}, got an object with keys ${keysOf(value)}` }
}

const describe = (v: unknown): string =>
  v === null ? "null" : typeof v === "string" ? "a string" : typeof v === "object" ? "an object" : `a ${typeof v}`

const keysOf = (v: Record<string, unknown>): string => {
  const keys = Object.keys(v)
  if (keys.length === 0) return "(none)"
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k))
  return shown.join(", ") + (keys.length > 5 ? ", …" : "")
}

/**
 * diffPort: `POST /v1/diff`'s envelope → the core's semantic diff. Each side is YAML/JSON text (parsed with
 * positions) or an already-parsed JSON value, of any kind the diff compares (manifest, integration block,
 * revision, integration, integration list). A side that does not parse is a 400 with its diagnostics; one
 * of the right kind with defects a 422; one of another kind (a problem, say) a 400 naming the member.
 */
import { decodeText, toDiagnostic } from "@ampkit/core/Decode"
import { DiffInputError, type DiffSide, diff } from "@ampkit/core/Diff"
import { type DocumentKind, decodeDocument } from "@ampkit/core/Document"
import type { DiffInput, DocumentInput, PortResult } from "@ampkit/edge"

export const diffKinds: ReadonlyArray<DocumentKind> = [
  "manifest",
  "integration-block",
  "revision",
  "integration",
  "integration-list",
]

type Side = { readonly ok: true; readonly side: DiffSide } | { readonly ok: false; readonly result: PortResult }

const sideOf = (member: "old" | "new", input: DocumentInput): Side => {
  if (typeof input === "string") {
    const decoded = decodeText(input, { expected: diffKinds })
    if (decoded.ok) return { ok: true, side: { value: decoded.document.value, locate: decoded.source.locate } }
    if (decoded.reason === "kind") return { ok: false, result: { ok: false, input: member, message: decoded.message } }
    return { ok: false, result: { ok: false, diagnostics: decoded.diagnostics.map((d) => ({ ...d, input: member })) } }
  }
  const decoded = decodeDocument(input, diffKinds)
  if (decoded._tag === "Success") return { ok: true, side: { value: decoded.success.value } }
  const error = decoded.failure
  if (error._tag === "DocumentKindError")
    return { ok: false, result: { ok: false, input: member, message: error.message } }
  // Given as JSON, not text: the diagnostics have pointers but no line and column.
  const diagnostics = error.findings
    .map(toDiagnostic(undefined))
    .map(({ line: _, column: __, ...d }) => ({ ...d, input: member }))
  return { ok: false, result: { ok: false, diagnostics } }
}

export const diffPort = (input: DiffInput): PortResult => {
  const before = sideOf("old", input.old)
  if (!before.ok) return before.result
  const after = sideOf("new", input.new)
  if (!after.ok) return after.result
  try {
    const result = diff(before.side, after.side)
    return { ok: true, value: { changes: result.changes, summary: result.summary } }
  } catch (error) {
    if (error instanceof DiffInputError) {
      return { ok: false, input: error.side === "before" ? "old" : "new", message: error.message }
    }
    throw error
  }
}

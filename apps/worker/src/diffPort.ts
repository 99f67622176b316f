/**
 * diffPort: `POST /v1/diff`'s envelope → the core's semantic diff (`diffTexts`). Each side is YAML/JSON text
 * (parsed with positions) or an already-parsed JSON value, of any kind the diff compares (manifest, integration
 * block, revision, integration, integration list). A side that does not parse is a 400 with its diagnostics; one
 * of the right kind with defects a 422; one of another kind (a problem, say) a 400 naming the member.
 */
import { installationIndex, looksLikeInstallation, wrappedListKey } from "@ampkit/core/ApiLists"
import { diffTexts } from "@ampkit/core/DiffText"
import { parseSource } from "@ampkit/core/Source"
import { type DiffInput, excerpt, type PortResult } from "@ampkit/edge"

export const diffPort = (input: DiffInput): PortResult => {
  const result = diffTexts(input.old, input.new)
  if (result.ok) return { ok: true, value: { changes: result.changes, summary: result.summary } }
  const member = result.side === "before" ? "old" : "new"
  const wrong = result.reason === "syntax" ? undefined : wrongList(member === "old" ? input.old : input.new)
  if (wrong !== undefined) return { ok: false, input: member, message: wrong }
  if (result.reason === "kind") return { ok: false, input: member, message: result.message }
  // A side given as JSON, not text: its diagnostics have pointers but no line and column.
  const diagnostics = result.positioned
    ? result.diagnostics.map((d) => ({ ...d, input: member }))
    : result.diagnostics.map(({ line: _, column: __, ...d }) => ({ ...d, input: member }))
  return { ok: false, diagnostics }
}

/**
 * A side that is one of the API's lists as users save them, wrongly: installations (or one installation),
 * or integrations wrapped in an object (its key quoted as an excerpt: escaped, cut with an ellipsis).
 */
const wrongList = (side: DiffInput["old"]): string | undefined => {
  const value = typeof side === "string" ? parseSource(side).document?.value : side
  const expected = "expected an amp.yaml or the list-integrations response"
  if (looksLikeInstallation(value))
    return `${expected}, but this is one installation (an item of list-installations): the diff compares manifests and integrations`
  const installation = installationIndex(value)
  if (installation >= 0)
    return `${expected}, but item ${installation} looks like an installation (list-installations): the diff compares manifests and integrations`
  const key = wrappedListKey(value, "list-integrations")
  if (key !== undefined)
    return `${expected}, got an object that holds it under \`${excerpt(key).slice(1, -1)}\`: send the array itself`
  // list-installations wrapped by another tool: `{"results": [installations]}`.
  const other = wrappedListKey(value, "list-installations")
  const held = other !== undefined ? (value as Readonly<Record<string, unknown>>)[other] : undefined
  return Array.isArray(held) && held.length > 0
    ? `${expected}, but this holds list-installations under \`${excerpt(other!).slice(1, -1)}\`: the diff compares manifests and integrations`
    : undefined
}

/**
 * DiffText: two documents as users hold them (YAML or JSON text, or already-parsed JSON) → the semantic
 * diff, or why one side cannot be compared, with positioned diagnostics. The one text → diff path of
 * `ampkit diff`, the worker's `POST /v1/diff` and the browser's `diff`.
 *
 * Each side is decoded as one of the kinds the diff compares (manifest, integration block, revision,
 * integration, integration list); `before` first, so a failure names the first side that fails.
 */
import { type DecodeTextOptions, decodeText, toDiagnostic } from "./Decode.js"
import type { Diagnostic } from "./Diagnostic.js"
import type { DiffKind, DiffResult, DiffSide, Locate } from "./Diff.js"
import { diff } from "./Diff.js"
import { type Document, type DocumentKind, decodeDocument } from "./Document.js"
import type { Limits } from "./Limits.js"
import type { Syntax } from "./Source.js"

/** The document kinds a diff compares. */
export const diffKinds: ReadonlyArray<DiffKind> = [
  "manifest",
  "integration-block",
  "revision",
  "integration",
  "integration-list",
]

/** One side: YAML or JSON text, or the JSON value it would parse to (then diagnostics have no line and column). */
export type DiffTextInput = string | ReadonlyArray<unknown> | Readonly<Record<string, unknown>>

export interface DiffTextsOptions {
  /** How to parse each side's text (default `"auto"`: JSON when it starts like JSON and parses, else YAML). */
  readonly syntax?: { readonly before?: Syntax | "auto"; readonly after?: Syntax | "auto" }
  /** Fingerprints of reviewed changes (any case): still listed, flagged `accepted`, not counted in the summary. */
  readonly accepted?: Iterable<string>
  /** Overrides of the parser's limits (Limits.ts), for both sides. */
  readonly limits?: Partial<Limits>
}

/** Why one side of a diff cannot be compared. */
export interface DiffTextsFailure {
  readonly ok: false
  readonly side: "before" | "after"
  /** `syntax`: not YAML/JSON data; `kind`: no document kind the diff compares; `decode`: that kind, with defects. */
  readonly reason: "syntax" | "kind" | "decode"
  /** One sentence for a user. */
  readonly message: string
  /** Positioned in that side's text and sorted by position (a `kind` failure may have none); see `positioned`. */
  readonly diagnostics: ReadonlyArray<Diagnostic>
  /** False when the side was given as a JSON value: the diagnostics' line and column (1:1) mean nothing. */
  readonly positioned: boolean
}

export interface DiffTextsSuccess extends DiffResult {
  readonly ok: true
  readonly kinds: { readonly before: DiffKind; readonly after: DiffKind }
  /** The accepted fingerprints as used: lower case, each once, in the order given. */
  readonly accepted: ReadonlyArray<string>
}

export type DiffTextsResult = DiffTextsSuccess | DiffTextsFailure

/** A document decoded from text or from a JSON value, or why not (as {@link DecodeTextResult} says it). */
export type DecodeInputResult =
  | { readonly ok: true; readonly document: Document; readonly locate?: Locate }
  | {
      readonly ok: false
      readonly reason: "syntax" | "kind" | "decode"
      readonly message: string
      readonly diagnostics: ReadonlyArray<Diagnostic>
      /** False when the input was a JSON value: the diagnostics' line and column (1:1) mean nothing. */
      readonly positioned: boolean
    }

/**
 * Decode an input as a user holds it: text (YAML or JSON, parsed with positions: `decodeText`) or the JSON
 * value it would parse to (`decodeDocument`; the diagnostics then keep the decoder's order, by pointer only).
 */
export const decodeInput = (
  input: unknown,
  expected: DocumentKind | ReadonlyArray<DocumentKind>,
  options: DecodeTextOptions = {},
): DecodeInputResult => {
  if (typeof input === "string") {
    const decoded = decodeText(input, { ...options, expected })
    return decoded.ok
      ? { ok: true, document: decoded.document, locate: decoded.source.locate }
      : { ...decoded, positioned: true }
  }
  const decoded = decodeDocument(input, expected)
  if (decoded._tag === "Success") return { ok: true, document: decoded.success }
  const { _tag, message, findings } = decoded.failure
  const diagnostics = findings.map(toDiagnostic(undefined))
  return { ok: false, reason: _tag === "DecodeError" ? "decode" : "kind", message, diagnostics, positioned: false }
}

type Loaded = { readonly ok: true; readonly kind: DiffKind; readonly side: DiffSide } | DiffTextsFailure

const load = (input: DiffTextInput, side: "before" | "after", options: DiffTextsOptions): Loaded => {
  const syntax = options.syntax?.[side]
  const decoded = decodeInput(input, diffKinds, {
    ...(syntax !== undefined ? { syntax } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
  })
  if (!decoded.ok) return { ...decoded, side }
  const { document, locate } = decoded
  // Only the expected kinds decode, none of which is a problem.
  return {
    ok: true,
    kind: document.kind as DiffKind,
    side: locate !== undefined ? { value: document.value, locate } : { value: document.value },
  }
}

/**
 * The semantic changes from `before` to `after`, each a text (YAML or JSON) or a JSON value of any kind
 * the diff compares. Never throws for any input.
 */
export const diffTexts = (
  before: DiffTextInput,
  after: DiffTextInput,
  options: DiffTextsOptions = {},
): DiffTextsResult => {
  const old = load(before, "before", options)
  if (!old.ok) return old
  const young = load(after, "after", options)
  if (!young.ok) return young
  const accepted = [...new Set([...(options.accepted ?? [])].map((f) => f.toLowerCase()))]
  // Decoded documents of the diff kinds always have integration blocks: `diff` does not throw DiffInputError here.
  const result = diff(old.side, young.side, { accepted: new Set(accepted) })
  const kinds = { before: old.kind, after: young.kind }
  return { ok: true, kinds, changes: result.changes, summary: result.summary, accepted }
}

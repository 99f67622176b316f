/**
 * The Effect face of @ampkit/core: the same implementation as the plain face, as `Effect`s with
 * tagged, typed errors. Import it as `@ampkit/core/Effect`.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { type DecodeTextOptions, decodeText, toDiagnostic } from "./Decode.js"
import type { Diagnostic } from "./Diagnostic.js"
import { DiffInputError, type DiffOptions, type DiffResult, type DiffSide, diff as diffPlain } from "./Diff.js"
import type { Document } from "./Document.js"
import { type ParseOptions, parseSource, type SourceDocument } from "./Source.js"
import { sortDiagnostics, type ValidateOptions, type ValidationReport, validate as validatePlain } from "./Validate.js"

/** The text is not YAML 1.2 / JSON data within the limits (diagnostics say where and why). */
export class SourceError extends Data.TaggedError("SourceError")<{
  readonly message: string
  readonly diagnostics: ReadonlyArray<Diagnostic>
}> {}

/** The data is not a document of the expected kind. */
export class KindError extends Data.TaggedError("KindError")<{
  readonly message: string
  readonly diagnostics: ReadonlyArray<Diagnostic>
}> {}

/** The document has the expected kind but does not decode. */
export class DocumentError extends Data.TaggedError("DocumentError")<{
  readonly message: string
  readonly diagnostics: ReadonlyArray<Diagnostic>
}> {}

/** Validate manifest text. Findings are data, so this never fails. */
export const validate = (text: string, options?: ValidateOptions): Effect.Effect<ValidationReport> =>
  Effect.sync(() => validatePlain(text, options))

/** Parse text to plain data with a position index; any error finding (syntax, duplicate key, limits) fails. */
export const parse = (text: string, options?: ParseOptions): Effect.Effect<SourceDocument, SourceError> =>
  Effect.suspend(() => {
    const parsed = parseSource(text, options)
    const document = parsed.document
    const errors = parsed.findings.filter((f) => f.severity === "error")
    if (document !== undefined && errors.length === 0) return Effect.succeed(document)
    const diagnostics = sortDiagnostics(errors.map(toDiagnostic(document)))
    const first = diagnostics[0]
    const message =
      first !== undefined ? `line ${first.line}, column ${first.column}: ${first.message}` : "cannot parse"
    return Effect.fail(new SourceError({ message, diagnostics }))
  })

/** Parse and decode text as a typed document of the expected kind(s). */
export const decode = (
  text: string,
  options?: DecodeTextOptions,
): Effect.Effect<
  { readonly document: Document; readonly source: SourceDocument },
  SourceError | KindError | DocumentError
> =>
  Effect.suspend(() => {
    const decoded = decodeText(text, options)
    if (decoded.ok) return Effect.succeed({ document: decoded.document, source: decoded.source })
    const fields = { message: decoded.message, diagnostics: decoded.diagnostics }
    return Effect.fail(
      decoded.reason === "syntax"
        ? new SourceError(fields)
        : decoded.reason === "kind"
          ? new KindError(fields)
          : new DocumentError(fields),
    )
  })

export { DecodeError, DocumentKindError, decodeDocumentEffect as decodeDocument } from "./DocumentCodec.js"
export { InvalidManifestError, PlanInputError, planEffect as plan } from "./PlanEffect.js"

/** A side of a diff is no document kind the diff compares. */
export class DiffError extends Data.TaggedError("DiffError")<{
  readonly side: "before" | "after"
  readonly message: string
}> {}

/** The semantic diff of two decoded documents (any kind), as an Effect. */
export const diff = (before: DiffSide, after: DiffSide, options?: DiffOptions): Effect.Effect<DiffResult, DiffError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(diffPlain(before, after, options))
    } catch (error) {
      if (error instanceof DiffInputError)
        return Effect.fail(new DiffError({ side: error.side, message: error.message }))
      throw error
    }
  })

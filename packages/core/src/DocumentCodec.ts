/**
 * Documents on the Effect side: the codec (Effect schema) of each kind, encoding, and decoding as an
 * Effect with tagged errors. Decoding itself is Document.ts's (plain, on the model generated from
 * these codecs); this module only wraps its failures in {@link DocumentKindError} / {@link DecodeError}.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Integration, IntegrationList, Revision } from "./Api.js"
import type { Finding } from "./Diagnostic.js"
import { type Document, type DocumentFailure, type DocumentKind, decodeDocument } from "./Document.js"
import { IntegrationBlock, Manifest } from "./Manifest.js"
import { ApiProblem } from "./ProblemSchema.js"

/** The codec (JSON value ⇄ typed value) of each document kind. */
export const documentSchemas = {
  manifest: Manifest,
  "integration-block": IntegrationBlock,
  revision: Revision,
  integration: Integration,
  "integration-list": IntegrationList,
  problem: ApiProblem,
} as const

/** The value is not (or does not look like) any of the kinds that were expected. */
export class DocumentKindError extends Data.TaggedError("DocumentKindError")<{
  readonly message: string
  /** The kinds that were acceptable. */
  readonly expected: ReadonlyArray<DocumentKind>
  /** The kind the value looks most like, if any. */
  readonly closest: DocumentKind | undefined
  /** Why it is not the closest acceptable kind (empty when the value looks like another kind). */
  readonly findings: ReadonlyArray<Finding>
}> {}

/** The value has the shape of `kind` but does not decode; `findings` lists every defect. */
export class DecodeError extends Data.TaggedError("DecodeError")<{
  readonly message: string
  readonly kind: DocumentKind
  readonly findings: ReadonlyArray<Finding>
}> {}

/** The tagged error of a plain decoding failure. */
export const documentError = (failure: DocumentFailure): DocumentKindError | DecodeError => {
  if (failure._tag === "DecodeError") {
    return new DecodeError({ message: failure.message, kind: failure.kind, findings: failure.findings })
  }
  return new DocumentKindError({
    message: failure.message,
    expected: failure.expected,
    closest: failure.closest,
    findings: failure.findings,
  })
}

/** {@link decodeDocument} as an Effect (the Effect face). */
export const decodeDocumentEffect = (
  value: unknown,
  expected?: DocumentKind | ReadonlyArray<DocumentKind>,
): Effect.Effect<Document, DocumentKindError | DecodeError> =>
  Effect.suspend(() => {
    const decoded = decodeDocument(value, expected)
    return decoded._tag === "Success" ? Effect.succeed(decoded.success) : Effect.fail(documentError(decoded.failure))
  })

/**
 * The JSON value of a decoded document (dates as RFC 3339 text, the original text when unchanged).
 * Throws a `SchemaError` only for a value that is not a valid typed value (a programming error).
 */
export const encodeDocument = (document: Document): unknown =>
  Schema.encodeUnknownSync(documentSchemas[document.kind] as Schema.Codec<unknown, unknown>)(document.value)

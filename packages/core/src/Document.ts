/**
 * Documents: recognise what kind of document a value is, by shape, and decode it to the typed
 * model (design/contract.md, "Inputs every surface accepts").
 *
 * | kind                | shape                                                   | typed value       |
 * |---------------------|---------------------------------------------------------|-------------------|
 * | `manifest`          | `{ specVersion, integrations: [...] }`                  | `Manifest`        |
 * | `integration-block` | `{ name, provider, read?, write?, … }`                  | `IntegrationBlock`|
 * | `revision`          | `{ id, specVersion, createTime, content }`              | `Revision`        |
 * | `integration`       | `{ id, projectId, name, provider, createTime, latestRevision }` | `Integration` |
 * | `integration-list`  | `Integration[]`                                         | `IntegrationList` |
 * | `problem`           | RFC 9457 object (`type`, `title`, `status`, `detail` …) | `ApiProblem`      |
 *
 * Keys are matched as Ampersand's server matches them (case-insensitively, Shape.ts `foldKey`)
 * before decoding; unknown keys are ignored by the typed model (the validator reports them).
 * Failures are tagged errors: {@link DocumentKindError} (not the kind that was asked for, or no
 * kind at all) and {@link DecodeError} (the right kind, but it does not decode), both naming the
 * closest kind and what did not match, with findings (rule ids, pointers) for every defect.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { Integration, IntegrationList, Revision } from "./Api.js"
import type { Finding } from "./Diagnostic.js"
import { fromPath } from "./internal/pointer.js"
import { excerpt, kindOf } from "./internal/quote.js"
import { IntegrationBlock, Manifest } from "./Manifest.js"
import { type ApiProblem, ApiProblem as ApiProblemCodec } from "./Problem.js"
import { canonicalKeys, foldKey, schemaFindings } from "./Shape.js"

/** The kinds of document every surface accepts. */
export type DocumentKind =
  | "manifest"
  | "integration-block"
  | "revision"
  | "integration"
  | "integration-list"
  | "problem"

/** Every document kind, in recognition-priority order. */
export const documentKinds: ReadonlyArray<DocumentKind> = [
  "manifest",
  "integration",
  "revision",
  "integration-block",
  "integration-list",
  "problem",
]

/** The typed value of each document kind. */
export interface DocumentValues {
  readonly manifest: Manifest
  readonly "integration-block": IntegrationBlock
  readonly revision: Revision
  readonly integration: Integration
  readonly "integration-list": IntegrationList
  readonly problem: ApiProblem
}

/** A decoded document: its kind and typed value. */
export type Document = {
  readonly [K in DocumentKind]: { readonly kind: K; readonly value: DocumentValues[K] }
}[DocumentKind]

/** The codec (JSON value ⇄ typed value) of each document kind. */
export const documentSchemas = {
  manifest: Manifest,
  "integration-block": IntegrationBlock,
  revision: Revision,
  integration: Integration,
  "integration-list": IntegrationList,
  problem: ApiProblemCodec,
} as const

/** How messages name each kind. */
export const kindLabels: Readonly<Record<DocumentKind, string>> = {
  manifest: "a manifest (amp.yaml)",
  "integration-block": "an integration block (one manifest integration, or a revision's content)",
  revision: "a revision (from the API)",
  integration: "an integration (from the API)",
  "integration-list": "an integration list (from the API)",
  problem: "a problem (RFC 9457 error body)",
}

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

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const problemMembers = ["type", "title", "status", "detail", "instance", "issues"]

/**
 * The kind a value has by shape, or `undefined` when it looks like none. Keys count
 * case-insensitively. Arrays are integration lists; an object with `specVersion` and `integrations`
 * is a manifest, with `latestRevision` (or `name` + `provider` + an API field such as `id`) an
 * integration, with `content` + `specVersion`/`createTime` a revision, with `name` + `provider` an
 * integration block, with an RFC 9457 member (`type`, `title`, `status`, `detail`, `instance`,
 * `issues`) a problem.
 */
export const recogniseKind = (value: unknown): DocumentKind | undefined => {
  if (Array.isArray(value)) return "integration-list"
  if (!isPlainObject(value)) return undefined
  const keys = new Set(Object.keys(value).map(foldKey))
  const has = (key: string) => keys.has(foldKey(key))
  if (has("specVersion") && has("integrations")) return "manifest"
  if (has("latestRevision")) return "integration"
  if (has("content") && (has("specVersion") || has("createTime") || has("id"))) return "revision"
  if (has("name") && has("provider")) {
    return has("id") || has("projectId") || has("createTime") ? "integration" : "integration-block"
  }
  if (has("integrations") || has("specVersion")) return "manifest"
  if (has("content")) return "revision"
  if (problemMembers.some(has)) return "problem"
  return undefined
}

const signatures: Readonly<Record<DocumentKind, ReadonlyArray<string>>> = {
  manifest: ["specVersion", "integrations"],
  "integration-block": ["name", "provider", "read", "write", "subscribe", "proxy"],
  revision: ["id", "specVersion", "createTime", "content"],
  integration: ["id", "projectId", "name", "provider", "createTime", "latestRevision"],
  "integration-list": [],
  problem: problemMembers,
}

/** The acceptable kind a value looks most like (share of its signature keys present), if any. */
const closestKind = (value: unknown, kinds: ReadonlyArray<DocumentKind>): DocumentKind | undefined => {
  if (Array.isArray(value)) return kinds.includes("integration-list") ? "integration-list" : undefined
  if (!isPlainObject(value)) return undefined
  const keys = new Set(Object.keys(value).map(foldKey))
  let best: DocumentKind | undefined
  let bestScore = 0
  for (const kind of kinds) {
    const signature = signatures[kind]
    if (signature.length === 0) continue
    const score = signature.filter((k) => keys.has(foldKey(k))).length / signature.length
    if (score > bestScore) {
      best = kind
      bestScore = score
    }
  }
  return best
}

const describeFinding = (finding: Finding): string =>
  finding.pointer === "" ? finding.message : `${finding.message} (at ${finding.pointer})`

const summarise = (findings: ReadonlyArray<Finding>): string => {
  const first = findings[0]
  if (first === undefined) return "it does not decode"
  const more = findings.length - 1
  return more === 0
    ? describeFinding(first)
    : `${describeFinding(first)}, and ${more} more problem${more > 1 ? "s" : ""}`
}

/** Findings from an Effect issue, for the (unexpected) case where the shape walk found nothing. */
const issueFindings = (issue: SchemaIssue.Issue): Array<Finding> =>
  SchemaIssue.makeFormatterStandardSchemaV1()(issue).issues.map((i) => ({
    rule: "invalid-value",
    severity: "error",
    message: excerpt(i.message, 100),
    pointer: fromPath(
      (i.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? p.key : p)) as Array<
        string | number
      >,
    ),
  }))

const decodeFindings = (
  kind: DocumentKind,
  value: unknown,
): Result.Result<DocumentValues[DocumentKind], Array<Finding>> => {
  const schema = documentSchemas[kind]
  const decoded = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)(canonicalKeys(schema.ast, value))
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success as DocumentValues[DocumentKind])
  const findings = schemaFindings(schema, value, { owned: "keep", unknownKeys: false })
  return Result.fail(findings.length > 0 ? findings : issueFindings(decoded.failure.issue))
}

/**
 * Decode a value as a given kind. Fails with a {@link DecodeError} listing every defect (rule ids
 * from rules.md; conditions owned by a rule carry that rule's id).
 */
export const decodeAs = <K extends DocumentKind>(
  kind: K,
  value: unknown,
): Result.Result<DocumentValues[K], DecodeError> => {
  const decoded = decodeFindings(kind, value)
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success as DocumentValues[K])
  const findings = decoded.failure
  return Result.fail(
    new DecodeError({
      kind,
      findings,
      message: `not a valid ${kindLabels[kind].replace(/^an? /, "")}: ${summarise(findings)}`,
    }),
  )
}

const normaliseKinds = (
  expected: DocumentKind | ReadonlyArray<DocumentKind> | undefined,
): ReadonlyArray<DocumentKind> =>
  expected === undefined ? documentKinds : typeof expected === "string" ? [expected] : expected

const listKinds = (kinds: ReadonlyArray<DocumentKind>): string => {
  const labels = kinds.map((k) => kindLabels[k])
  return labels.length <= 1
    ? (labels[0] ?? "nothing")
    : `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`
}

const describeProblem = (value: Readonly<Record<string, unknown>>): string => {
  const parts = ["status", "title", "detail"]
    .map((k) => value[k])
    .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
  return parts.length === 0 ? "" : `: ${excerpt(parts.join(" "), 80)}`
}

/**
 * Recognise and decode a document. With `expected`, only those kinds are acceptable.
 * - The value looks like an acceptable kind: decoded as it, or a {@link DecodeError}
 *   ("looks like an integration (from the API) but …").
 * - It looks like another kind: a {@link DocumentKindError} naming what it looks like.
 * - It looks like nothing: decoded as the closest acceptable kind when that succeeds, else a
 *   {@link DocumentKindError} saying which kinds were expected and why the closest did not match.
 */
export const decodeDocument = (
  value: unknown,
  expected?: DocumentKind | ReadonlyArray<DocumentKind>,
): Result.Result<Document, DocumentKindError | DecodeError> => {
  const kinds = normaliseKinds(expected)
  const recognised = recogniseKind(value)
  if (recognised !== undefined && kinds.includes(recognised)) {
    const decoded = decodeFindings(recognised, value)
    if (Result.isSuccess(decoded)) return Result.succeed({ kind: recognised, value: decoded.success } as Document)
    const findings = decoded.failure
    return Result.fail(
      new DecodeError({
        kind: recognised,
        findings,
        message: `looks like ${kindLabels[recognised]} but ${summarise(findings)}`,
      }),
    )
  }
  if (recognised !== undefined) {
    const detail = recognised === "problem" && isPlainObject(value) ? describeProblem(value) : ""
    return Result.fail(
      new DocumentKindError({
        expected: kinds,
        closest: recognised,
        findings: [],
        message: `expected ${listKinds(kinds)}, but this looks like ${kindLabels[recognised]}${detail}`,
      }),
    )
  }
  const closest = kinds.length === 1 ? kinds[0] : closestKind(value, kinds)
  if (closest === undefined) {
    return Result.fail(
      new DocumentKindError({
        expected: kinds,
        closest: undefined,
        findings: [],
        message: `expected ${listKinds(kinds)}, got ${kindOf(value)} that looks like none of them`,
      }),
    )
  }
  const decoded = decodeFindings(closest, value)
  if (Result.isSuccess(decoded)) return Result.succeed({ kind: closest, value: decoded.success } as Document)
  const findings = decoded.failure
  return Result.fail(
    new DocumentKindError({
      expected: kinds,
      closest,
      findings,
      message:
        kinds.length === 1
          ? `expected ${kindLabels[closest]}, but ${summarise(findings)}`
          : `expected ${listKinds(kinds)}; closest is ${kindLabels[closest]}, but ${summarise(findings)}`,
    }),
  )
}

/** {@link decodeDocument} as an Effect (the Effect face). */
export const decodeDocumentEffect = (
  value: unknown,
  expected?: DocumentKind | ReadonlyArray<DocumentKind>,
): Effect.Effect<Document, DocumentKindError | DecodeError> => Effect.fromResult(decodeDocument(value, expected))

/**
 * The JSON value of a decoded document (dates as RFC 3339 text, the original text when unchanged).
 * Throws a `SchemaError` only for a value that is not a valid typed value (a programming error).
 */
export const encodeDocument = (document: Document): unknown =>
  Schema.encodeUnknownSync(documentSchemas[document.kind] as Schema.Codec<unknown, unknown>)(document.value)

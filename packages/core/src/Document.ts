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
 * Decoding is plain (internal/model-decode.ts, on the model generated from the Effect schemas), so
 * this module loads no effect. Results are plain data: `{ _tag: "Success", success }` or
 * `{ _tag: "Failure", failure }`, the failure a {@link DocumentKindFailure} (not the kind that was
 * asked for, or no kind at all) or a {@link DecodeFailure} (the right kind, but it does not decode),
 * both naming the closest kind and what did not match, with findings (rule ids, pointers) for every
 * defect. The Effect face (DocumentCodec.ts) fails with the same data as tagged errors.
 */
import type { Integration, IntegrationList, Revision } from "./Api.js"
import type { Finding } from "./Diagnostic.js"
import { models } from "./internal/model.generated.js"
import type { ModelNode } from "./internal/model.js"
import { decodeModel } from "./internal/model-decode.js"
import { excerpt, fitMessage, kindOf, quote } from "./internal/quote.js"
import type { IntegrationBlock, Manifest } from "./Manifest.js"
import type { ApiProblem } from "./Problem.js"
import { foldKey, schemaFindings } from "./Shape.js"

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

/** The model (internal/model.ts, generated from the codec DocumentCodec.ts `documentSchemas` names) of each kind. */
export const documentModels: Readonly<Record<DocumentKind, ModelNode>> = {
  manifest: models.manifest,
  "integration-block": models.integrationBlock,
  revision: models.revision,
  integration: models.integration,
  "integration-list": models.integrationList,
  problem: models.apiProblem,
}

/** A plain result: the value, or why there is none (the shape of effect's `Result`, without effect). */
export type DecodeResult<A, E> =
  | { readonly _tag: "Success"; readonly success: A }
  | { readonly _tag: "Failure"; readonly failure: E }

const succeed = <A>(success: A): { readonly _tag: "Success"; readonly success: A } => ({ _tag: "Success", success })
const fail = <E>(failure: E): { readonly _tag: "Failure"; readonly failure: E } => ({ _tag: "Failure", failure })

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
export interface DocumentKindFailure {
  readonly _tag: "DocumentKindError"
  readonly message: string
  /** The kinds that were acceptable. */
  readonly expected: ReadonlyArray<DocumentKind>
  /** The kind the value looks most like, if any. */
  readonly closest: DocumentKind | undefined
  /** Why it is not the closest acceptable kind (empty when the value looks like another kind). */
  readonly findings: ReadonlyArray<Finding>
}

/** The value has the shape of `kind` but does not decode; `findings` lists every defect. */
export interface DecodeFailure {
  readonly _tag: "DecodeError"
  readonly message: string
  readonly kind: DocumentKind
  readonly findings: ReadonlyArray<Finding>
}

/** Why a value is not a document of the expected kind(s). */
export type DocumentFailure = DocumentKindFailure | DecodeFailure

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

/** "<first finding> (at <pointer>), and N more problems": one sentence for a list of findings. */
export const summarise = (findings: ReadonlyArray<Finding>): string => {
  const first = findings[0]
  if (first === undefined) return "it does not decode"
  const more = findings.length - 1
  return more === 0
    ? describeFinding(first)
    : `${describeFinding(first)}, and ${more} more problem${more > 1 ? "s" : ""}`
}

/**
 * Decode a value against a model: the typed value, or every defect as findings (the shape walk's,
 * owned conditions under their owner's rule id; when the walk finds nothing, as for a problem that
 * is not an object, the decoder's own first failure).
 */
export const decodeFindings = (model: ModelNode, value: unknown): DecodeResult<unknown, Array<Finding>> => {
  const decoded = decodeModel(model, value)
  if (decoded.ok) return succeed(decoded.value)
  const findings = schemaFindings(model, value, { owned: "keep", unknownKeys: false })
  if (findings.length > 0) return fail(findings)
  return fail([
    { rule: "invalid-value", severity: "error", message: excerpt(decoded.message, 100), pointer: decoded.pointer },
  ])
}

const decodeKind = (kind: DocumentKind, value: unknown): DecodeResult<DocumentValues[DocumentKind], Array<Finding>> => {
  const decoded = decodeFindings(documentModels[kind], value) as DecodeResult<
    DocumentValues[DocumentKind],
    Array<Finding>
  >
  if (decoded._tag === "Failure" || kind !== "integration-list") return decoded
  const findings = integrationListFindings(decoded.success as IntegrationList)
  return findings.length === 0 ? decoded : fail(findings)
}

/**
 * What a list of integrations must be beyond its shape: list-integrations returns each integration
 * once (its name is the upsert key within a project). A list that names one twice (edited by hand, or
 * two projects' lists merged) would have the planner and the diff pick one entry over the other, so it
 * is refused at the second entry.
 */
const integrationListFindings = (list: IntegrationList): Array<Finding> => {
  const out: Array<Finding> = []
  const first = new Map<string, number>()
  list.forEach((integration, i) => {
    const earlier = first.get(integration.name)
    if (earlier === undefined) first.set(integration.name, i)
    else
      out.push({
        rule: "integration-name-duplicate",
        severity: "error",
        message: fitMessage(
          (max) =>
            `integration ${quote(integration.name, max)} is listed again (first at [${earlier}]): one entry per name`,
        ),
        pointer: `/${i}/name`,
        hint: "list-integrations returns each integration once: keep the entry that is live, drop the other",
      })
  })
  return out
}

/**
 * Decode a value as a given kind. Fails with a {@link DecodeFailure} listing every defect (rule ids
 * from rules.md; conditions owned by a rule carry that rule's id).
 */
export const decodeAs = <K extends DocumentKind>(
  kind: K,
  value: unknown,
): DecodeResult<DocumentValues[K], DecodeFailure> => {
  const decoded = decodeKind(kind, value)
  if (decoded._tag === "Success") return succeed(decoded.success as DocumentValues[K])
  const findings = decoded.failure
  return fail({
    _tag: "DecodeError",
    kind,
    findings,
    message: `not a valid ${kindLabels[kind].replace(/^an? /, "")}: ${summarise(findings)}`,
  })
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
 * - The value looks like an acceptable kind: decoded as it, or a {@link DecodeFailure}
 *   ("looks like an integration (from the API) but …").
 * - It looks like another kind: a {@link DocumentKindFailure} naming what it looks like.
 * - It looks like nothing: decoded as the closest acceptable kind when that succeeds, else a
 *   {@link DocumentKindFailure} saying which kinds were expected and why the closest did not match.
 */
export const decodeDocument = (
  value: unknown,
  expected?: DocumentKind | ReadonlyArray<DocumentKind>,
): DecodeResult<Document, DocumentFailure> => {
  const kinds = normaliseKinds(expected)
  const recognised = recogniseKind(value)
  if (recognised !== undefined && kinds.includes(recognised)) {
    const decoded = decodeKind(recognised, value)
    if (decoded._tag === "Success") return succeed({ kind: recognised, value: decoded.success } as Document)
    const findings = decoded.failure
    return fail({
      _tag: "DecodeError",
      kind: recognised,
      findings,
      message: `looks like ${kindLabels[recognised]} but ${summarise(findings)}`,
    })
  }
  if (recognised !== undefined) {
    const detail = recognised === "problem" && isPlainObject(value) ? describeProblem(value) : ""
    return fail({
      _tag: "DocumentKindError",
      expected: kinds,
      closest: recognised,
      findings: [],
      message: `expected ${listKinds(kinds)}, but this looks like ${kindLabels[recognised]}${detail}`,
    })
  }
  const closest = kinds.length === 1 ? kinds[0] : closestKind(value, kinds)
  if (closest === undefined) {
    return fail({
      _tag: "DocumentKindError",
      expected: kinds,
      closest: undefined,
      findings: [],
      message: `expected ${listKinds(kinds)}, got ${kindOf(value)} that looks like none of them`,
    })
  }
  const decoded = decodeKind(closest, value)
  if (decoded._tag === "Success") return succeed({ kind: closest, value: decoded.success } as Document)
  const findings = decoded.failure
  return fail({
    _tag: "DocumentKindError",
    expected: kinds,
    closest,
    findings,
    message:
      kinds.length === 1
        ? `expected ${kindLabels[closest]}, but ${summarise(findings)}`
        : `expected ${listKinds(kinds)}; closest is ${kindLabels[closest]}, but ${summarise(findings)}`,
  })
}

/**
 * Plan: what a deploy of `amp.yaml` will do to a project, split into the batch-upsert requests that
 * implement it (design/contract.md "plan", design/domain.md §4.1, §7 F4/F5, §8).
 *
 * Ampersand's deploy (`PUT /projects/{p}/integrations:batch`) has one `destructive` flag for the
 * whole request, no dry run and no precondition. The planner compares the live integrations
 * (list-integrations) with the desired manifest by meaning (Diff.ts) and says, per integration:
 * - `create`: in the manifest, not live; sent.
 * - `update`: in both, and the semantic diff is not empty; sent, with the diff's changes and the
 *   read objects it removes (compared case-insensitively, as Ampersand's CLI does).
 * - `unchanged`: in both, empty semantic diff (order, quoting, comments, defaults do not count); never sent.
 * - `orphan`: live, not in the manifest; reported, never sent, never deleted.
 *
 * Batches: an update named in `stopReads` whose revision removes read objects goes into a
 * destructive batch (the server then pauses reads of the removed objects); everything else goes
 * into non-destructive batches (installations keep reading removed objects). With installations
 * known, an integration without any installation needs no destructive deploy (nobody reads), as
 * Ampersand's CLI does not even ask then. The two kinds never share a batch; `maxBatch` caps the
 * integrations per batch. Each batch carries the full request, whose `sourceYaml` is a manifest
 * holding exactly its integrations as desired (ManifestYaml.ts).
 *
 * Preconditions: every planned integration records the live `latestRevision.id` it was planned
 * against, and the plan carries a `planId` (a hash of the inputs that determine it); PlanVerify.ts
 * refuses a plan whose integrations moved since.
 *
 * Pure and deterministic (same inputs, byte-identical JSON); near-linear in the size of the inputs.
 */
import type { Integration as ApiIntegration, Installation } from "./Api.js"
import { compareStrings, integrationJson, normaliseIntegration } from "./changes/normal.js"
import { toDiagnostic } from "./Decode.js"
import type { Diagnostic } from "./Diagnostic.js"
import { type Change, diff, type Locate } from "./Diff.js"
import { decodeInput } from "./DiffText.js"
import { decodeDocument, kindLabels, recogniseKind, summarise } from "./Document.js"
import { canonicalJson, fnv1a64 } from "./Fingerprint.js"
import { models } from "./internal/model.generated.js"
import { decodeModelExact } from "./internal/model-decode.js"
import type { IntegrationBlock, Manifest } from "./Manifest.js"
import { manifestYaml } from "./ManifestYaml.js"
import { schemaFindings } from "./Shape.js"
import { parseSource, type SourceDocument, type Syntax } from "./Source.js"
import { sortDiagnostics, type ValidationReport, validateParsed } from "./Validate.js"

export type PlanAction = "create" | "update" | "unchanged" | "orphan"

/**
 * What happens to the read objects an update removes:
 * - `stop-reads`: named in `stopReads`; sent in a destructive batch, so their reads are paused;
 * - `keep-reading`: sent in a non-destructive batch; installations keep reading them;
 * - `no-installations`: the integration has no installation (installations known): nobody reads them.
 */
export type ReadRemoval = "stop-reads" | "keep-reading" | "no-installations"

/** One integration of the plan. */
export interface PlannedIntegration {
  readonly name: string
  readonly action: PlanAction
  /** The semantic changes from the live revision to the desired block (updates only; sorted as the diff sorts them). */
  readonly changes: ReadonlyArray<Change>
  /** Updates: live read objects with no desired object of the same name, ignoring case (live spelling, sorted). */
  readonly removedReadObjects?: ReadonlyArray<string>
  /** Updates that remove read objects: what happens to their reads. */
  readonly readRemoval?: ReadRemoval
  /** Live integrations: the ID of the integration. */
  readonly id?: string
  /** Live integrations: the `latestRevision.id` this plan was made against. */
  readonly revision?: string
  /** Live integrations, when installations are known: how many it has. */
  readonly installations?: number
  /** Updates removing read objects, when installations are known: how many installations select a removed object. */
  readonly installationsReadingRemoved?: number
  /**
   * Those installations, by who they serve: the group's name and ref (`Acme (acme-123)`), the ref alone,
   * or `installation <id>` when it has no group; in the installations' order.
   */
  readonly readersOfRemoved?: ReadonlyArray<string>
  /** 1-based line of the integration in the desired manifest, when its positions are known. */
  readonly line?: number
}

/** The request of one batch, exactly as it is to be sent. */
export interface BatchRequest {
  readonly method: "PUT"
  /** {@link batchPath}, with the project filled in when the plan was given one ({@link batchPathFor}). */
  readonly path: string
  readonly query: { readonly destructive: "true" | "false" }
  readonly body: { readonly sourceYaml: string }
}

export interface PlanBatch {
  readonly destructive: boolean
  /** Names of the integrations it sends, sorted. */
  readonly integrations: ReadonlyArray<string>
  readonly request: BatchRequest
}

export interface PlanSummary {
  readonly create: number
  readonly update: number
  readonly unchanged: number
  readonly orphan: number
}

/** Something the reviewer should know that is not a change: a `stopReads` name with nothing to stop … */
export interface PlanNote {
  readonly integration: string
  readonly message: string
}

export interface Plan {
  /** 16 hex digits: a hash of every input that determines the plan. */
  readonly planId: string
  /** In the order of the desired manifest, then orphans by name. */
  readonly integrations: ReadonlyArray<PlannedIntegration>
  /** Non-destructive batches first, then destructive ones. */
  readonly batches: ReadonlyArray<PlanBatch>
  readonly summary: PlanSummary
  readonly notes: ReadonlyArray<PlanNote>
}

export interface PlanInput {
  /** The live integrations (list-integrations), decoded (Api.ts). */
  readonly current: ReadonlyArray<ApiIntegration>
  /** The desired manifest, decoded (Manifest.ts). Integration names should be unique (validate first). */
  readonly desired: Manifest
  /** Positions in the desired manifest's source (`SourceDocument.locate`), for lines of changes and entries. */
  readonly locate?: Locate
  /** Positions in the live list's source, for lines of removals. */
  readonly currentLocate?: Locate
  /** Integrations whose removed read objects should stop being read (a destructive deploy). */
  readonly stopReads?: ReadonlyArray<string>
  /** Most integrations per batch: an integer ≥ 1 (default: no limit). */
  readonly maxBatch?: number
  /** The project's installations (list-installations), decoded: who reads what. */
  readonly installations?: ReadonlyArray<Installation>
  /** The project's ID or name, filled into the requests' path (default: the `{projectIdOrName}` placeholder stays). */
  readonly project?: string
}

/** The path of the batch-upsert endpoint, with the project left as a template variable. */
export const batchPath = "/projects/{projectIdOrName}/integrations:batch" as const

/**
 * The batch path for a project (its ID or name, percent-encoded as one path segment), or {@link batchPath}
 * with its placeholder when there is none. Check the project with {@link projectProblem} first.
 */
export const batchPathFor = (project: string | undefined): string =>
  project === undefined ? batchPath : batchPath.replace("{projectIdOrName}", encodeURIComponent(project))

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why a project ID or name is not usable in a request path, or `undefined` when it is: it must not be
 * empty, `.` or `..` (a URL would drop or climb that segment, even percent-encoded), nor hold a lone surrogate.
 */
export const projectProblem = (project: unknown): string | undefined =>
  project === undefined ||
  (typeof project === "string" && project !== "" && project !== "." && project !== ".." && !loneSurrogate.test(project))
    ? undefined
    : "the project must be its ID or name: not empty, not . or .., and valid Unicode"

/** Why a `maxBatch` value is not usable, or `undefined` when it is. */
export const maxBatchProblem = (maxBatch: unknown): string | undefined =>
  maxBatch === undefined || (Number.isSafeInteger(maxBatch) && (maxBatch as number) >= 1)
    ? undefined
    : "maxBatch must be a whole number of at least 1"

const lower = (s: string): string => s.toLowerCase()

/** Live read objects with no desired read object of the same name, ignoring case (Ampersand CLI `GetRemovedReadObjects`). */
/** Who an installation serves, for a person: `Acme (acme-123)`, `acme-123`, or `installation <id>`. */
const whoIs = (installation: Installation): string => {
  const group = installation.group
  if (group === undefined) return `installation ${installation.id}`
  const name = group.groupName
  return name !== undefined && name !== "" && name !== group.groupRef ? `${name} (${group.groupRef})` : group.groupRef
}

export const removedReadObjects = (live: IntegrationBlock, desired: IntegrationBlock): Array<string> => {
  const wanted = new Set((desired.read?.objects ?? []).map((o) => lower(o.objectName)))
  const seen = new Set<string>()
  const removed: Array<string> = []
  for (const o of live.read?.objects ?? []) {
    const key = lower(o.objectName)
    if (wanted.has(key) || seen.has(key)) continue
    seen.add(key)
    removed.push(o.objectName)
  }
  return removed.sort(compareStrings)
}

/** The read-object names an installation's config selects (lower case), skipping disabled ones. */
const readObjectsOf = (installation: Installation): Set<string> => {
  const out = new Set<string>()
  const objects = installation.config.content.read?.objects
  if (objects === undefined) return out
  for (const key of Object.keys(objects)) {
    const o = objects[key]!
    if (o.disabled === true) continue
    out.add(lower(key))
    out.add(lower(o.objectName))
  }
  return out
}

/** The desired blocks by name, in manifest order; of a duplicated name, the one the diff keeps. */
const desiredByName = (
  desired: Manifest,
): { order: Array<string>; blocks: Map<string, { block: IntegrationBlock; index: number }> } => {
  const order: Array<string> = []
  const blocks = new Map<string, { block: IntegrationBlock; index: number }>()
  desired.integrations.forEach((block, index) => {
    const seen = blocks.get(block.name)
    if (seen === undefined) {
      order.push(block.name)
      blocks.set(block.name, { block, index })
      return
    }
    const canonical = (b: IntegrationBlock) => canonicalJson(integrationJson(normaliseIntegration(b, "")))
    if (canonical(block) < canonical(seen.block)) blocks.set(block.name, { block, index })
  })
  return { order, blocks }
}

/**
 * The inputs that determine a plan, as plain data (no dates, no positions). Decoded values have their
 * keys in schema order whatever the input's order, so plain JSON text is already canonical here.
 */
const planIdOf = (input: PlanInput, stopReads: ReadonlyArray<string>): string =>
  fnv1a64(
    JSON.stringify({
      current: input.current.map((i) => ({
        id: i.id,
        name: i.name,
        revision: i.latestRevision.id,
        content: i.latestRevision.content,
      })),
      desired: input.desired.integrations,
      stopReads,
      maxBatch: input.maxBatch ?? null,
      installations:
        input.installations?.map((i) => ({ integrationId: i.integrationId, reads: [...readObjectsOf(i)].sort() })) ??
        null,
      // Only when given, so that plans without a project keep their IDs.
      ...(input.project !== undefined ? { project: input.project } : {}),
    }),
  )

const chunk = <T>(items: ReadonlyArray<T>, size: number): Array<Array<T>> => {
  const out: Array<Array<T>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const batchOf = (
  names: ReadonlyArray<string>,
  destructive: boolean,
  blocks: ReadonlyMap<string, { block: IntegrationBlock }>,
  path: string,
): PlanBatch => ({
  destructive,
  integrations: names,
  request: {
    method: "PUT",
    path,
    query: { destructive: destructive ? "true" : "false" },
    body: { sourceYaml: manifestYaml(names.map((n) => blocks.get(n)!.block)) },
  },
})

/**
 * Plan a deploy of `desired` onto `current`. Throws a `RangeError` only for a `maxBatch` that is not
 * an integer ≥ 1 or an unusable `project` (check with {@link maxBatchProblem}, {@link projectProblem}).
 */
export const plan = (input: PlanInput): Plan => {
  const problem = maxBatchProblem(input.maxBatch) ?? projectProblem(input.project)
  if (problem !== undefined) throw new RangeError(problem)
  const stopReads = [...new Set(input.stopReads ?? [])].sort(compareStrings)
  const stopSet = new Set(stopReads)
  const { order, blocks } = desiredByName(input.desired)

  const live = new Map<string, ApiIntegration>()
  for (const integration of input.current) if (!live.has(integration.name)) live.set(integration.name, integration)

  const installationsOf = new Map<string, Array<Installation>>()
  if (input.installations !== undefined) {
    for (const i of input.installations) {
      const list = installationsOf.get(i.integrationId)
      if (list === undefined) installationsOf.set(i.integrationId, [i])
      else list.push(i)
    }
  }

  // One diff over both whole sides: keyed by name, near-linear. Only the changes of integrations in both are used.
  const changesOf = new Map<string, Array<Change>>()
  const result = diff(
    { value: [...live.values()], ...(input.currentLocate !== undefined ? { locate: input.currentLocate } : {}) },
    {
      value: { specVersion: input.desired.specVersion, integrations: order.map((n) => blocks.get(n)!.block) },
      ...(input.locate !== undefined ? { locate: input.locate } : {}),
    },
  )
  for (const change of result.changes) {
    if (change.id === "integration-added" || change.id === "integration-removed") continue
    const list = changesOf.get(change.integration)
    if (list === undefined) changesOf.set(change.integration, [change])
    else list.push(change)
  }

  const entries: Array<PlannedIntegration> = []
  const notes: Array<PlanNote> = []
  const sent: Array<string> = []
  const destructive: Array<string> = []
  for (const name of order) {
    const { block, index } = blocks.get(name)!
    const line = input.locate !== undefined ? input.locate(`/integrations/${index}`).line : undefined
    const at = line !== undefined ? { line } : {}
    const existing = live.get(name)
    if (existing === undefined) {
      entries.push({ name, action: "create", changes: [], ...at })
      sent.push(name)
      if (stopSet.has(name))
        notes.push({ integration: name, message: "is new: it has no read objects to stop reading" })
      continue
    }
    const installations = input.installations !== undefined ? (installationsOf.get(existing.id) ?? []) : undefined
    const known = {
      id: existing.id,
      revision: existing.latestRevision.id,
      ...(installations !== undefined ? { installations: installations.length } : {}),
    }
    const changes = changesOf.get(name) ?? []
    if (changes.length === 0) {
      entries.push({ name, action: "unchanged", changes: [], ...known, ...at })
      if (stopSet.has(name)) notes.push({ integration: name, message: "is unchanged: nothing is sent, no reads stop" })
      continue
    }
    const removed = removedReadObjects(existing.latestRevision.content, block)
    let readRemoval: ReadRemoval | undefined
    let readers: Array<string> | undefined
    if (removed.length > 0) {
      if (installations !== undefined) {
        const removedSet = new Set(removed.map(lower))
        readers = installations.filter((i) => [...readObjectsOf(i)].some((o) => removedSet.has(o))).map(whoIs)
      }
      readRemoval =
        installations !== undefined && installations.length === 0
          ? "no-installations"
          : stopSet.has(name)
            ? "stop-reads"
            : "keep-reading"
    } else if (stopSet.has(name)) {
      notes.push({ integration: name, message: "removes no read object: there are no reads to stop" })
    }
    entries.push({
      name,
      action: "update",
      changes,
      removedReadObjects: removed,
      ...(readRemoval !== undefined ? { readRemoval } : {}),
      ...known,
      ...(readers !== undefined ? { installationsReadingRemoved: readers.length } : {}),
      ...(readers !== undefined && readers.length > 0 ? { readersOfRemoved: readers } : {}),
      ...at,
    })
    if (readRemoval === "stop-reads") destructive.push(name)
    else sent.push(name)
  }

  const orphans = [...live.keys()].filter((n) => !blocks.has(n)).sort(compareStrings)
  for (const name of orphans) {
    const existing = live.get(name)!
    const installations = input.installations !== undefined ? (installationsOf.get(existing.id) ?? []) : undefined
    entries.push({
      name,
      action: "orphan",
      changes: [],
      id: existing.id,
      revision: existing.latestRevision.id,
      ...(installations !== undefined ? { installations: installations.length } : {}),
    })
    if (stopSet.has(name)) notes.push({ integration: name, message: "is not in the manifest: nothing is sent for it" })
  }
  for (const name of stopReads) {
    if (!blocks.has(name) && !live.has(name))
      notes.push({ integration: name, message: "is neither in the manifest nor live" })
  }

  const size = input.maxBatch ?? Number.POSITIVE_INFINITY
  const path = batchPathFor(input.project)
  const batches = [
    ...chunk(sent.sort(compareStrings), size).map((names) => batchOf(names, false, blocks, path)),
    ...chunk(destructive.sort(compareStrings), size).map((names) => batchOf(names, true, blocks, path)),
  ]
  const summary = { create: 0, update: 0, unchanged: 0, orphan: 0 }
  for (const e of entries) summary[e.action]++
  return { planId: planIdOf(input, stopReads), integrations: entries, batches, summary, notes }
}

/** Every integration a plan sends, with the flag of its batch. */
export const sentIntegrations = (p: Plan): Array<{ name: string; destructive: boolean }> =>
  p.batches.flatMap((b) => b.integrations.map((name) => ({ name, destructive: b.destructive })))

// ---------------------------------------------------------------------------------------------
// From texts: what the CLI, the worker and the browser call

export interface PlanTextInput {
  /** The list-integrations body: its JSON text, or the already parsed JSON value. */
  readonly current: unknown
  /** The desired `amp.yaml` text (YAML or JSON). */
  readonly desired: string
  /** The list-installations body (text or parsed value), if known. */
  readonly installations?: unknown
  readonly stopReads?: ReadonlyArray<string>
  readonly maxBatch?: number
  /** The project's ID or name, filled into the requests' path (see {@link PlanInput.project}). */
  readonly project?: string
  /**
   * How to parse each input given as text (default `"auto"`, Source.ts). The CLI passes the syntax its
   * one rule gives (Decode.ts `inputSyntax`), so a `.json` file or JSON-looking stdin is read as JSON only.
   */
  readonly syntax?: {
    readonly current?: Syntax | "auto"
    readonly installations?: Syntax | "auto"
    readonly desired?: Syntax | "auto"
  }
}

/** Which input could not be used. */
export type PlanInputName = "current" | "desired" | "installations" | "maxBatch" | "project"

/**
 * Why an input could not be used: `syntax`, its text is not data (bad JSON or YAML, a duplicate key, over
 * the limits); `kind`, data of another kind; `decode`, that kind with defects; `value`, an unusable
 * option (`maxBatch`, `project`).
 */
export type PlanInputCause = "syntax" | "kind" | "decode" | "value"

export type PlanOutcome =
  /**
   * The plan. `validation()` gives the desired manifest's full report (warnings, infos, suppressions).
   */
  | {
      readonly ok: true
      readonly plan: Plan
      readonly validation: () => ValidationReport
      readonly document: SourceDocument
    }
  /** The desired manifest has errors (or does not parse): no plan (CLI exit 1). */
  | { readonly ok: false; readonly reason: "invalid-manifest"; readonly report: ValidationReport }
  /**
   * An input that cannot be used. The CLI: `syntax` and `decode` are findings (exit 1, the diagnostics
   * shown); `kind` and `value` are input errors (exit 2).
   */
  | {
      readonly ok: false
      readonly reason: "bad-input"
      readonly input: PlanInputName
      readonly cause: PlanInputCause
      /** One sentence for a user. */
      readonly message: string
      /**
       * `syntax` and `decode`: what is wrong, sorted; positioned in the input's text when it was given as
       * text (given as a JSON value, every line and column is 1). Often empty for `kind`, always for `value`.
       */
      readonly diagnostics: ReadonlyArray<Diagnostic>
    }

const badInput = (
  input: PlanInputName,
  cause: PlanInputCause,
  message: string,
  diagnostics: ReadonlyArray<Diagnostic> = [],
): PlanOutcome => ({ ok: false, reason: "bad-input", input, cause, message, diagnostics })

/** The first error of a text that does not parse, as the end of a sentence. */
const parseError = (diagnostics: ReadonlyArray<Diagnostic>): string => {
  const error = diagnostics.find((d) => d.severity === "error")
  if (error === undefined) return "does not parse: no data"
  // Its position, unless the sentence already ends with it ("… at line 3, column 6").
  const at = `line ${error.line}, column ${error.column}`
  return `does not parse: ${error.message}${error.message.endsWith(at) ? "" : ` (${at})`}`
}

/** The live integrations: list-integrations as text (positions known) or as a parsed value. */
const currentOf = (
  input: unknown,
  syntax?: Syntax | "auto",
): { ok: true; value: ReadonlyArray<ApiIntegration> } | { ok: false; outcome: PlanOutcome } => {
  const decoded = decodeInput(input, "integration-list", { syntax: syntax ?? "auto" })
  if (decoded.ok) return { ok: true, value: decoded.document.value as ReadonlyArray<ApiIntegration> }
  const message =
    decoded.reason === "syntax" ? `the list of live integrations ${parseError(decoded.diagnostics)}` : decoded.message
  return { ok: false, outcome: badInput("current", decoded.reason, message, decoded.diagnostics) }
}

/** The installations: list-installations as text or as a parsed value, keys exactly as the API writes them. */
const installationsOf = (
  input: unknown,
  syntax?: Syntax | "auto",
): { ok: true; value: ReadonlyArray<Installation> } | { ok: false; outcome: PlanOutcome } => {
  let value = input
  let source: SourceDocument | undefined
  if (typeof input === "string") {
    const parsed = parseSource(input, { syntax: syntax ?? "auto" })
    const diagnostics = sortDiagnostics(parsed.findings.map(toDiagnostic(parsed.document)))
    if (parsed.document === undefined || parsed.findings.some((f) => f.severity === "error")) {
      const message = `the list of installations ${parseError(diagnostics)}`
      return { ok: false, outcome: badInput("installations", "syntax", message, diagnostics) }
    }
    source = parsed.document
    value = source.value
  }
  // Keys exactly as written (the API's own JSON), as the Effect decode of Api.ts InstallationList.
  const decoded = decodeModelExact(models.installationList, value)
  if (decoded.ok) return { ok: true, value: decoded.value as ReadonlyArray<Installation> }
  const findings = schemaFindings(models.installationList, value, { owned: "keep", unknownKeys: false })
  const why =
    findings.length > 0
      ? summarise(findings)
      : `${decoded.message}${decoded.pointer === "" ? "" : ` (at ${decoded.pointer})`}`
  const expected = "expected a list of installations (list-installations), but"
  // Not a list, or a list holding documents of a kind ampkit knows (integrations, say): the wrong input.
  const items: ReadonlyArray<unknown> | undefined = Array.isArray(value) ? value : undefined
  const other = items?.findIndex((item) => recogniseKind(item) !== undefined) ?? -1
  if (items === undefined || other >= 0) {
    const looks = other >= 0 ? `item ${other} looks like ${kindLabels[recogniseKind(items?.[other])!]}` : why
    return { ok: false, outcome: badInput("installations", "kind", `${expected} ${looks}`) }
  }
  const diagnostics = sortDiagnostics(
    (findings.length > 0
      ? findings
      : [{ rule: "invalid-value", severity: "error" as const, message: decoded.message, pointer: decoded.pointer }]
    ).map(toDiagnostic(source)),
  )
  return { ok: false, outcome: badInput("installations", "decode", `${expected} ${why}`, diagnostics) }
}

/**
 * Plan from the inputs as users hold them: the list-integrations JSON, the `amp.yaml` text, the
 * list-installations JSON. The desired manifest is validated first: with errors there is no plan.
 * Never throws for any input.
 */
export const planFromText = (input: PlanTextInput): PlanOutcome => {
  const problem = maxBatchProblem(input.maxBatch)
  if (problem !== undefined) return badInput("maxBatch", "value", problem)
  const unusableProject = projectProblem(input.project)
  if (unusableProject !== undefined) return badInput("project", "value", unusableProject)

  const current = currentOf(input.current, input.syntax?.current)
  if (!current.ok) return current.outcome

  let installations: ReadonlyArray<Installation> | undefined
  if (input.installations !== undefined) {
    const decoded = installationsOf(input.installations, input.syntax?.installations)
    if (!decoded.ok) return decoded.outcome
    installations = decoded.value
  }

  const parsed = parseSource(input.desired, { syntax: input.syntax?.desired ?? "auto" })
  const kind = parsed.document !== undefined ? recogniseKind(parsed.document.value) : undefined
  if (kind !== undefined && kind !== "manifest") {
    return badInput("desired", "kind", `expected ${kindLabels.manifest}, but this looks like ${kindLabels[kind]}`)
  }
  const report = validateParsed(input.desired, parsed)
  if (!report.ok || parsed.document === undefined) return { ok: false, reason: "invalid-manifest", report }
  const desired = decodeDocument(parsed.document.value, "manifest")
  if (desired._tag === "Failure") {
    const { failure } = desired
    const diagnostics = sortDiagnostics(failure.findings.map(toDiagnostic(parsed.document)))
    return badInput("desired", failure._tag === "DecodeError" ? "decode" : "kind", failure.message, diagnostics)
  }
  if (desired.success.kind !== "manifest") return badInput("desired", "kind", `expected ${kindLabels.manifest}`)

  const result = plan({
    current: current.value,
    desired: desired.success.value,
    locate: parsed.document.locate,
    ...(input.stopReads !== undefined ? { stopReads: input.stopReads } : {}),
    ...(input.maxBatch !== undefined ? { maxBatch: input.maxBatch } : {}),
    ...(installations !== undefined ? { installations } : {}),
    ...(input.project !== undefined ? { project: input.project } : {}),
  })
  const validation = (): ValidationReport => report
  return { ok: true, plan: result, validation, document: parsed.document }
}

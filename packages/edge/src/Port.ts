/**
 * Port: what the handler needs from `@ampkit/core`, as plain structural types.
 *
 * The handler never imports the core: the deployable (apps/worker) passes the core's plain-face functions
 * in, and tests pass fakes. The types are the subset of the core's `ValidationReport` / `Diagnostic` the
 * handler reads, so the real functions are assignable to them as they are.
 */

export type Severity = "error" | "warning" | "info"

/** A diagnostic as the core reports it (packages/core/src/Diagnostic.ts). */
export interface PortDiagnostic {
  readonly rule: string
  readonly severity: Severity
  readonly message: string
  readonly pointer: string
  readonly line: number
  readonly column: number
  readonly hint?: string
  readonly suppressed: boolean
  /** On the one diagnostic that closes a capped list: how many findings it stands for (src/NotListed.ts). */
  readonly notListed?: number
}

export interface PortReport {
  /** No unsuppressed error. */
  readonly ok: boolean
  readonly diagnostics: ReadonlyArray<PortDiagnostic>
}

export interface PortValidateOptions {
  readonly syntax: "yaml" | "json"
  /** Rule ids whose warnings and infos are suppressed for the whole run. */
  readonly ignore: ReadonlyArray<string>
}

/** `validate(text, options)` of the core's plain face. */
export type ValidatePort = (text: string, options: PortValidateOptions) => PortReport

/** The JSON Schema of amp.yaml. Called once per handler, on the first `GET /v1/schema`. */
export type SchemaPort = () => unknown

/**
 * A diagnostic of diff or plan about one member of the request body: `input` names that member
 * (`old`, `new`, `current`, `desired`), and `pointer` points inside that member's document. `line` and
 * `column` are absent when the member was given as JSON rather than as text (there is no text to point in).
 */
export interface PortInputDiagnostic extends Omit<PortDiagnostic, "line" | "column"> {
  readonly input?: string
  readonly line?: number
  readonly column?: number
}

/**
 * The plain-face result shape: the value to send (200); the diagnostics that stopped it (400 when one is a
 * parser error, else 422); or a request member that is unusable as such, e.g. a document of the wrong kind
 * (400, issue at `/<input>`, or one issue per error in `diagnostics` when the core lists what is wrong in it).
 */
export type PortResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly diagnostics: ReadonlyArray<PortInputDiagnostic> }
  | {
      readonly ok: false
      readonly input: string
      readonly message: string
      readonly diagnostics?: ReadonlyArray<PortInputDiagnostic>
    }

/** A document given as text (YAML or JSON) or as already-parsed JSON. */
export type DocumentInput = string | Readonly<Record<string, unknown>> | ReadonlyArray<unknown>

/** Body of `POST /v1/diff`, checked. */
export interface DiffInput {
  readonly old: DocumentInput
  readonly new: DocumentInput
}

/** Body of `POST /v1/plan`, checked. */
export interface PlanInput {
  /** The list-integrations response (`Integration[]`), still undecoded. */
  readonly current: ReadonlyArray<unknown>
  /** The desired amp.yaml text. */
  readonly desired: string
  readonly stopReads: ReadonlyArray<string>
  readonly maxBatch?: number
  /** The list-installations response (the whole project's), still undecoded, when given. */
  readonly installations?: ReadonlyArray<unknown>
  /** The project's ID or name, filled into the requests' path, when given. */
  readonly project?: string
}

export type DiffPort = (input: DiffInput) => PortResult
export type PlanPort = (input: PlanInput) => PortResult

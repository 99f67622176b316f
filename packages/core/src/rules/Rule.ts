/**
 * A validation rule: data plus a check. One file per rule id in this folder; the ordered
 * registry is `rules/index.ts`. Docs for rules are generated from the registry.
 */
import type { Finding, Severity } from "../Diagnostic.js"
import type { SourceDocument } from "../Source.js"

/** What a rule may look at. Everything is passed in: rules never read files or the clock. */
export interface RuleContext {
  /** The document root as plain JSON data (not yet decoded: rules must check types defensively). */
  readonly value: unknown
  /** The parsed source (for yaml11Scalars, positions); absent when validating a plain value. */
  readonly document: SourceDocument | undefined
  /** Known provider names (case-sensitive). */
  readonly providers: ReadonlySet<string>
  /** Known modules per provider; the first is the default. Providers absent here have no modules. */
  readonly modules: ReadonlyMap<string, ReadonlyArray<string>>
}

export interface Rule {
  /** Stable id from design/rules.md. Several files may share one id only when rules.md lists several conditions. */
  readonly id: string
  /** Severity of its findings (a rule may emit another severity only where rules.md says so, e.g. yaml-compat). */
  readonly severity: Severity
  /** One line for generated docs. */
  readonly summary: string
  /** The domain.md rule ids it implements (e.g. ["R5"]). */
  readonly domain: ReadonlyArray<string>
  readonly check: (ctx: RuleContext) => Iterable<Finding>
}

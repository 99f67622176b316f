/**
 * Source: text → plain JSON data with a position index.
 *
 * One entry point per syntax (YAML 1.2 core schema, JSON), with every hardening of
 * design/reliability.md in one place. (Types first; implementation below.)
 */
import type { Finding, Position } from "./Diagnostic.js"

export type Syntax = "yaml" | "json"

/** An unquoted YAML scalar that YAML 1.1 (Ampersand's server) reads differently from YAML 1.2. */
export interface Yaml11Scalar {
  readonly pointer: string
  /** The scalar exactly as written, e.g. `yes`, `0755`, `1:30`. */
  readonly source: string
  /** What YAML 1.1 makes of it. */
  readonly as: "boolean" | "octal" | "sexagesimal" | "number"
}

/** A `# amp:ignore` / `# amp:ignore[a,b]` comment. */
export interface Directive {
  /** 1-based line of the comment. */
  readonly line: number
  /** `true` when the comment is alone on its line (covers the key on the next line). */
  readonly standalone: boolean
  /** Rule ids, or "all" for a bare `# amp:ignore`. */
  readonly rules: ReadonlyArray<string> | "all"
}

export interface SourceDocument {
  readonly syntax: Syntax
  /** Plain JSON data (objects, arrays, strings, finite numbers, booleans, null). */
  readonly value: unknown
  /** Position of the value (default) or key of the node at `pointer`; nearest existing ancestor when absent. */
  readonly locate: (pointer: string, at?: "key" | "value") => Position
  readonly yaml11Scalars: ReadonlyArray<Yaml11Scalar>
  readonly directives: ReadonlyArray<Directive>
}

/**
 * The result of parsing. `document` is absent when the text cannot be turned into data at all;
 * `findings` carry rule ids from rules.md (syntax, duplicate-key, alias-limit, document-limit …)
 * and are positioned with `locate` when a document exists, else by their own `position`.
 */
export interface ParseResult {
  readonly document: SourceDocument | undefined
  readonly findings: ReadonlyArray<Finding & { readonly position?: Position }>
}

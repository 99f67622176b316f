/**
 * Source: text → plain JSON data with a position index.
 *
 * One entry point per syntax (YAML 1.2 core schema, JSON), with every hardening of
 * design/reliability.md in one place. (Types first; implementation below.)
 *
 * Decisions (the parsing table of reliability.md, row by row):
 * - Nothing throws for any input string. Every finding is an `error` with a rule id of rules.md:
 *   `syntax`, `duplicate-key`, `alias-limit`, `document-limit`, and `invalid-value` for numbers
 *   that are not finite (`.inf`, `.nan`, `1e400`) or integer literals outside ±(2^53−1).
 * - Only `duplicate-key` findings leave a document (the first value kept); any other finding means
 *   `document` is undefined.
 * - Limits (`Limits.ts`): size checked before anything else, depth before every recursive step.
 * - Text: one leading BOM dropped (positions count after it); CRLF read as LF, so CRLF and LF give
 *   identical results; refused characters are listed in internal/source-text.ts (C0 controls, stray
 *   BOM, U+FFFD, unpaired surrogates, lone CR; in YAML also DEL/C1, U+2028/U+2029, U+FFFE/U+FFFF).
 * - YAML: see internal/source-yaml.ts (one document, no tags, no directives, scalar keys, merge keys
 *   and aliases within the node budget). JSON: internal/json-parser.ts (RFC 8259).
 * - Positions: 1-based line, column in UTF-16 code units. `locate` of a node reached through an
 *   alias or a merge key gives the anchored node's position; `at: "key"` of an array item or of
 *   the root is the item's (root's) value position.
 */
import type { Finding, Position } from "./Diagnostic.js"
import { parseJson } from "./internal/json-parser.js"
import { toPath } from "./internal/pointer.js"
import { type SourceFinding, sourceFinding } from "./internal/source-finding.js"
import { LineIndex } from "./internal/source-lines.js"
import { jsonLocator, type Locator, yamlLocator } from "./internal/source-locate.js"
import { checkCharacters, checkSize, normaliseNewlines, stripBom } from "./internal/source-text.js"
import { parseYaml } from "./internal/source-yaml.js"
import { type Limits, resolveLimits } from "./Limits.js"

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
 * Every finding of `parseSource` carries its `position`, and it wins over `locate(pointer)`: a
 * `duplicate-key` points at the SECOND key while its pointer locates the first (kept) one.
 */
export interface ParseResult {
  readonly document: SourceDocument | undefined
  readonly findings: ReadonlyArray<Finding & { readonly position?: Position }>
}

export interface ParseOptions {
  /** "auto" (the default): JSON when the text starts with `{` or `[` and parses as JSON, else YAML. */
  readonly syntax?: Syntax | "auto"
  /** Overrides of `defaultLimits`. */
  readonly limits?: Partial<Limits>
}

/** Parse YAML 1.2 or JSON text into plain data with positions. Synchronous, pure, never throws on input. */
export const parseSource = (text: string, options: ParseOptions = {}): ParseResult => {
  const limits = resolveLimits(options.limits)
  const size = checkSize(text, limits.maxBytes)
  if (size !== undefined) return { document: undefined, findings: [size] }
  const body = stripBom(text)
  const syntax = options.syntax ?? "auto"
  if (syntax === "json") return parseAs("json", body, limits)
  if (syntax === "yaml") return parseAs("yaml", body, limits)
  if (looksLikeJson.test(body)) {
    const json = parseAs("json", body, limits)
    if (!json.findings.some((f) => f.rule === "syntax")) return json
  }
  return parseAs("yaml", body, limits)
}

const looksLikeJson = /^[ \t\r\n]*[{[]/

const parseAs = (syntax: Syntax, raw: string, limits: Limits): ParseResult => {
  const refused = checkCharacters(raw, syntax)
  if (refused.length > 0) return { document: undefined, findings: refused }
  const text = normaliseNewlines(raw)
  const lines = new LineIndex(text)
  if (syntax === "json") {
    if (/^[ \t\n]*$/.test(text)) return { document: undefined, findings: [emptyJson] }
    const outcome = parseJson(text, limits)
    if (outcome.value === undefined) return { document: undefined, findings: sorted(outcome.findings) }
    const root = text.search(/[^ \t\n]/)
    const document = makeDocument("json", outcome.value.value, lines, jsonLocator(text, root), [], [])
    return { document, findings: sorted(outcome.findings) }
  }
  const outcome = parseYaml(text, limits, lines)
  if (outcome.value === undefined) return { document: undefined, findings: sorted(outcome.findings) }
  const locator = yamlLocator(outcome.value.root)
  const document = makeDocument("yaml", outcome.value.value, lines, locator, outcome.yaml11Scalars, outcome.directives)
  return { document, findings: sorted(outcome.findings) }
}

const emptyJson: SourceFinding = sourceFinding("syntax", "the input is empty: there is no JSON value", {
  line: 1,
  column: 1,
})

const makeDocument = (
  syntax: Syntax,
  value: unknown,
  lines: LineIndex,
  locator: Locator,
  yaml11Scalars: ReadonlyArray<Yaml11Scalar>,
  directives: ReadonlyArray<Directive>,
): SourceDocument => ({
  syntax,
  value,
  locate: (pointer, at = "value") => {
    let path: Array<string>
    try {
      path = toPath(pointer)
    } catch {
      path = [] // not a JSON pointer: the root
    }
    const offsets = locator(path)
    return lines.position(at === "key" ? offsets.key : offsets.value)
  },
  yaml11Scalars,
  directives,
})

/** Findings in source order (stable for equal positions). */
const sorted = (findings: ReadonlyArray<SourceFinding>): Array<SourceFinding> =>
  [...findings].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column)

/**
 * Decode: text (YAML or JSON) → a typed document of any kind, with positioned diagnostics when it
 * fails. The one entry point the CLI, the worker and the browser use to read diff and plan inputs.
 */
import { type Diagnostic, type Finding, type Position, positioned } from "./Diagnostic.js"
import { type Document, type DocumentKind, decodeDocument } from "./Document.js"
import type { Limits } from "./Limits.js"
import { parseSource, type SourceDocument, type Syntax } from "./Source.js"
import { sortDiagnostics } from "./Validate.js"

export interface DecodeTextOptions {
  readonly syntax?: Syntax | "auto"
  /** Acceptable kinds (default: any). */
  readonly expected?: DocumentKind | ReadonlyArray<DocumentKind>
  readonly limits?: Partial<Limits>
}

export type DecodeTextResult =
  | { readonly ok: true; readonly document: Document; readonly source: SourceDocument }
  | {
      readonly ok: false
      /** `syntax`: the text is not data; `kind`: data of the wrong kind; `decode`: the right kind, with defects. */
      readonly reason: "syntax" | "kind" | "decode"
      /** One sentence for a user. */
      readonly message: string
      readonly diagnostics: ReadonlyArray<Diagnostic>
    }

/**
 * The syntax an input is read in, by the one rule of the CLI (README, "Input syntax"): a name ending in
 * `.json` → JSON; `.yaml` or `.yml` → YAML; any other name, or none (stdin, a request body), by content:
 * JSON when the first character that is not whitespace (space, tab, CR, LF), after an optional BOM, is
 * `{` or `[`, else YAML. Never "JSON if it parses, else YAML": `[1, 2,]` is a JSON error wherever it comes
 * from, not a YAML flow list. `git:<rev>:<path>` goes by its `<path>`, which the name ends with.
 */
export const inputSyntax = (name: string | undefined, text: string): Syntax => {
  if (name !== undefined) {
    if (name.endsWith(".json")) return "json"
    if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml"
  }
  return startsLikeJson.test(text) ? "json" : "yaml"
}

const startsLikeJson = /^\uFEFF?[ \t\r\n]*[{[]/

/** A finding with its position resolved against the source (suppression does not apply here). */
export const toDiagnostic =
  (source: SourceDocument | undefined) =>
  (finding: Finding & { readonly position?: Position }): Diagnostic =>
    positioned(finding, source?.locate, false)

/** Parse and decode text as a document of the expected kind(s). */
export const decodeText = (text: string, options: DecodeTextOptions = {}): DecodeTextResult => {
  const parsed = parseSource(text, {
    ...(options.syntax !== undefined ? { syntax: options.syntax } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
  })
  const source = parsed.document
  const fatal = parsed.findings.filter((f) => f.severity === "error")
  if (source === undefined || fatal.length > 0) {
    const diagnostics = sortDiagnostics(parsed.findings.map(toDiagnostic(source)))
    const first = diagnostics[0]
    return {
      ok: false,
      reason: "syntax",
      message: first !== undefined ? `line ${first.line}, column ${first.column}: ${first.message}` : "cannot parse",
      diagnostics,
    }
  }
  const decoded = decodeDocument(source.value, options.expected)
  if (decoded._tag === "Success") return { ok: true, document: decoded.success, source }
  const error = decoded.failure
  return {
    ok: false,
    reason: error._tag === "DecodeError" ? "decode" : "kind",
    message: error.message,
    diagnostics: sortDiagnostics(error.findings.map(toDiagnostic(source))),
  }
}

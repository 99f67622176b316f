/**
 * Diagnostics: what every check in ampkit reports.
 *
 * A check (parser, shape decoder, rule) emits a `Finding`: the rule id, the JSON pointer it is
 * about and a sentence. The validate pipeline turns findings into `Diagnostic`s by resolving the
 * pointer to a line and column in the source text and applying suppressions.
 */

export type Severity = "error" | "warning" | "info"

/** A diagnostic as every surface (CLI JSON, worker, browser) shows it. */
export interface Diagnostic {
  readonly rule: string
  readonly severity: Severity
  /** One sentence, at most ~120 characters, with received values truncated and escaped. */
  readonly message: string
  /** RFC 6901 JSON pointer into the document ("" is the root). */
  readonly pointer: string
  /** 1-based line in the source text. */
  readonly line: number
  /** 1-based column in the source text (in UTF-16 code units, as editors count). */
  readonly column: number
  readonly hint?: string
  readonly suppressed: boolean
  /**
   * Only on the one diagnostic that closes a capped list ("50 more `x` findings are not listed"): how
   * many findings of its rule it stands for. The counts of a report include them.
   */
  readonly notListed?: number
}

/** What a check reports before positions and suppressions are resolved. */
export interface Finding {
  readonly rule: string
  readonly severity: Severity
  readonly message: string
  readonly pointer: string
  /**
   * Where the line/column should point: at the key of the member named by `pointer`
   * (e.g. an unknown key) or at its value (the default).
   */
  readonly at?: "key" | "value"
  readonly hint?: string
  /** On a finding that closes a capped list: how many findings it stands for (see `Diagnostic`). */
  readonly notListed?: number
}

/** A position in the source text; both 1-based. */
export interface Position {
  readonly line: number
  readonly column: number
}

export const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 }

/** A finding with its position: the parser's own, else `locate(pointer)`, else the start of the text. */
export const positioned = (
  finding: Finding & { readonly position?: Position },
  locate: ((pointer: string, at?: "key" | "value") => Position) | undefined,
  suppressed: boolean,
): Diagnostic => {
  const position =
    finding.position ?? (locate !== undefined ? locate(finding.pointer, finding.at) : { line: 1, column: 1 })
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    pointer: finding.pointer,
    line: position.line,
    column: position.column,
    ...(finding.hint !== undefined ? { hint: finding.hint } : {}),
    suppressed,
    ...(finding.notListed !== undefined ? { notListed: finding.notListed } : {}),
  }
}

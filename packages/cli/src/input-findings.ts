/**
 * Inputs that were read but are no usable document (bad UTF-8, bad YAML or JSON, a document of the
 * right kind with defects): a finding, exit 1, with its diagnostics rendered as `ampkit validate`
 * renders them (contract.md). Shared by diff and plan; validate reports the same diagnostic itself.
 */
import { type Diagnostic, renderValidationText, report } from "@ampkit/core"
import { InputFindingsError } from "./errors.js"

/** Diagnostics listed on stderr before the rest are only counted. */
export const maxListed = 10

/** The `syntax` diagnostic of bytes that are not UTF-8, at the first bad byte. */
export const utf8Diagnostic = (failure: {
  readonly message: string
  readonly position: { readonly line: number; readonly column: number }
}): Diagnostic => ({
  rule: "syntax",
  severity: "error",
  message: failure.message,
  pointer: "",
  line: failure.position.line,
  column: failure.position.column,
  hint: "save the file as UTF-8",
  suppressed: false,
})

/**
 * The error for an unusable input: `head` says what stops (it is escaped when printed), then the
 * first {@link maxListed} diagnostics with excerpts of `text`, a count of the others, and the
 * summary line with the counts of all of them.
 */
export const inputFindings = (
  head: string,
  name: string,
  text: string,
  diagnostics: ReadonlyArray<Diagnostic>,
): InputFindingsError => {
  const all = report(diagnostics)
  const listed = { ...all, diagnostics: all.diagnostics.slice(0, maxListed) }
  const more = diagnostics.length - listed.diagnostics.length
  const rendered = renderValidationText(name, text, listed)
  return new InputFindingsError({
    message: head,
    details: more > 0 ? `${rendered}(${more} more are not listed here; ampkit validate lists them all)\n` : rendered,
  })
}

/** The diagnostics of the new amp.yaml as a list; each entry moves the editor to its line. */
import type { Diagnostic, ValidationReport } from "@ampkit/browser"
import { severitySymbol } from "./editor.js"
import { h, plural } from "./element.js"

/** Entries drawn at most: a pathological file can have thousands; the summary still counts them all. */
export const maxListed = 500

export const reportSummary = (report: ValidationReport): string =>
  `${plural(report.errors, "error")}, ${plural(report.warnings, "warning")}, ${plural(report.infos, "info")}` +
  (report.suppressed > 0 ? `, ${report.suppressed} suppressed` : "")

/** One diagnostic as a button: severity, place, rule, message, hint. */
export const diagnosticEntry = (d: Diagnostic, goTo: (line: number, column: number) => void, where: string) =>
  h(
    "li",
    { class: `diagnostic ${d.severity}${d.suppressed ? " suppressed" : ""}` },
    h(
      "button",
      {
        type: "button",
        class: "entry",
        "data-line": d.line,
        "data-column": d.column,
        "data-rule": d.rule,
        onclick: () => goTo(d.line, d.column),
      },
      h("span", { class: `severity ${d.severity}` }, `${severitySymbol[d.severity]} ${d.severity}`),
      " ",
      h("span", { class: "place" }, `${where} line ${d.line}, column ${d.column}`),
      d.suppressed ? h("span", { class: "tag" }, " (suppressed)") : null,
      h("span", { class: "message" }, d.message),
      h("code", { class: "rule" }, d.rule),
      d.hint !== undefined ? h("span", { class: "hint" }, d.hint) : null,
    ),
  )

export const diagnosticList = (
  diagnostics: ReadonlyArray<Diagnostic>,
  goTo: (line: number, column: number) => void,
  where = "",
): HTMLElement => {
  const shown = diagnostics.slice(0, maxListed)
  return h(
    "div",
    {},
    h("ol", { class: "diagnostics" }, ...shown.map((d) => diagnosticEntry(d, goTo, where))),
    diagnostics.length > shown.length
      ? h("p", { class: "note" }, `… and ${diagnostics.length - shown.length} more, not listed.`)
      : null,
  )
}

export const renderDiagnostics = (
  body: HTMLElement,
  report: ValidationReport | undefined,
  goTo: (line: number, column: number) => void,
): void => {
  if (report === undefined) {
    body.replaceChildren(h("p", { class: "empty" }, "Type, paste or drop an amp.yaml on the left to check it."))
    return
  }
  const verdict = report.ok
    ? h("p", { class: "summary ok" }, `✔ No errors: ${reportSummary(report)}.`)
    : h("p", { class: "summary bad" }, `✖ ${reportSummary(report)}.`)
  body.replaceChildren(verdict, report.diagnostics.length > 0 ? diagnosticList(report.diagnostics, goTo) : "")
}

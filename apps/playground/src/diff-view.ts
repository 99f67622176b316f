/**
 * The semantic diff, grouped by level (most severe first) and, within a level, by integration.
 * Each change names where it is: in the new amp.yaml, or in the before side for a removal.
 */
import type { Change, DiffOutcome, Level } from "@ampkit/browser"
import { levels } from "@ampkit/browser"
import { diagnosticList } from "./diagnostics-view.js"
import { h, plural } from "./element.js"

export type Side = "after" | "before"
export type GoTo = (side: Side, line: number, column: number) => void

export const levelHelp: Readonly<Record<Level, string>> = {
  breaking: "existing installations or downstream consumers break or lose data",
  reconfigure: "existing customers must act (grant a field, fill a mapping) before their config saves",
  dangerous: "behaviour of existing installations changes silently (routing, timing, always-on reads)",
  safe: "only new installations or cosmetic text are affected",
}

const levelTitle = (level: Level): string => level[0]!.toUpperCase() + level.slice(1)

const kindNames: Readonly<Record<string, string>> = {
  manifest: "an amp.yaml",
  "integration-block": "an integration block",
  revision: "a revision",
  integration: "an integration (API)",
  "integration-list": "the API's integration list",
}

const isRemoval = (c: Change): boolean => c.before !== undefined && c.after === undefined

const places = (c: Change, goTo: GoTo): Array<HTMLElement> => {
  const out: Array<HTMLElement> = []
  if (c.line !== undefined) {
    const side: Side = isRemoval(c) ? "before" : "after"
    const column = c.column ?? 1
    const label = side === "before" ? `before, line ${c.line}` : `line ${c.line}`
    out.push(
      h(
        "button",
        {
          type: "button",
          class: "place",
          "data-side": side,
          "data-line": c.line,
          onclick: () => goTo(side, c.line!, column),
        },
        label,
      ),
    )
  }
  if (c.anchor !== undefined) {
    const { line, column } = c.anchor
    out.push(
      h(
        "button",
        {
          type: "button",
          class: "place",
          "data-side": "after",
          "data-line": line,
          onclick: () => goTo("after", line, column),
        },
        `near line ${line}`,
      ),
    )
  }
  return out
}

const changeEntry = (c: Change, goTo: GoTo): HTMLElement =>
  h(
    "li",
    { class: `change ${c.level}`, "data-id": c.id, "data-fingerprint": c.fingerprint },
    h(
      "p",
      { class: "message" },
      c.message,
      c.likelyRenameOf !== undefined ? ` (likely a rename of ${c.likelyRenameOf})` : "",
    ),
    h(
      "p",
      { class: "meta" },
      ...places(c, goTo),
      h("code", { class: "id" }, c.id),
      h("code", { class: "fingerprint", title: "fingerprint" }, c.fingerprint),
    ),
  )

export const summaryLine = (s: { breaking: number; reconfigure: number; dangerous: number; safe: number }): string =>
  `${s.breaking} breaking, ${s.reconfigure} reconfigure, ${s.dangerous} dangerous, ${s.safe} safe`

export const renderDiff = (
  body: HTMLElement,
  outcome: DiffOutcome | undefined,
  goTo: GoTo,
  missing: Side = "before",
): void => {
  if (outcome === undefined) {
    body.replaceChildren(
      h(
        "p",
        { class: "empty" },
        missing === "after"
          ? "Add the new amp.yaml to compare it with the before side."
          : "Add a before side (an older amp.yaml, or the API's Integration[] JSON) to see what changes, by meaning: order, quoting, comments and defaults do not count.",
      ),
    )
    return
  }
  if (!outcome.ok) {
    const which = outcome.side === "before" ? "The before side" : "The new amp.yaml"
    body.replaceChildren(
      h("p", { class: "summary bad" }, `${which} cannot be compared: ${outcome.message}`),
      outcome.side === "before" && outcome.diagnostics.length > 0
        ? diagnosticList(outcome.diagnostics, (line, column) => goTo("before", line, column), "before,")
        : outcome.side === "after"
          ? h("p", { class: "note" }, "Fix the errors listed under Diagnostics first.")
          : "",
    )
    return
  }
  const { changes, summary, kinds } = outcome
  const from = `${kindNames[kinds.before] ?? kinds.before} → ${kindNames[kinds.after] ?? kinds.after}`
  if (changes.length === 0) {
    body.replaceChildren(h("p", { class: "summary ok" }, `No semantic changes (${from}).`))
    return
  }
  const sections: Array<HTMLElement> = []
  for (const level of levels) {
    const at = changes.filter((c) => c.level === level)
    if (at.length === 0) continue
    const byIntegration = new Map<string, Array<Change>>()
    for (const c of at) {
      const list = byIntegration.get(c.integration)
      if (list === undefined) byIntegration.set(c.integration, [c])
      else list.push(c)
    }
    sections.push(
      h(
        "section",
        { class: `level ${level}`, "data-level": level, "aria-labelledby": `level-${level}` },
        h("h3", { id: `level-${level}` }, `${levelTitle(level)} (${at.length})`),
        h("p", { class: "level-help" }, levelHelp[level]),
        ...[...byIntegration.entries()].map(([name, list]) =>
          h(
            "div",
            { class: "integration", "data-integration": name },
            h("h4", {}, name, h("span", { class: "count" }, ` · ${plural(list.length, "change")}`)),
            h("ul", { class: "changes" }, ...list.map((c) => changeEntry(c, goTo))),
          ),
        ),
      ),
    )
  }
  const accepted = summary.accepted > 0 ? ` (${summary.accepted} accepted)` : ""
  body.replaceChildren(h("p", { class: "summary" }, `${summaryLine(summary)}${accepted} (${from}).`), ...sections)
}

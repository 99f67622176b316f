/**
 * The deploy plan when the before side is what is live (the API's Integration[] JSON): what happens
 * to each integration, the batch requests a deploy sends, and a choice per update that removes read
 * objects: keep reading them (non-destructive) or stop their reads (destructive batch).
 */
import type { PlannedIntegration, PlanOutcome } from "@ampkit/browser"
import { reportSummary } from "./diagnostics-view.js"
import { h, plural } from "./element.js"

const actionHelp: Readonly<Record<PlannedIntegration["action"], string>> = {
  create: "new: sent",
  update: "changed: sent",
  unchanged: "no change by meaning: not sent",
  orphan: "live but not in the new amp.yaml: not sent, never deleted",
}

export interface PlanViewEvents {
  readonly goTo: (line: number, column: number) => void
  readonly stopReads: (integration: string, stop: boolean) => void
}

const removal = (entry: PlannedIntegration, events: PlanViewEvents): Array<HTMLElement | string> => {
  const removed = entry.removedReadObjects ?? []
  if (removed.length === 0) return []
  const id = `stop-${entry.name.replace(/[^A-Za-z0-9_-]/g, "_")}`
  const one = removed.length === 1
  const what =
    entry.readRemoval === "stop-reads"
      ? `${one ? "its" : "their"} reads stop (destructive batch)`
      : entry.readRemoval === "no-installations"
        ? `no installation reads ${one ? "it" : "them"}`
        : `installations keep reading ${one ? "it" : "them"}`
  return [
    h("p", {}, `Removes read ${one ? "object" : "objects"} ${removed.join(", ")}: ${what}.`),
    h(
      "p",
      { class: "choice" },
      h("input", {
        type: "checkbox",
        id,
        checked: entry.readRemoval === "stop-reads",
        onchange: (e: Event) => events.stopReads(entry.name, (e.target as HTMLInputElement).checked),
      }),
      " ",
      h("label", { for: id }, `Stop reading the removed objects of ${entry.name}`),
    ),
  ]
}

const entryView = (entry: PlannedIntegration, events: PlanViewEvents): HTMLElement =>
  h(
    "li",
    { class: `planned ${entry.action}`, "data-integration": entry.name, "data-action": entry.action },
    h(
      "p",
      { class: "head" },
      entry.line !== undefined
        ? h(
            "button",
            {
              type: "button",
              class: "place name",
              "data-line": entry.line,
              onclick: () => events.goTo(entry.line!, 1),
            },
            entry.name,
          )
        : h("strong", { class: "name" }, entry.name),
      " ",
      h("span", { class: `action ${entry.action}` }, entry.action),
      h("span", { class: "action-help" }, ` ${actionHelp[entry.action]}`),
    ),
    entry.action === "update" ? h("p", {}, `${plural(entry.changes.length, "change")} (listed under Changes).`) : null,
    ...removal(entry, events),
    entry.revision !== undefined
      ? h("p", { class: "meta" }, `Planned against live revision `, h("code", {}, entry.revision))
      : null,
  )

export const renderPlan = (section: HTMLElement, outcome: PlanOutcome | undefined, events: PlanViewEvents): void => {
  const body = section.querySelector<HTMLElement>(".panel-body")!
  section.hidden = outcome === undefined
  if (outcome === undefined) {
    body.replaceChildren()
    return
  }
  if (!outcome.ok) {
    if (outcome.reason === "invalid-manifest") {
      body.replaceChildren(
        h(
          "p",
          { class: "summary bad" },
          `No plan: the new amp.yaml has ${reportSummary(outcome.report)}. A deploy would be refused; fix the errors first.`,
        ),
      )
    } else {
      const which =
        outcome.input === "current"
          ? "The before side"
          : outcome.input === "desired"
            ? "The new amp.yaml"
            : `The ${outcome.input} input`
      body.replaceChildren(h("p", { class: "summary bad" }, `No plan: ${which} cannot be used: ${outcome.message}`))
    }
    return
  }
  const { plan } = outcome
  const s = plan.summary
  body.replaceChildren(
    h(
      "p",
      { class: "summary" },
      `${s.create} create, ${s.update} update, ${s.unchanged} unchanged, ${s.orphan} orphan; ${plural(plan.batches.length, "batch", "batches")} to send. Plan `,
      h("code", {}, plan.planId),
      ".",
    ),
    h("ul", { class: "plan-entries" }, ...plan.integrations.map((e) => entryView(e, events))),
    h("h3", {}, "Batches"),
    plan.batches.length === 0
      ? h("p", { class: "empty" }, "Nothing to send: the live integrations already match.")
      : h(
          "ol",
          { class: "batches" },
          ...plan.batches.map((b, i) =>
            h(
              "li",
              { class: `batch${b.destructive ? " destructive" : ""}`, "data-destructive": String(b.destructive) },
              h(
                "p",
                {},
                `Batch ${i + 1}, ${b.destructive ? "destructive" : "not destructive"}: ${b.integrations.join(", ")}`,
              ),
              h(
                "details",
                {},
                h("summary", {}, `Request of batch ${i + 1}`),
                h(
                  "pre",
                  { tabindex: 0 },
                  `${b.request.method} ${b.request.path}?destructive=${b.request.query.destructive}\n\n${b.request.body.sourceYaml}`,
                ),
              ),
            ),
          ),
        ),
    plan.notes.length > 0 ? h("h3", {}, "Notes") : "",
    plan.notes.length > 0
      ? h("ul", { class: "notes" }, ...plan.notes.map((n) => h("li", {}, `${n.integration} ${n.message}`)))
      : "",
  )
}

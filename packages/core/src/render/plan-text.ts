/**
 * Human output of `ampkit plan`, read like `terraform plan`:
 *
 *   + newOne                  create (salesforce)
 *   ~ syncCRM                 update, 2 changes
 *       breaking     read object `contact` of `syncCRM` is removed: …
 *   ! legacy                  orphan: live but not in amp.yaml; left as it is
 *   = 3 unchanged
 *
 * then the batches (one request each; a path still holding `{projectIdOrName}` says how to fill it) and a
 * summary line. `=` entries are counted, and listed only with `verbose`. Every name and message is escaped
 * (no control character reaches a terminal).
 */
import { levels } from "../changes/Change.js"
import type { Level } from "../Diff.js"
import type { Plan, PlanBatch, PlannedIntegration } from "../Plan.js"
import type { PlanVerification } from "../PlanVerify.js"
import { escapeControl } from "./escape.js"

export interface PlanTextOptions {
  readonly color?: boolean
  /** List unchanged integrations one by one. */
  readonly verbose?: boolean
  /** Name of the desired manifest, for `file:line` locations. */
  readonly file?: string
}

const placeholder = "{projectIdOrName}"

const codes = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const
type Code = keyof typeof codes
type Paint = (code: Code, text: string) => string

const levelColor: Readonly<Record<Level, Code>> = {
  breaking: "red",
  reconfigure: "magenta",
  dangerous: "yellow",
  safe: "green",
}

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`

const sigils: Readonly<Record<PlannedIntegration["action"], { sigil: string; color: Code }>> = {
  create: { sigil: "+", color: "green" },
  update: { sigil: "~", color: "yellow" },
  unchanged: { sigil: "=", color: "dim" },
  orphan: { sigil: "!", color: "magenta" },
}

/** The summary line: `Plan: 1 to create, 1 to update, 3 unchanged, 1 orphan; 2 requests (1 destructive).` */
export const planSummaryLine = (plan: Plan): string => {
  const s = plan.summary
  const destructive = plan.batches.filter((b) => b.destructive).length
  const requests =
    plan.batches.length === 0
      ? "nothing to deploy"
      : `${plural(plan.batches.length, "request")}${destructive > 0 ? ` (${destructive} destructive)` : ""}`
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.unchanged} unchanged, ${plural(s.orphan, "orphan")}; ${requests}.`
}

/** `: Acme (acme-123), Globex (g-9) and 3 more`: who reads the removed objects, the first three named. */
const readersOf = (e: PlannedIntegration): string => {
  const readers = (e.readersOfRemoved ?? []).map((r) => escapeControl(r))
  if (readers.length === 0) return ""
  const shown = readers.slice(0, 3)
  const more = readers.length - shown.length
  return more > 0 ? `: ${shown.join(", ")} and ${more} more` : `: ${shown.join(", ")}`
}

const removalSentence = (e: PlannedIntegration): string => {
  const removed = e.removedReadObjects ?? []
  const them = removed.length === 1 ? "it" : "them"
  const what = `removes read object${removed.length === 1 ? "" : "s"} ${removed.map((n) => `\`${escapeControl(n)}\``).join(", ")}`
  const readers =
    e.installationsReadingRemoved === undefined
      ? ""
      : e.installationsReadingRemoved === 0
        ? `; none of its ${plural(e.installations ?? 0, "installation")} selects ${them}`
        : `; ${e.installationsReadingRemoved} of its ${plural(e.installations ?? 0, "installation")} select${e.installationsReadingRemoved === 1 ? "s" : ""} ${them}${readersOf(e)}`
  switch (e.readRemoval) {
    case "stop-reads":
      return `${what}: sent destructive, so ${removed.length === 1 ? "its" : "their"} reads stop${readers}`
    case "no-installations":
      return `${what}: the integration has no installation, so no reads to stop`
    default:
      return `${what}: installations keep reading ${them}${readers} (--stop-reads ${escapeControl(e.name)} stops that)`
  }
}

const entryLines = (e: PlannedIntegration, c: Paint, width: number, file: string | undefined): Array<string> => {
  const { sigil, color } = sigils[e.action]
  const name = escapeControl(e.name)
  const where = e.line !== undefined && file !== undefined ? c("dim", `  ${escapeControl(file)}:${e.line}`) : ""
  const out: Array<string> = []
  switch (e.action) {
    case "create":
      out.push(`  ${c(color, sigil)} ${c("bold", name.padEnd(width))}  create${where}`)
      break
    case "update":
      out.push(
        `  ${c(color, sigil)} ${c("bold", name.padEnd(width))}  update, ${plural(e.changes.length, "change")}${where}`,
      )
      break
    case "unchanged":
      out.push(`  ${c(color, sigil)} ${name.padEnd(width)}  ${c("dim", "unchanged")}`)
      break
    case "orphan":
      out.push(
        `  ${c(color, sigil)} ${c("bold", name.padEnd(width))}  orphan: live but not in the manifest; never sent, never deleted`,
      )
      break
  }
  // Grouped by level, most severe first, as `ampkit diff` lists them (document order within a level).
  const byLevel = [...e.changes].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level))
  for (const change of byLevel) {
    const line =
      change.line !== undefined && file !== undefined && change.after !== undefined
        ? c("dim", ` (line ${change.line})`)
        : ""
    out.push(`      ${c(levelColor[change.level], change.level.padEnd(11))} ${escapeControl(change.message)}${line}`)
  }
  if ((e.removedReadObjects ?? []).length > 0) {
    const tone: Code = e.readRemoval === "stop-reads" ? "red" : e.readRemoval === "keep-reading" ? "yellow" : "dim"
    out.push(`      ${c(tone, removalSentence(e))}`)
  }
  return out
}

const batchLines = (b: PlanBatch, index: number, c: Paint): Array<string> => {
  const flag = b.destructive ? c("red", "destructive=true") : "destructive=false"
  const names = b.integrations.map(escapeControl).join(", ")
  const tail = b.destructive ? c("red", "  (pauses reads of the removed read objects)") : ""
  return [
    `  ${index + 1}. ${b.request.method} ${b.request.path}?${flag}${tail}`,
    `     ${plural(b.integrations.length, "integration")}: ${names}`,
  ]
}

/** Render a plan for a terminal. */
export const renderPlanText = (plan: Plan, options: PlanTextOptions = {}): string => {
  const c: Paint = (code, text) => (options.color === true ? `\u001b[${codes[code]}m${text}\u001b[0m` : text)
  const out: Array<string> = []
  const shown = plan.integrations.filter((e) => options.verbose === true || e.action !== "unchanged")
  const width = Math.min(40, Math.max(0, ...shown.map((e) => escapeControl(e.name).length)))
  if (shown.length > 0 || plan.summary.unchanged > 0) out.push(c("bold", "Integrations:"))
  for (const e of shown) out.push(...entryLines(e, c, width, options.file))
  if (options.verbose !== true && plan.summary.unchanged > 0) {
    out.push(
      `  ${c("dim", "=")} ${c("dim", `${plural(plan.summary.unchanged, "integration")} unchanged (--verbose lists them)`)}`,
    )
  }
  for (const note of plan.notes)
    out.push(c("yellow", `note: ${escapeControl(note.integration)} ${escapeControl(note.message)}`))
  out.push("")
  if (plan.batches.length === 0) out.push("No changes: the live integrations already match the manifest.")
  else {
    out.push(c("bold", `Requests (${plan.batches.length}), in this order:`))
    plan.batches.forEach((b, i) => {
      out.push(...batchLines(b, i, c))
    })
    // A filled project is percent-encoded (`{` is %7B): the placeholder can only be the placeholder.
    if (plan.batches.some((b) => b.request.path.includes(placeholder))) {
      out.push(c("dim", `  ${placeholder}: your project's ID or name (ampkit plan --project <idOrName> fills it in)`))
    }
  }
  out.push("", `${c("bold", planSummaryLine(plan))} ${c("dim", `Plan ${plan.planId}.`)}`)
  return `${out.join("\n")}\n`
}

/** Human output of `ampkit plan verify`. */
export const renderPlanVerificationText = (
  verification: PlanVerification,
  planId: string | undefined,
  options: { readonly color?: boolean } = {},
): string => {
  const c: Paint = (code, text) => (options.color === true ? `\u001b[${codes[code]}m${text}\u001b[0m` : text)
  const id = planId !== undefined ? ` ${escapeControl(planId)}` : ""
  if (verification.ok) return `${c("green", "✔")} plan${id} is current: no planned integration moved since planning.\n`
  const out = [
    `${c("red", "✖")} plan${id} is stale: ${plural(verification.moved.length, "integration")} moved since planning:`,
  ]
  for (const m of verification.moved) {
    const planned = m.plannedRevision === null ? "absent" : `revision ${escapeControl(m.plannedRevision)}`
    const now = m.liveRevision === null ? "absent" : `revision ${escapeControl(m.liveRevision)}`
    out.push(`  ${c("bold", escapeControl(m.name))}: planned against ${planned}, live is ${now}`)
  }
  out.push("Plan again against the live integrations before deploying.")
  return `${out.join("\n")}\n`
}

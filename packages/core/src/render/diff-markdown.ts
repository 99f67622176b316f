/**
 * `ampkit diff --format markdown`: a pull-request comment. A summary table per level, the verdict,
 * then the changes per integration (each in a collapsible `<details>` when the diff is long).
 * Everything from the input sits in code spans (the catalog's messages put names and values
 * there), so it cannot inject Markdown or HTML.
 */

import { type Change, type Level, levels } from "../changes/Change.js"
import { code } from "../changes/catalog.js"
import { compareStrings } from "../changes/normal.js"
import { type DiffResult, type FailOn, failsAt } from "../Diff.js"
import { escapeControl } from "./escape.js"

export interface DiffMarkdownOptions {
  readonly oldFile: string
  readonly newFile: string
  readonly failOn: FailOn
  /** Above this many changes, each integration's details are collapsed (default 10). */
  readonly collapseAbove?: number
}

const icon: Record<Level, string> = { breaking: "🔴", reconfigure: "🟠", dangerous: "🟡", safe: "🟢" }
const meaning: Record<Level, string> = {
  breaking: "existing installations or consumers break or lose data",
  reconfigure: "existing customers must act before their config saves again",
  dangerous: "behaviour of existing installations changes silently",
  safe: "only new installations or cosmetic text",
}

/** Text for HTML (the `<summary>` of a `<details>`): no markup gets through. */
const html = (text: string): string =>
  escapeControl(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/`/g, "&#96;")
    .replace(/[\r\n]/g, " ")

const where = (c: Change, o: DiffMarkdownOptions): string => {
  const removal = c.after === undefined && c.before !== undefined
  const file = removal ? o.oldFile : o.newFile
  return c.line !== undefined
    ? `${code(file)} line ${c.line}`
    : `${code(file)} ${code(c.pointer === "" ? "/" : c.pointer)}`
}

export const renderDiffMarkdown = (result: DiffResult, options: DiffMarkdownOptions): string => {
  const s = result.summary
  const out: Array<string> = ["### ampkit diff", ""]
  out.push(`${code(options.oldFile)} → ${code(options.newFile)}`, "")
  if (result.changes.length === 0) {
    out.push("No semantic changes: nothing changes for existing installations.")
    return `${out.join("\n")}\n`
  }
  const acceptedAt = (l: Level) => result.changes.filter((c) => c.level === l && c.accepted === true).length
  out.push("| level | changes | accepted | means |", "|---|---:|---:|---|")
  for (const l of levels) out.push(`| ${icon[l]} ${l} | ${s[l]} | ${acceptedAt(l)} | ${meaning[l]} |`)
  out.push("")
  if (options.failOn === "none") out.push("Gate: none (`--fail-on none`).")
  else if (failsAt(result, options.failOn)) {
    out.push(
      `**Fails** \`--fail-on ${options.failOn}\`: accept reviewed changes by adding their fingerprints to the \`--accept\` file.`,
    )
  } else out.push(`Passes \`--fail-on ${options.failOn}\`.`)
  out.push("")
  const collapse = result.changes.length > (options.collapseAbove ?? 10)
  const byIntegration = new Map<string, Array<Change>>()
  for (const change of result.changes) {
    const list = byIntegration.get(change.integration)
    if (list === undefined) byIntegration.set(change.integration, [change])
    else list.push(change)
  }
  for (const name of [...byIntegration.keys()].sort(compareStrings)) {
    const changes = byIntegration.get(name)!
    const counts = levels
      .map((l) => [l, changes.filter((c) => c.level === l).length] as const)
      .filter(([, n]) => n > 0)
      .map(([l, n]) => `${n} ${l}`)
      .join(", ")
    if (collapse) out.push("<details>", `<summary>integration ${html(name)}: ${counts}</summary>`, "")
    else out.push(`#### integration ${code(name)} (${counts})`, "")
    for (const l of levels) {
      for (const c of changes.filter((x) => x.level === l)) {
        const accepted = c.accepted === true ? " _(accepted)_" : ""
        const rename = c.likelyRenameOf !== undefined ? ` (likely a rename of ${code(c.likelyRenameOf)})` : ""
        out.push(`- ${icon[l]} **${l}** ${c.message}${rename}${accepted}  `)
        out.push(`  ${code(c.id)} · ${where(c, options)} · fingerprint ${code(c.fingerprint)}`)
      }
    }
    out.push("")
    if (collapse) out.push("</details>", "")
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`
}

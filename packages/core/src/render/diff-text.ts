/**
 * Human output of `ampkit diff`: changes grouped by integration, then by level (most severe
 * first), one sentence each with its location and fingerprint, and a verdict line.
 */

import { type Change, type Level, levels } from "../changes/Change.js"
import { compareStrings } from "../changes/normal.js"
import { type DiffResult, type FailOn, failsAt } from "../Diff.js"
import { diffSummaryLine } from "./diff-level.js"
import { escapeControl } from "./escape.js"

export interface DiffTextOptions {
  /** Names shown for the two inputs (removals are located in the old one). */
  readonly oldFile: string
  readonly newFile: string
  readonly failOn: FailOn
  readonly color?: boolean
}

const codes = { red: 31, yellow: 33, magenta: 35, green: 32, dim: 2, bold: 1 } as const
type Code = keyof typeof codes

const levelStyle: Record<Level, { readonly mark: string; readonly color: Code }> = {
  breaking: { mark: "✖", color: "red" },
  reconfigure: { mark: "!", color: "magenta" },
  dangerous: { mark: "▲", color: "yellow" },
  safe: { mark: "·", color: "green" },
}

/** A name or file on one line: control characters and line breaks escaped. */
const oneLine = (text: string): string => escapeControl(text).replace(/\n/g, "\\n").replace(/\r/g, "\\r")

const location = (c: Change, o: DiffTextOptions): string => {
  const removal = c.after === undefined && c.before !== undefined
  const file = removal ? o.oldFile : o.newFile
  return c.line !== undefined ? `${file}:${c.line}:${c.column ?? 1}` : `${file} ${c.pointer === "" ? "/" : c.pointer}`
}

export const renderDiffText = (result: DiffResult, options: DiffTextOptions): string => {
  const c = (code: Code, text: string): string =>
    options.color === true ? `\u001b[${codes[code]}m${text}\u001b[0m` : text
  const o = { ...options, oldFile: oneLine(options.oldFile), newFile: oneLine(options.newFile) }
  const out: Array<string> = []
  const byIntegration = new Map<string, Array<Change>>()
  for (const change of result.changes) {
    const list = byIntegration.get(change.integration)
    if (list === undefined) byIntegration.set(change.integration, [change])
    else list.push(change)
  }
  for (const name of [...byIntegration.keys()].sort(compareStrings)) {
    const changes = byIntegration.get(name)!
    out.push(c("bold", `integration ${oneLine(name)}`))
    for (const level of levels) {
      const at = changes.filter((x) => x.level === level)
      if (at.length === 0) continue
      const style = levelStyle[level]
      out.push(`  ${c(style.color, `${level} (${at.length})`)}`)
      for (const x of at) {
        const accepted = x.accepted === true ? ` ${c("dim", "(accepted)")}` : ""
        const rename = x.likelyRenameOf !== undefined ? ` (likely a rename of ${oneLine(x.likelyRenameOf)})` : ""
        out.push(`    ${c(style.color, style.mark)} ${oneLine(x.message)}${rename}${accepted}`)
        out.push(`      ${c("dim", `${location(x, o)}  ${x.id}  ${x.fingerprint}`)}`)
      }
    }
    out.push("")
  }
  if (result.changes.length === 0) out.push(`No semantic changes from ${o.oldFile} to ${o.newFile}.`)
  const fails = failsAt(result, options.failOn)
  const verdict =
    options.failOn === "none"
      ? "(--fail-on none)"
      : fails
        ? c("red", `✖ fails --fail-on ${options.failOn}`)
        : c("green", `✔ passes --fail-on ${options.failOn}`)
  out.push(`${diffSummaryLine(result.summary)} ${verdict}`)
  return `${out.join("\n")}\n`
}

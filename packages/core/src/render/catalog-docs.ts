/**
 * Reference pages for the rule and change catalogs, generated from the registries (never written
 * twice): docs/rules.md and docs/changes.md are checked against these by a test.
 */
import { changeCatalog } from "../changes/catalog.js"
import { changeSummaries } from "../changes/summaries.js"
import { ruleDescriptions } from "../RuleCatalog.js"
import { rules } from "../rules/index.js"

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ")

/** Every validation rule id with severity, source and summary (all conditions of an id listed). */
export const rulesMarkdown = (): string => {
  const lines = [
    "# Validation rules",
    "",
    "Generated from the rule registry of `@ampkit/core` (`pnpm --filter @ampkit/core docs` rewrites it).",
    "Ids are stable: they are used in JSON output, SARIF `ruleId`, `--ignore` and `# amp:ignore[...]`.",
    "",
    "| id | severity | reported by | what |",
    "|---|---|---|---|",
  ]
  for (const r of ruleDescriptions) {
    const conditions = rules.filter((x) => x.id === r.id)
    const what = conditions.length > 1 ? conditions.map((c) => c.summary).join(" — ") : r.summary
    const domain = [...new Set(conditions.flatMap((c) => c.domain))]
    const source = r.source === "rule" ? `rule${domain.length > 0 ? ` (${domain.join(", ")})` : ""}` : r.source
    lines.push(`| \`${r.id}\` | ${r.severity} | ${source} | ${cell(what)} |`)
  }
  return `${lines.join("\n")}\n`
}

/** Every change id with its possible levels and meaning. */
export const changesMarkdown = (): string => {
  const lines = [
    "# Semantic changes",
    "",
    "Generated from the change catalog of `@ampkit/core` (`pnpm --filter @ampkit/core docs` rewrites it).",
    "Levels, most severe first: `breaking`, `reconfigure`, `dangerous`, `safe`. A direction-aware id lists",
    "every level it can have.",
    "",
    "| id | level | meaning |",
    "|---|---|---|",
  ]
  for (const c of changeCatalog)
    lines.push(`| \`${c.id}\` | ${c.levels.join(" / ")} | ${cell(changeSummaries[c.id])} |`)
  return `${lines.join("\n")}\n`
}

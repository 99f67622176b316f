/**
 * `pnpm --filter @ampkit/bench bench`: ampkit's speed as ratios against peers run in the same
 * process (never a timed assertion in a unit test). Prints markdown tables and writes RESULTS.md.
 * `node dist/main.js [validate] [diff] [plan] [scaling]` runs only the named suites (and writes nothing).
 * Where ampkit's own time goes: `pnpm --filter @ampkit/bench bench:profile [workload]` (profile.ts).
 */
import { writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { rules } from "@ampkit/core/rules/index"
import { Ajv } from "ajv"
import { benchInputs } from "./bench-inputs.js"
import { diffPair } from "./diff-pair.js"
import { type DiffRow, diffCase } from "./diff-suite.js"
import { busy, type Timing } from "./measure.js"
import { officialManifestSchema } from "./official-schema.js"
import { planInputs } from "./plan-inputs.js"
import { type PlanRow, planCase } from "./plan-suite.js"
import { type Results, resultsMarkdown } from "./results-markdown.js"
import { type ScalingRow, scalingCase, scalingShapes } from "./scaling-suite.js"
import { ruleCosts, type ValidateRow, validateCase } from "./validate-suite.js"

const suites = ["validate", "diff", "plan", "scaling"] as const
const asked = process.argv.slice(2)
for (const a of asked) if (!(suites as ReadonlyArray<string>).includes(a)) throw new Error(`unknown suite ${a}`)
const runs = (suite: (typeof suites)[number]) => asked.length === 0 || asked.includes(suite)

const started = performance.now()
const loadBefore = loadavg()[0]!
const progress = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`)

const { samples, clean, pool, largest, gen60, gen1m } = benchInputs()
progress(`inputs: ${samples.length} samples (${clean.length} without errors, ${pool.length} integrations)`)

const timings: Array<Timing> = []
const results: {
  validate?: NonNullable<Results["validate"]>
  diff?: Array<DiffRow>
  plan?: PlanRow
  scaling?: Array<ScalingRow>
} = {}

if (runs("validate")) {
  const check = new Ajv({ allErrors: true }).compile(officialManifestSchema())
  const rows: Array<ValidateRow> = []
  for (const [input, rounds, peerParts] of [
    [{ label: `largest real sample (${largest.path})`, text: largest.text, bytes: largest.bytes }, 7, false],
    [{ label: `generated, ${gen60.names.length} integrations`, text: gen60.text, bytes: gen60.bytes }, 9, true],
    [{ label: `generated, ${gen1m.names.length} integrations`, text: gen1m.text, bytes: gen1m.bytes }, 3, false],
  ] as const) {
    const row = validateCase(input, check, { rounds, peerParts })
    rows.push(row)
    timings.push(row.ours, row.peer, ...Object.values(row.parts), ...Object.values(row.peerParts ?? {}))
    progress(`validate ${input.label}: ${row.ratio.toFixed(2)}×`)
  }
  results.validate = {
    rows,
    rules: ruleCosts(gen60.text),
    rulesOn: `~60 KB input`,
    ruleCount: new Set(rules.map((r) => r.id)).size,
  }
}

if (runs("diff")) {
  results.diff = []
  for (const [label, g, seed] of [
    ["~60 KB", gen60, 7],
    ["~1 MB", gen1m, 8],
  ] as const) {
    const row = diffCase(label, diffPair(g.text, seed), { fromText: g === gen60 })
    results.diff.push(row)
    timings.push(...row.results.map((r) => r.timing))
    progress(`diff ${label}: ${row.ratio.toFixed(2)}× fast-json-patch, exact: ${row.exact}`)
  }
}

if (runs("plan")) {
  const row = planCase(planInputs(pool, { integrations: 500, changedShare: 0.1, seed: 500 }))
  results.plan = row
  timings.push(row.whole, row.bareParse, ...Object.values(row.phases))
  progress(`plan: ${row.ratio.toFixed(2)}× bare parse`)
}

if (runs("scaling")) {
  results.scaling = []
  for (const shape of scalingShapes) {
    const row = scalingCase(shape)
    results.scaling.push(row)
    timings.push(...row.timings)
    progress(`scaling ${shape.label}: ${row.growth.toFixed(2)}× from n to 2n`)
  }
}

const cpu = cpus()
const markdown = resultsMarkdown({
  environment: {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? "unknown CPU",
    loadBefore,
    loadAfter: loadavg()[0]!,
    busy: busy(timings),
    seconds: (performance.now() - started) / 1000,
  },
  ...results,
})
process.stdout.write(markdown)
if (asked.length === 0) {
  const file = new URL("../RESULTS.md", import.meta.url)
  writeFileSync(file, markdown)
  progress(`wrote ${file.pathname}`)
}

/**
 * `pnpm --filter @ampkit/bench bench`: ampkit's speed as ratios against peers run in the same
 * process (never a timed assertion in a unit test). Prints markdown tables and writes RESULTS.md.
 * `node dist/main.js [validate] [diff] [plan]` runs only the named suites (and writes nothing).
 */
import { writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { isDeepStrictEqual } from "node:util"
import { validate } from "@ampkit/core"
import { rules } from "@ampkit/core/rules/index"
import { Ajv } from "ajv"
import * as jsyaml from "js-yaml"
import { parse } from "yaml"
import { largestSample, loadSamples } from "./corpus.js"
import { diffPair } from "./diff-pair.js"
import { type DiffRow, diffCase } from "./diff-suite.js"
import { generateManifest, integrationPool } from "./manifest-generator.js"
import { busy, type Timing } from "./measure.js"
import { officialManifestSchema } from "./official-schema.js"
import { planInputs } from "./plan-inputs.js"
import { type PlanRow, planCase } from "./plan-suite.js"
import { type Results, resultsMarkdown } from "./results-markdown.js"
import { ruleCosts, type ValidateRow, validateCase } from "./validate-suite.js"

const suites = ["validate", "diff", "plan"] as const
const asked = process.argv.slice(2)
for (const a of asked) if (!(suites as ReadonlyArray<string>).includes(a)) throw new Error(`unknown suite ${a}`)
const runs = (suite: (typeof suites)[number]) => asked.length === 0 || asked.includes(suite)

const started = performance.now()
const loadBefore = loadavg()[0]!
const progress = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`)

// Inputs: the integrations of every sample that validates without errors (120 of 121 today).
const samples = loadSamples()
const clean = samples.filter((s) => validate(s.text).errors === 0)
const pool = integrationPool(clean)
const largest = largestSample(samples)
const gen60 = generateManifest(pool, { seed: 60, bytes: 60_000 })
const gen1m = generateManifest(pool, { seed: 1000, bytes: 1_000_000 })
for (const g of [gen60, gen1m]) {
  if (!isDeepStrictEqual(jsyaml.load(g.text), parse(g.text)))
    throw new Error("js-yaml and yaml read a generated manifest differently")
  if (validate(g.text).errors > 0) throw new Error("a generated manifest has errors")
}
progress(`inputs: ${samples.length} samples (${clean.length} without errors, ${pool.length} integrations)`)

const timings: Array<Timing> = []
const results: { validate?: NonNullable<Results["validate"]>; diff?: Array<DiffRow>; plan?: PlanRow } = {}

if (runs("validate")) {
  const check = new Ajv({ allErrors: true }).compile(officialManifestSchema())
  const rows: Array<ValidateRow> = []
  for (const [input, rounds, libraries] of [
    [{ label: `largest real sample (${largest.path})`, text: largest.text, bytes: largest.bytes }, 7, false],
    [{ label: `generated, ${gen60.names.length} integrations`, text: gen60.text, bytes: gen60.bytes }, 7, true],
    [{ label: `generated, ${gen1m.names.length} integrations`, text: gen1m.text, bytes: gen1m.bytes }, 4, false],
  ] as const) {
    const row = validateCase(input, check, { rounds, libraries })
    rows.push(row)
    timings.push(row.ours, row.peer, ...Object.values(row.parts), ...Object.values(row.libraries ?? {}))
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

/**
 * `pnpm --filter @ampkit/bench bench`: ampkit's speed as ratios against peers run in the same
 * process (never a timed assertion in a unit test). Prints markdown tables and writes RESULTS.md.
 * `node --expose-gc dist/main.js [validate] [diff] [plan]` runs only the named suites.
 */
import { isDeepStrictEqual } from "node:util"
import { validate } from "@ampkit/core"
import { Ajv } from "ajv"
import * as jsyaml from "js-yaml"
import { parse } from "yaml"
import { largestSample, loadSamples } from "./corpus.js"
import { diffPair } from "./diff-pair.js"
import { diffCase } from "./diff-suite.js"
import { generateManifest, integrationPool } from "./manifest-generator.js"
import { officialManifestSchema } from "./official-schema.js"
import { ruleCosts, validateCase } from "./validate-suite.js"

const started = performance.now()
const wanted = new Set(process.argv.slice(2))
const runs = (suite: string) => wanted.size === 0 || wanted.has(suite)

const samples = loadSamples()
const clean = samples.filter((s) => validate(s.text).errors === 0)
const pool = integrationPool(clean)
const largest = largestSample(samples)
const gen60 = generateManifest(pool, { seed: 60, bytes: 60_000 })
const gen1m = generateManifest(pool, { seed: 1000, bytes: 1_000_000 })
for (const g of [gen60, gen1m]) {
  if (!isDeepStrictEqual(jsyaml.load(g.text), parse(g.text))) throw new Error("js-yaml and yaml read a generated manifest differently")
}
console.log(`inputs ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)

if (runs("validate")) {
  const ajv = new Ajv({ allErrors: true })
  const check = ajv.compile(officialManifestSchema())
  for (const input of [
    { label: `largest real sample (${largest.path})`, text: largest.text, bytes: largest.bytes },
    { label: `generated, ${gen60.names.length} integrations`, text: gen60.text, bytes: gen60.bytes },
    { label: `generated, ${gen1m.names.length} integrations`, text: gen1m.text, bytes: gen1m.bytes },
  ]) {
    const row = validateCase(input, check)
    console.log(row.input.label, row.input.bytes, "ours", row.ours.ms, "peer", row.peer.ms, "ratio", row.ratio.toFixed(2), row.diagnostics, "peerErrors", row.peerErrors)
    console.log(Object.fromEntries(Object.entries(row.parts).map(([k, v]) => [k, v.ms])))
  }
  console.log(ruleCosts(gen1m.text).slice(0, 8))
}
if (runs("diff")) {
  for (const [label, g, seed] of [["60", gen60, 7], ["1m", gen1m, 8]] as const) {
    const pair = diffPair(g.text, seed)
    const row = diffCase(label, pair)
    console.log(label, row.bytes, row.exact, row.oursIds, row.pair.reorderedArrays)
    for (const r of row.results) console.log("  ", r.name, r.timing.ms, r.changes)
  }
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`)

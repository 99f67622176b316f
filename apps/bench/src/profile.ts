/**
 * Where ampkit's time goes: `pnpm --filter @ampkit/bench bench:profile [validate|validate-1mb|diff|plan]`
 * builds the inputs, warms up, then records a V8 CPU profile (the inspector's Profiler, as
 * `node --cpu-prof` does, but around the workload only) while ampkit alone runs the workload for a
 * few seconds. Writes apps/bench/profiles/<workload>.cpuprofile (open it in Chrome DevTools) and
 * prints a summary.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { fileURLToPath } from "node:url"
import { validate } from "@ampkit/core"
import { diff } from "@ampkit/core/Diff"
import { planFromText } from "@ampkit/core/Plan"
import { loadSamples } from "./corpus.js"
import { type Profile, summariseProfile } from "./cpu-profile-summary.js"
import { diffPair } from "./diff-pair.js"
import { generateManifest, integrationPool } from "./manifest-generator.js"
import { planInputs } from "./plan-inputs.js"

const workloads = ["validate", "validate-1mb", "diff", "plan"] as const
type Workload = (typeof workloads)[number]
const seconds = 6

const name = process.argv[2] ?? "validate"
if (!(workloads as ReadonlyArray<string>).includes(name))
  throw new Error(`unknown workload ${name}: ${workloads.join(", ")}`)
const workload = name as Workload

// The same inputs as the bench (bench-inputs.ts), only the one needed.
const pool = integrationPool(loadSamples().filter((s) => validate(s.text).errors === 0))
const call = ((): (() => unknown) => {
  switch (workload) {
    case "validate": {
      const text = generateManifest(pool, { seed: 60, bytes: 60_000 }).text
      return () => validate(text)
    }
    case "validate-1mb": {
      const text = generateManifest(pool, { seed: 1000, bytes: 1_000_000 }).text
      return () => validate(text)
    }
    case "diff": {
      const pair = diffPair(generateManifest(pool, { seed: 1000, bytes: 1_000_000 }).text, 8)
      return () => diff({ value: pair.before }, { value: pair.after })
    }
    case "plan": {
      const p = planInputs(pool, { integrations: 500, changedShare: 0.1, seed: 500 })
      return () => planFromText({ current: p.currentText, desired: p.desiredText })
    }
  }
})()

for (let i = 0; i < 3; i++) call()
const session = new Session()
session.connect()
await session.post("Profiler.enable")
await session.post("Profiler.start")
const start = performance.now()
let calls = 0
while (performance.now() - start < seconds * 1000) {
  call()
  calls++
}
const { profile } = (await session.post("Profiler.stop")) as { profile: Profile }
session.disconnect()

const dir = fileURLToPath(new URL("../profiles/", import.meta.url))
mkdirSync(dir, { recursive: true })
const file = `${dir}${workload}.cpuprofile`
writeFileSync(file, JSON.stringify(profile))
process.stdout.write(
  `# CPU profile: ${workload}, ${calls} calls in ${seconds} s (${((seconds * 1000) / calls).toFixed(1)} ms wall per call)\n\n` +
    `Written to ${file}. ${summariseProfile(profile)}`,
)

// CPU budget: how large a manifest POST /v1/validate handles within Cloudflare Workers Free's 10 ms of
// CPU per request. Starts `wrangler dev` with scripts/cpu-probe.ts (the real handler, timed inside
// workerd on in-memory bodies), measures real corpus samples of increasing size and generated manifests
// (5 KB … 250 KB, YAML and JSON), prints a table and the largest size that fits, then stops wrangler.
//
//   node scripts/cpu-budget.mjs [--runs 25] [--budget 10] [--json results.json]
//
// Figures are this machine's (workerd locally); Cloudflare's CPUs differ, so keep a margin.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { join, relative } from "node:path"
import { startWranglerDev, workerDir } from "./wrangler-dev.mjs"

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const runs = Number(arg("runs", "25"))
const budget = Number(arg("budget", "10"))
const jsonOut = arg("json", undefined)

const samplesDir = join(workerDir, "..", "..", "corpus", "ampersand", "samples")
const findManifests = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return findManifests(path)
    return /^amp\.ya?ml$/.test(name) ? [path] : []
  })
const samples = findManifests(samplesDir)
  .map((path) => ({ name: relative(samplesDir, path), text: readFileSync(path, "utf8") }))
  .sort((a, b) => Buffer.byteLength(a.text) - Buffer.byteLength(b.text))

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]
const fmt = (ms) => ms.toFixed(2).padStart(7)

const load = loadavg()[0]
console.log(`machine: ${cpus().length} cores, load average ${load.toFixed(2)} (a busy machine inflates every figure)`)
const server = await startWranglerDev({ script: "scripts/cpu-probe.ts", readyPath: "/ready" })
const rows = []
let exitCode = 0
try {
  // Batches of at most 5 runs per request, so a large input never piles up garbage in one request.
  const measure = async (label, text, type, n = runs) => {
    const times = []
    let total = 0
    let status = 0
    let bytes = 0
    for (let done = 0; done < n; done += 5) {
      const batch = Math.min(5, n - done)
      const response = await fetch(`${server.origin}/measure?runs=${batch}&type=${encodeURIComponent(type)}`, {
        method: "POST",
        body: text,
      })
      if (!response.ok) throw new Error(`${label}: probe answered ${response.status}: ${await response.text()}`)
      const result = await response.json()
      times.push(...result.times)
      total += result.total
      status = result.status
      bytes = result.bytes
    }
    const sorted = [...times].sort((a, b) => a - b)
    return {
      label,
      type,
      bytes,
      status,
      runs: n,
      first: times[0],
      mean: total / n,
      min: sorted[0],
      median: quantile(sorted, 0.5),
      p90: quantile(sorted, 0.9),
      max: sorted.at(-1),
    }
  }

  // 1. Cold: the very first request this isolate serves (nothing compiled or cached yet).
  const middle = samples[Math.floor(samples.length / 2)]
  const cold = await measure(`cold: ${middle.name}`, middle.text, "application/yaml", 1)
  const timerWorks = cold.first > 0
  if (!timerWorks) throw new Error("performance.now() did not advance inside workerd: cannot measure CPU this way")
  const schema = await (await fetch(`${server.origin}/measure-schema?runs=10`)).json()

  // 2. Warm up the JIT on a few samples, then the real samples from smallest to largest.
  for (const s of samples.slice(-5)) await measure("warm-up", s.text, "application/yaml", 10)
  const picks = [0, 0.25, 0.5, 0.75, 0.9, 1].map((q) => samples[Math.round(q * (samples.length - 1))])
  for (const s of [...new Set(picks)])
    rows.push({ kind: "sample", ...(await measure(s.name, s.text, "application/yaml")) })

  // 3. Generated manifests built from the samples' integrations.
  const texts = JSON.stringify(samples.map((s) => s.text))
  for (const syntax of ["yaml", "json"]) {
    for (const kb of [5, 10, 15, 30, 60, 90, 120, 180, 250]) {
      const generated = await (
        await fetch(`${server.origin}/generate?bytes=${kb * 1000}&syntax=${syntax}`, { method: "POST", body: texts })
      ).text()
      const type = syntax === "yaml" ? "application/yaml" : "application/json"
      rows.push({
        kind: `generated ${syntax}`,
        ...(await measure(`${kb} KB`, generated, type, Math.max(5, Math.round(runs / (kb / 30 + 1))))),
      })
    }
  }

  // 4. Hostile inputs under the body limit: alias fan-out just under and past the core's node budget.
  const fanOut = (levels) => {
    const letter = (i) => String.fromCharCode(97 + i)
    const lines = [`${letter(0)}: &${letter(0)} [${Array(9).fill('"x"').join(", ")}]`]
    for (let i = 1; i < levels; i++)
      lines.push(
        `${letter(i)}: &${letter(i)} [${Array(9)
          .fill(`*${letter(i - 1)}`)
          .join(", ")}]`,
      )
    return `${lines.join("\n")}\n`
  }
  for (const levels of [5, 6, 7, 9]) {
    rows.push({
      kind: "hostile",
      ...(await measure(`alias fan-out 9^${levels} nodes`, fanOut(levels), "application/yaml", 5)),
    })
  }

  console.log(`\nCPU of POST /v1/validate inside workerd, ms per request (whole-ms clock: mean = total / runs)\n`)
  console.log(
    "kind            input                              bytes  status  runs    mean     min  median     p90     max",
  )
  for (const r of rows) {
    console.log(
      `${r.kind.padEnd(15)} ${r.label.slice(0, 32).padEnd(32)} ${String(r.bytes).padStart(7)}  ${String(r.status).padStart(6)} ${String(r.runs).padStart(5)} ${fmt(r.mean)} ${fmt(r.min)} ${fmt(r.median)} ${fmt(r.p90)} ${fmt(r.max)}`,
    )
  }
  const sortedSchema = [...schema.times].sort((a, b) => a - b)
  console.log(`\ncold first request (${cold.label}, ${cold.bytes} B): ${cold.first.toFixed(2)} ms`)
  console.log(
    `JSON Schema, read and serialised (first GET /v1/schema): first ${schema.times[0].toFixed(2)} ms, median ${quantile(sortedSchema, 0.5).toFixed(2)} ms`,
  )

  const result = {}
  for (const syntax of ["yaml", "json"]) {
    const points = rows.filter((r) => r.kind === `generated ${syntax}`)
    const accepted = points.filter((r) => r.status !== 413)
    const largestBy = (key) => Math.max(0, ...accepted.filter((r) => r[key] <= budget).map((r) => r.bytes))
    // Least-squares line through (bytes, key) to say where that statistic crosses the budget.
    const crossing = (key) => {
      const n = accepted.length
      const mx = accepted.reduce((a, r) => a + r.bytes, 0) / n
      const my = accepted.reduce((a, r) => a + r[key], 0) / n
      const slope =
        accepted.reduce((a, r) => a + (r.bytes - mx) * (r[key] - my), 0) /
        accepted.reduce((a, r) => a + (r.bytes - mx) ** 2, 0)
      return { bytes: Math.max(0, Math.round((budget - (my - slope * mx)) / slope)), msPer10KB: slope * 10_000 }
    }
    result[syntax] = {
      largestWithMinWithinBudget: largestBy("min"),
      largestWithMedianWithinBudget: largestBy("median"),
      largestWithP90WithinBudget: largestBy("p90"),
      minCrossesBudget: crossing("min"),
      medianCrossesBudget: crossing("median"),
    }
    const r = result[syntax]
    console.log(
      `${syntax.toUpperCase()}: largest generated manifest within ${budget} ms: ${r.largestWithMinWithinBudget} B at best (min), ` +
        `${r.largestWithMedianWithinBudget} B by median, ${r.largestWithP90WithinBudget} B by p90; ` +
        `fitted lines cross ${budget} ms at ≈ ${r.minCrossesBudget.bytes} B (min, ${r.minCrossesBudget.msPer10KB.toFixed(1)} ms/10 KB) ` +
        `and ≈ ${r.medianCrossesBudget.bytes} B (median, ${r.medianCrossesBudget.msPer10KB.toFixed(1)} ms/10 KB)`,
    )
  }
  const largestSample = rows.filter((r) => r.kind === "sample").at(-1)
  console.log(
    `largest real sample (${largestSample.label}, ${largestSample.bytes} B): mean ${largestSample.mean.toFixed(2)} ms, p90 ${largestSample.p90.toFixed(2)} ms`,
  )
  if (jsonOut) {
    const report = { budgetMs: budget, loadAverage: load, cold, schema: schema.times, rows, result }
    writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`results written to ${jsonOut}`)
  }
} catch (error) {
  exitCode = 1
  console.error(String(error?.stack ?? error))
  console.error(server.output.join("").slice(-2000))
} finally {
  await server.stop()
  console.log("wrangler dev stopped")
}
process.exit(exitCode)

// Load test: `wrangler dev` (workerd) on loopback, then ~15 s of autocannon mixing valid, invalid,
// unparseable, oversized, badly encoded and wrongly typed requests, diffs and plans. Asserts zero 5xx,
// zero connection errors, and that every response has the status expected for its request and a
// well-formed body.
// Prints throughput and latency, then stops wrangler and workerd (their process group) cleanly.
//
//   node scripts/load.mjs [--duration 15] [--connections 8]
import { readFileSync } from "node:fs"
import { join } from "node:path"
import autocannon from "autocannon"
import { startWranglerDev, workerDir } from "./wrangler-dev.mjs"

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const duration = Math.min(option("duration", 15), 20)
const connections = option("connections", 8)

const samples = join(workerDir, "..", "..", "corpus", "ampersand", "samples")
const sample = (name) => readFileSync(join(samples, name, "amp.yaml"))

const yaml = { "content-type": "application/yaml" }
const requests = [
  { label: "valid sample (hubspot)", method: "POST", path: "/v1/validate", headers: yaml, body: sample("hubspot") },
  { label: "valid sample (stripe)", method: "POST", path: "/v1/validate", headers: yaml, body: sample("stripe") },
  {
    label: "JSON manifest",
    method: "POST",
    path: "/v1/validate",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({
      specVersion: "1.0.0",
      integrations: [{ name: "proxy", provider: "hubspot", proxy: { enabled: true } }],
    }),
  },
  {
    label: "rule errors (netsuiteM2M)",
    method: "POST",
    path: "/v1/validate",
    headers: yaml,
    body: sample("netsuiteM2M"),
  },
  {
    label: "unparseable YAML",
    method: "POST",
    path: "/v1/validate",
    headers: yaml,
    body: "specVersion: [1.0.0\nintegrations: x\n",
  },
  {
    label: "oversized (300 KB)",
    method: "POST",
    path: "/v1/validate",
    headers: yaml,
    body: `#${"x".repeat(300_000)}\n`,
  },
  {
    label: "invalid UTF-8",
    method: "POST",
    path: "/v1/validate",
    headers: yaml,
    body: Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]),
  },
  {
    label: "wrong content type",
    method: "POST",
    path: "/v1/validate",
    headers: { "content-type": "text/plain" },
    body: "a: 1",
  },
  {
    label: "diff (hubspot vs stripe)",
    method: "POST",
    path: "/v1/diff",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ old: sample("hubspot").toString(), new: sample("stripe").toString() }),
  },
  {
    label: "plan (hubspot, nothing live)",
    method: "POST",
    path: "/v1/plan",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ current: [], desired: sample("hubspot").toString() }),
  },
  {
    label: "plan with a broken envelope",
    method: "POST",
    path: "/v1/plan",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ current: {}, desired: 1 }),
  },
  { label: "JSON Schema", method: "GET", path: "/v1/schema" },
  { label: "unknown route", method: "GET", path: "/v1/nope" },
]

const problems = []
let problemCount = 0
const note = (message) => {
  problemCount++
  if (problems.length < 20) problems.push(message)
}

/** Is this body what a response of that status must look like? */
const wellFormed = (status, contentType, text) => {
  let body
  try {
    body = JSON.parse(text)
  } catch {
    return "body is not JSON"
  }
  if (status >= 400) {
    if (contentType !== "application/problem+json") return `content-type ${contentType}`
    if (body.status !== status || typeof body.type !== "string" || typeof body.title !== "string")
      return "not a problem"
    if (typeof body.detail !== "string" || /\n\s+at /.test(text)) return "bad detail"
    return undefined
  }
  if (contentType === "application/schema+json") return typeof body === "object" ? undefined : "schema is not an object"
  if (Array.isArray(body.changes)) return typeof body.summary === "object" ? undefined : "diff without summary"
  if (Array.isArray(body.batches)) return Array.isArray(body.integrations) ? undefined : "plan without integrations"
  return body.ok === true && Array.isArray(body.diagnostics) ? undefined : "not { ok: true, diagnostics }"
}

const server = await startWranglerDev()
let failed = false
try {
  // The expected status of each request, from one plain call first.
  for (const r of requests) {
    const response = await fetch(`${server.origin}${r.path}`, { method: r.method, headers: r.headers, body: r.body })
    r.expected = response.status
    await response.arrayBuffer()
    if (r.expected >= 500) throw new Error(`${r.label} answered ${r.expected} before the load even started`)
  }
  console.log(`wrangler dev ready at ${server.origin}; expected statuses:`)
  for (const r of requests) console.log(`  ${r.expected}  ${r.label}`)

  const result = await autocannon({
    url: server.origin,
    connections,
    duration,
    timeout: 10,
    requests: requests.map((r) => ({
      method: r.method,
      path: r.path,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      onResponse: (status, body, _context, headers) => {
        if (status !== r.expected) note(`${r.label}: status ${status}, expected ${r.expected}`)
        const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1]
        const why = wellFormed(status, contentType, body)
        if (why !== undefined) note(`${r.label}: ${why}`)
      },
    })),
  })

  const byStatus = Object.fromEntries(Object.entries(result.statusCodeStats).map(([s, v]) => [s, v.count]))
  const fiveXX = Object.entries(byStatus)
    .filter(([s]) => Number(s) >= 500)
    .reduce((n, [, c]) => n + Number(c), 0)
  const total = Object.values(byStatus).reduce((n, c) => n + Number(c), 0)
  console.log(`\n${total} requests in ${result.duration} s over ${connections} connections`)
  console.log(
    `throughput: ${result.requests.average.toFixed(0)} req/s average (${result.requests.min}–${result.requests.max})`,
  )
  console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
  console.log(`statuses: ${JSON.stringify(byStatus)}`)
  console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}, 5xx: ${fiveXX}`)
  if (fiveXX > 0) note(`${fiveXX} responses were 5xx`)
  if (result.errors > 0) note(`${result.errors} connection errors (${result.timeouts} timeouts)`)
  if (total === 0) note("no request completed")
  failed = problems.length > 0
} catch (error) {
  failed = true
  note(String(error?.stack ?? error))
} finally {
  await server.stop()
  console.log("wrangler dev stopped (its process group is gone)")
}
if (failed) {
  console.log(`\nFAILED (${problemCount} problems, the first ${problems.length}):\n- ${problems.join("\n- ")}`)
  process.exit(1)
}
console.log("\nOK: zero 5xx, every response well-formed and as expected")

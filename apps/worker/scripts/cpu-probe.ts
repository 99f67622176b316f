/**
 * CPU probe: a Worker entry for scripts/cpu-budget.mjs only (never deployed). It times the real handler
 * (src/index.ts, the same core and settings) inside workerd with `performance.now()`, on bodies that are
 * already in memory, so the figure is the CPU the request costs, not the network. Routes:
 *
 *   GET  /ready                         200 once the isolate is up
 *   POST /generate?bytes=N&syntax=S     body: JSON array of manifest texts → one manifest of ≥ N bytes made of
 *                                       their integrations (renamed to stay unique), as YAML or JSON
 *   POST /measure?runs=N&type=T         body: a manifest → { status, bytes, times[], total } of N handler runs
 *                                       (workerd's clock ticks in whole ms locally: `total / N` is the precise mean)
 *   GET  /measure-schema?runs=N         times of reading and serialising the pregenerated JSON Schema (the first
 *                                       GET /v1/schema pays it)
 *   anything else                       the real Worker
 */
import { parseSource } from "@ampkit/core"
import { manifestJsonSchemaText } from "@ampkit/core/ManifestJsonSchemaText"
import { manifestYaml } from "@ampkit/core/ManifestYaml"
import worker, { type Env, handlerFor } from "../src/index.js"

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } })

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** Integrations of the given manifests, repeated with `_<n>` name suffixes until the text reaches `bytes`. */
const generate = (texts: ReadonlyArray<string>, bytes: number, syntax: "yaml" | "json"): string => {
  const pool: Array<Record<string, unknown>> = []
  for (const text of texts) {
    const value = parseSource(text).document?.value
    if (!isRecord(value) || !Array.isArray(value.integrations)) continue
    for (const integration of value.integrations) if (isRecord(integration)) pool.push(integration)
  }
  if (pool.length === 0) throw new Error("no integration to build from")
  const render = (list: ReadonlyArray<unknown>) =>
    syntax === "yaml"
      ? manifestYaml(list)
      : `${JSON.stringify({ specVersion: "1.0.0", integrations: list }, null, 2)}\n`
  const renamed = (i: number) => {
    const base = pool[i % pool.length]!
    return { ...base, name: `${String(base.name ?? "integration")}_${Math.floor(i / pool.length) + 1}` }
  }
  const sizeOf = (count: number) =>
    new TextEncoder().encode(render(Array.from({ length: count }, (_, i) => renamed(i)))).length
  // The smallest count of integrations whose text reaches `bytes` (size grows with the count).
  let high = 1
  while (sizeOf(high) < bytes) high *= 2
  let low = Math.floor(high / 2)
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2)
    if (sizeOf(mid) < bytes) low = mid
    else high = mid
  }
  return render(Array.from({ length: high }, (_, i) => renamed(i)))
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    const runs = Math.min(Math.max(Number(url.searchParams.get("runs") ?? "20") || 20, 1), 500)
    if (url.pathname === "/ready") return new Response("ok")
    if (url.pathname === "/generate" && request.method === "POST") {
      const texts = (await request.json()) as Array<string>
      const syntax = url.searchParams.get("syntax") === "json" ? "json" : "yaml"
      return new Response(generate(texts, Number(url.searchParams.get("bytes") ?? "60000"), syntax))
    }
    if (url.pathname === "/measure" && request.method === "POST") {
      const body = new Uint8Array(await request.arrayBuffer())
      const type = url.searchParams.get("type") ?? "application/yaml"
      const handler = handlerFor(env)
      const times: Array<number> = []
      let status = 0
      const begun = performance.now()
      for (let i = 0; i < runs; i++) {
        const input = new Request("https://probe/v1/validate", {
          method: "POST",
          body,
          headers: { "content-type": type },
        })
        const started = performance.now()
        const response = await handler(input)
        await response.text()
        times.push(performance.now() - started)
        status = response.status
      }
      return json({ status, bytes: body.length, times, total: performance.now() - begun })
    }
    if (url.pathname === "/measure-schema") {
      const times: Array<number> = []
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        JSON.stringify(JSON.parse(manifestJsonSchemaText))
        times.push(performance.now() - started)
      }
      return json({ times })
    }
    return worker.fetch(request, env)
  },
}

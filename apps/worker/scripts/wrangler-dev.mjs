// Start `wrangler dev` (workerd) on a free loopback port for a script, and stop it cleanly.
//
// wrangler runs in its own process group, so stopping it kills wrangler AND the workerd processes it
// spawned, by that group's id only (toolchain.md §2: killing an npx/npm wrapper leaves both running).
import { spawn, spawnSync } from "node:child_process"
import { createServer } from "node:net"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const workerDir = join(dirname(fileURLToPath(import.meta.url)), "..")
const wranglerBin = join(workerDir, "node_modules", "wrangler", "bin", "wrangler.js")

/** A TCP port that was free a moment ago on 127.0.0.1. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Pids still alive in a process group (empty once everything is gone). */
const groupPids = (pgid) => {
  const r = spawnSync("ps", ["-o", "pid=", "-g", String(pgid)], { encoding: "utf8" })
  return r.stdout
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "")
}

/**
 * Start wrangler dev. `script` overrides wrangler.jsonc's `main` (e.g. the CPU probe); `readyPath` is polled
 * until it answers. Returns `{ origin, stop, output }`.
 */
export const startWranglerDev = async ({ script, readyPath = "/v1/schema", timeoutMs = 120_000 } = {}) => {
  const port = await freePort()
  const inspectorPort = await freePort()
  const args = [wranglerBin, "dev", ...(script ? [script] : []), "--ip", "127.0.0.1", "--port", String(port)]
  args.push("--inspector-port", String(inspectorPort), "--config", "wrangler.jsonc", "--log-level", "warn")
  const child = spawn(process.execPath, args, {
    cwd: workerDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      CI: "1",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_BUILD_CONDITIONS: "@ampkit/source,workerd,worker,browser",
    },
  })
  const output = []
  child.stdout.on("data", (d) => output.push(String(d)))
  child.stderr.on("data", (d) => output.push(String(d)))
  let exited = false
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  exit.then(() => {
    exited = true
  })

  const stop = async () => {
    const pgid = child.pid
    if (pgid === undefined) return
    try {
      process.kill(-pgid, "SIGTERM")
    } catch {}
    for (let i = 0; i < 50 && groupPids(pgid).length > 0; i++) await sleep(100)
    if (groupPids(pgid).length > 0) {
      try {
        process.kill(-pgid, "SIGKILL")
      } catch {}
      for (let i = 0; i < 20 && groupPids(pgid).length > 0; i++) await sleep(100)
    }
    const left = groupPids(pgid)
    if (left.length > 0) throw new Error(`wrangler dev left processes running: ${left.join(" ")}`)
  }

  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited) throw new Error(`wrangler dev exited before it was ready:\n${output.join("")}`)
    try {
      const response = await fetch(`${origin}${readyPath}`, { signal: AbortSignal.timeout(2_000) })
      await response.arrayBuffer()
      return { origin, stop, output }
    } catch {
      await sleep(250)
    }
  }
  await stop()
  throw new Error(`wrangler dev was not ready after ${timeoutMs} ms:\n${output.join("")}`)
}

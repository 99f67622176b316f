// README command 2: set up everything (pnpm deps, a build, Debian chromium for browser tests) and run
// every test of every package, then print the plain line `N passed, N failed` that CI reads.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { pnpm, sh } from "./pnpm.mjs"

const root = new URL("..", import.meta.url).pathname

const ensureChromium = () => {
  if (existsSync("/usr/bin/chromium")) return
  const asRoot = process.getuid?.() === 0 ? [] : ["sudo", "-n"]
  console.log("Installing Debian chromium for the browser tests …")
  const [cmd, ...pre] = asRoot.length === 0 ? ["apt-get"] : [...asRoot, "apt-get"]
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  if (
    sh(cmd, [...pre, "update", "-qq"], { env }) !== 0 ||
    sh(cmd, [...pre, "install", "-y", "-qq", "chromium"], { env }) !== 0
  ) {
    console.log("Could not install chromium: the browser tests will fail.")
  }
}

const packagesWithTests = () => {
  const out = []
  for (const group of ["packages", "apps"]) {
    const dir = join(root, group)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      const manifest = join(dir, name, "package.json")
      if (!existsSync(manifest)) continue
      const pkg = JSON.parse(readFileSync(manifest, "utf8"))
      if (pkg.scripts?.test)
        out.push({ dir: join(dir, name), name: pkg.name, typecheck: Boolean(pkg.scripts.typecheck) })
    }
  }
  return out
}

const wantsBrowser = packagesWithTests().some((p) => p.name === "playground")
if (wantsBrowser) ensureChromium()

let passed = 0
let failed = 0
const failures = []

if (pnpm(["install", "--frozen-lockfile", "--reporter=append-only"], { cwd: root }) !== 0) {
  console.log("\npnpm install failed\n0 passed, 1 failed")
  process.exit(1)
}
if (pnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only"], { cwd: root }) !== 0) {
  failed++
  failures.push("build (turbo run build)")
}

// Lint and types are checks too: one "test" each.
for (const [label, args] of [
  ["types (tsc -b)", ["exec", "tsc", "-b"]],
  ["lint (biome check)", ["exec", "biome", "check", "--diagnostic-level=error", "."]],
]) {
  console.log(`\n=== ${label}`)
  if (pnpm(args, { cwd: root }) === 0) passed++
  else {
    failed++
    failures.push(label)
  }
}

for (const { dir, name, typecheck } of packagesWithTests()) {
  if (typecheck) {
    console.log(`\n=== ${name}: types`)
    if (pnpm(["run", "typecheck"], { cwd: dir }) === 0) passed++
    else {
      failed++
      failures.push(`${name}: typecheck`)
    }
  }
  console.log(`\n=== ${name}`)
  const outDir = join(dir, "test-results")
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const out = join(outDir, "vitest.json")
  const status = pnpm(["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
    cwd: dir,
    env: { CI: "1", ...(process.stdout.isTTY ? {} : { NO_COLOR: "1", FORCE_COLOR: "0" }) },
  })
  if (!existsSync(out)) {
    failed++
    failures.push(`${name} (the test run crashed, exit ${status})`)
    continue
  }
  const result = JSON.parse(readFileSync(out, "utf8"))
  passed += result.numPassedTests
  failed += result.numFailedTests
  if (result.numFailedTests > 0) failures.push(`${name}: ${result.numFailedTests} failed`)
  else if (status !== 0 && result.numFailedTests === 0) {
    failed++
    failures.push(`${name} (vitest exited ${status}: a suite failed to load)`)
  }
}

if (failures.length > 0) console.log(`\nFailures:\n- ${failures.join("\n- ")}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)

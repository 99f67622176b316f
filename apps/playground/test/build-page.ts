/**
 * vitest global setup: the tests run against the BUILT page. Build it when dist is missing or older
 * than anything it is made from (its sources, the @ampkit/browser bundle); build that bundle first
 * when it is missing.
 */
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const appDir = fileURLToPath(new URL("..", import.meta.url))
const browserDir = join(appDir, "../../packages/browser")

const newest = (path: string): number => {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))))
}

const pnpm = (cwd: string, ...args: Array<string>) =>
  execFileSync(process.platform === "win32" ? "pnpm.cmd" : "pnpm", args, { cwd, stdio: "inherit" })

export default function setup(): void {
  const bundle = join(browserDir, "dist/index.js")
  if (!existsSync(bundle) || !existsSync(join(browserDir, "dist/index.d.ts"))) pnpm(browserDir, "run", "build")
  const built = join(appDir, "dist/index.html")
  const inputs = Math.max(
    newest(join(appDir, "src")),
    newest(join(appDir, "index.html")),
    newest(join(appDir, "vite.config.ts")),
    newest(bundle),
  )
  if (!existsSync(built) || statSync(built).mtimeMs < inputs) pnpm(appDir, "run", "build")
}

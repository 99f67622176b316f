/** vitest global setup: build dist/index.js and dist/validate.js from the current sources before any test reads them. */
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"

export default function setup(): void {
  const packageDir = fileURLToPath(new URL("..", import.meta.url))
  execFileSync(process.execPath, ["scripts/bundle.mjs"], { cwd: packageDir, stdio: "inherit" })
}

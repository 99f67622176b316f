/**
 * bin/ampkit.js: runs dist/main.js; in a checkout that is not built yet it says how to build
 * instead of printing Node's module-resolution stack trace.
 */
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, test } from "vitest"

const bin = new URL("../bin/ampkit.js", import.meta.url).pathname

test("an unbuilt checkout gets a one-line how-to and exit 70, not a stack trace", () => {
  const root = mkdtempSync(join(tmpdir(), "ampkit-bin-"))
  mkdirSync(join(root, "bin"))
  copyFileSync(bin, join(root, "bin/ampkit.js"))
  const result = spawnSync(process.execPath, [join(root, "bin/ampkit.js"), "--version"], { encoding: "utf8" })
  expect(result.status).toBe(70)
  expect(result.stdout).toBe("")
  expect(result.stderr).toMatch(/^ampkit: this checkout is not built yet .*pnpm build.*\n$/)
  expect(result.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|at .*\(/)
})

test("a built checkout runs the CLI", () => {
  const result = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" })
  expect(result.status).toBe(0)
  expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
})

#!/usr/bin/env node
/**
 * Regenerates the corpus expectation files of @ampkit/core:
 *   test/corpus/samples.expect.json            (diagnostics of the 121 real samples)
 *   test/corpus/validator-testdata.expect.json (diagnostics of Ampersand's validator fixtures)
 *
 *   node packages/core/scripts/evidence-update.mjs
 *
 * It runs those two test files with AMPKIT_EVIDENCE_UPDATE=1: the tests then recompute the
 * diagnostics and rewrite their expectation file, keeping every hand-written field (the `reason` of
 * each error on a real sample, the upstream verdicts and the reasons where our verdict differs), and
 * refuse to write (the run fails, naming the entries) when an error on a real sample has no reason or a
 * verdict that differs from upstream has no explanation. Review the diff before committing it.
 */
import { spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..")
const result = spawnSync(
  "pnpm",
  ["exec", "vitest", "run", "test/corpus/samples.test.ts", "test/corpus/validator-testdata.test.ts"],
  { cwd: packageDir, stdio: "inherit", env: { ...process.env, AMPKIT_EVIDENCE_UPDATE: "1" } },
)
if (result.error !== undefined) {
  console.error(result.error.message)
  process.exit(70)
}
process.exit(result.status ?? 1)

#!/usr/bin/env node
/**
 * Regenerates src/internal/model.generated.ts (the plain model of the Effect schemas, see
 * src/internal/model-generate.ts) by running its up-to-date test in write mode:
 *
 *   node packages/core/scripts/generate-model.mjs
 *
 * Without this, test/model/model-generated.test.ts fails as soon as a schema changes.
 */
import { execFileSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..")
execFileSync("pnpm", ["exec", "vitest", "run", "test/model/model-generated.test.ts"], {
  cwd: packageDir,
  stdio: "inherit",
  env: { ...process.env, AMPKIT_UPDATE_MODEL: "1" },
})

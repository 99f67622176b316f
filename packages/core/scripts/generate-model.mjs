#!/usr/bin/env node
/**
 * Regenerates src/internal/model.generated.ts (the plain model of the Effect schemas, see
 * src/internal/model-generate.ts) and src/internal/json-schema.generated.ts (their JSON Schema as text) by
 * running their up-to-date tests in write mode:
 *
 *   node packages/core/scripts/generate-model.mjs
 *
 * Without this, test/model/model-generated.test.ts and json-schema-generated.test.ts fail as soon as a
 * schema changes.
 */
import { execFileSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..")
execFileSync(
  "pnpm",
  ["exec", "vitest", "run", "test/model/model-generated.test.ts", "test/model/json-schema-generated.test.ts"],
  {
    cwd: packageDir,
    stdio: "inherit",
    env: { ...process.env, AMPKIT_UPDATE_MODEL: "1" },
  },
)

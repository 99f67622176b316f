/**
 * Tests run inside workerd (@cloudflare/vitest-pool-workers), against src/index.ts with the bindings of
 * wrangler.jsonc. Workspace packages resolve to their TypeScript source through the `@ampkit/source`
 * export condition, so no build is needed first.
 */
import { cloudflareTest } from "@cloudflare/vitest-pool-workers"
import { defineConfig } from "vitest/config"

const conditions = ["@ampkit/source", "workerd", "worker", "browser", "module", "import", "default"]

export default defineConfig({
  plugins: [cloudflareTest({ main: "./src/index.ts", wrangler: { configPath: "./wrangler.jsonc" } })],
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
})

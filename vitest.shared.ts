/** Shared vitest settings: resolve workspace packages to their TypeScript source (no build needed to test). */
import { defineConfig } from "vitest/config"

const conditions = ["@ampkit/source", "module", "node", "development|production"]

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
})

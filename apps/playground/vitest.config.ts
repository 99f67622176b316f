import { defineConfig } from "vitest/config"

// End-to-end tests in Debian chromium against the built page (test/build-page.ts builds it first).
// One browser at a time: the machine has 2 cores.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/build-page.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})

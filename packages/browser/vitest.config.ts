import { defineConfig, mergeConfig } from "vitest/config"
import { sharedConfig } from "../../vitest.shared.ts"

// The tests read the built bundles: build them first (scripts/bundle.mjs, from the current sources).
export default mergeConfig(sharedConfig, defineConfig({ test: { globalSetup: ["test/build-bundles.ts"] } }))

#!/usr/bin/env node
// The CLI runs from dist/. In a fresh checkout dist/ does not exist yet: say how to build it instead
// of showing Node's module-resolution stack trace.
let entry
try {
  entry = await import("../dist/main.js")
} catch (error) {
  const missing = error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("/dist/")
  if (!missing) throw error
  process.stderr.write(
    "ampkit: this checkout is not built yet (no packages/*/dist). Run `node scripts/demo.mjs` or `pnpm build` at the repository root, then try again.\n",
  )
  process.exit(70)
}
await entry.main()

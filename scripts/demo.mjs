// README command 1: set up and run `ampkit validate` on a real manifest from the bundled corpus.
import { setup, sh } from "./pnpm.mjs"

const sample = "corpus/ampersand/samples/netsuiteM2M/amp.yaml"
setup({ filter: "@ampkit/cli..." })
console.log(`\n$ ampkit validate ${sample}\n`)
const status = sh(process.execPath, ["packages/cli/bin/ampkit.js", "validate", sample])
console.log(
  status === 1
    ? "\n(ampkit exited with 1: this real manifest breaks rules that Ampersand's server enforces.)"
    : `\n(ampkit exited with ${status}.)`,
)
console.log("Next: node scripts/test.mjs runs every test; node packages/cli/bin/ampkit.js --help shows all commands.")

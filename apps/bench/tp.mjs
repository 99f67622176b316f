import { loadSamples } from "./dist/corpus.js"
import { integrationPool } from "./dist/manifest-generator.js"
import { planInputs } from "./dist/plan-inputs.js"
import { planCase } from "./dist/plan-suite.js"

const row = planCase(
  planInputs(integrationPool(loadSamples().filter((s) => !s.path.startsWith("netsuiteM2M"))), {
    integrations: 500,
    changedShare: 0.1,
    seed: 500,
  }),
)
for (const t of [row.whole, row.bareParse, ...Object.values(row.phases)])
  console.log(
    t.name.padEnd(10),
    t.ms.toFixed(1),
    t.min.toFixed(1),
    t.max.toFixed(1),
    "wall",
    t.wallMs.toFixed(1),
    "calls",
    t.calls,
  )

import * as jsyaml from "js-yaml"
import { loadSamples } from "./dist/corpus.js"
import { integrationPool } from "./dist/manifest-generator.js"
import { planInputs } from "./dist/plan-inputs.js"

const p = planInputs(integrationPool(loadSamples().filter((s) => !s.path.startsWith("netsuiteM2M"))), {
  integrations: 500,
  changedShare: 0.1,
  seed: 500,
})
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const out = []
for (let i = 0; i < 25; i++) {
  const t = cpu()
  const w = performance.now()
  jsyaml.load(p.desiredText)
  out.push(`${(cpu() - t).toFixed(0)}/${(performance.now() - w).toFixed(0)}`)
}
console.log(out.join(" "))

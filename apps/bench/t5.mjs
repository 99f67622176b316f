import { validate } from "@ampkit/core"
import { generateManifest, integrationPool } from "./dist/manifest-generator.js"
import { loadSamples } from "./dist/corpus.js"
const g = generateManifest(integrationPool(loadSamples()), { seed: 60, bytes: 60000 })
for (let i = 0; i < 5; i++) validate(g.text)
const t = performance.now()
let n = 0
while (performance.now() - t < 8000) { validate(g.text); n++ }
console.log(n)

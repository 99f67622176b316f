import * as Schema from "effect/Schema"
import { describe, expect, test } from "vitest"
import { models } from "../../src/internal/model.generated.js"
import { Manifest } from "../../src/Manifest.js"
import { canonicalKeys, shapeFindings } from "../../src/Shape.js"
import { realSamples } from "./corpus.js"

/**
 * Shape checking must stay cheap on the largest real manifest (unifiedCRM, 13 KB). Two ways were
 * measured: walking the schema AST alongside the value (what Shape.ts does) and Effect's own decoder
 * with `{ errors: "all", onExcessProperty: "error" }` (whose issue tree would then still need the
 * union-branch and ownership post-processing). The timings print; the assertions bound the walk.
 */
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

const time = (run: () => unknown, rounds = 200): number => {
  for (let i = 0; i < 20; i++) run()
  const samples: Array<number> = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

describe("shape performance", () => {
  const largest = [...realSamples()].sort((a, b) => b.text.length - a.text.length)[0]
  test("the largest real sample", () => {
    expect(largest?.name).toBe("unifiedCRM/amp.yaml")
    const value = largest?.value
    const decode = Schema.decodeUnknownResult(Manifest)
    const walk = time(() => shapeFindings(value))
    const effect = time(() => decode(value, { errors: "all", onExcessProperty: "error" }))
    const typed = time(() => decode(canonicalKeys(models.manifest, value)))
    console.log(
      `unifiedCRM (${largest?.text.length} bytes): shapeFindings ${walk.toFixed(3)} ms, ` +
        `Effect decode (errors all, excess error) ${effect.toFixed(3)} ms, canonicalKeys + typed decode ${typed.toFixed(3)} ms`,
    )
    expect(walk).toBeLessThan(5)
  })

  test("a manifest of 400 integrations (≈ 1.3 MB of YAML) stays well under a second", () => {
    const one = (largest?.value as { integrations: Array<unknown> } | undefined)?.integrations ?? []
    const big = { specVersion: "1.0.0", integrations: Array.from({ length: 100 }, () => one).flat() }
    expect(big.integrations).toHaveLength(400)
    const walk = time(() => shapeFindings(big), 10)
    console.log(`400 integrations: shapeFindings ${walk.toFixed(1)} ms`)
    expect(walk).toBeLessThan(500)
  })
})

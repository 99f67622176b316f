/**
 * The bench's inputs, built once: the largest real sample, generated ~60 KB and ~1 MB manifests
 * (from the integrations of the samples that validate without errors), checked before use.
 */
import { isDeepStrictEqual } from "node:util"
import { validate } from "@ampkit/core"
import * as jsyaml from "js-yaml"
import { parse } from "yaml"
import { largestSample, loadSamples, type Sample } from "./corpus.js"
import { type GeneratedManifest, generateManifest, integrationPool, type PoolEntry } from "./manifest-generator.js"

export interface BenchInputs {
  readonly samples: ReadonlyArray<Sample>
  /** Samples without validation errors: the source of every generated manifest. */
  readonly clean: ReadonlyArray<Sample>
  readonly pool: ReadonlyArray<PoolEntry>
  readonly largest: Sample
  readonly gen60: GeneratedManifest
  readonly gen1m: GeneratedManifest
}

export const benchInputs = (): BenchInputs => {
  const samples = loadSamples()
  const clean = samples.filter((s) => validate(s.text).errors === 0)
  const pool = integrationPool(clean)
  const gen60 = generateManifest(pool, { seed: 60, bytes: 60_000 })
  const gen1m = generateManifest(pool, { seed: 1000, bytes: 1_000_000 })
  for (const g of [gen60, gen1m]) {
    if (!isDeepStrictEqual(jsyaml.load(g.text), parse(g.text))) {
      throw new Error("js-yaml and yaml read a generated manifest differently")
    }
    if (validate(g.text).errors > 0) throw new Error("a generated manifest has errors")
  }
  return { samples, clean, pool, largest: largestSample(samples), gen60, gen1m }
}

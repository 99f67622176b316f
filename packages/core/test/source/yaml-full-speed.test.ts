/**
 * Speed of the full YAML path against the oracle (the Composer-based path it replaced) on the real
 * corpus: the new path must not be slower. Timed as the best of several rounds, each parsing every
 * sample and validator-testdata file through both paths; a generous margin absorbs a shared machine.
 */
import { expect, it } from "vitest"
import { LineIndex } from "../../src/internal/source-lines.js"
import { parseYamlFull } from "../../src/internal/source-yaml.js"
import { defaultLimits } from "../../src/Limits.js"
import { corpusText, sampleFiles, validatorTestdataFiles } from "../corpus/corpus-files.js"
import { prepared } from "./fast-same-outcome.js"
import { parseYamlOracle } from "./oracle/source-yaml-oracle.js"

const texts = [
  ...sampleFiles().map((f) => `samples/${f}`),
  ...validatorTestdataFiles().map((f) => `validator-testdata/${f}`),
]
  .map((f) => prepared(corpusText(f)))
  .filter((t): t is string => t !== undefined)

const round = (parse: typeof parseYamlFull): number => {
  const start = performance.now()
  for (const text of texts) parse(text, defaultLimits, new LineIndex(text))
  return performance.now() - start
}

it("the full path is not slower than the Composer-based path on the corpus", () => {
  for (let i = 0; i < 3; i++) {
    round(parseYamlFull)
    round(parseYamlOracle)
  }
  let full = Number.POSITIVE_INFINITY
  let oracle = Number.POSITIVE_INFINITY
  for (let i = 0; i < 7; i++) {
    full = Math.min(full, round(parseYamlFull))
    oracle = Math.min(oracle, round(parseYamlOracle))
  }
  if (process.env.AMPKIT_DIFF_TALLY !== undefined) console.log({ files: texts.length, full, oracle })
  expect(full).toBeLessThan(oracle * 1.1)
})

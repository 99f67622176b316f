/**
 * The real corpus takes the fast path: every one of the 121 samples and every validator test file is
 * read by source-yaml-fast.ts (no bail-out), to exactly what the full path gives, under the default
 * limits and under tight ones.
 */
import { describe, expect, test } from "vitest"
import { defaultLimits } from "../../src/Limits.js"
import { corpusText, sampleFiles, validatorTestdataFiles } from "../corpus/corpus-files.js"
import { compare, prepared } from "./fast-same-outcome.js"

const samples = sampleFiles().map((file) => `samples/${file}`)
const testdata = validatorTestdataFiles().map((file) => `validator-testdata/${file}`)

describe("the corpus takes the fast path", () => {
  test("121 samples and the validator's test files", () => {
    expect(samples).toHaveLength(121)
    expect(testdata.length).toBeGreaterThanOrEqual(29)
  })

  test.each([...samples, ...testdata])("%s", (file) => {
    const text = prepared(corpusText(file))
    expect(text).toBeDefined()
    const { fast, full } = compare(text ?? "")
    expect(fast, "the fast path bailed out").toBeDefined()
    expect(full.value).toBeDefined()
  })

  test("with CRLF line endings and a byte order mark too", () => {
    for (const file of [...samples, ...testdata]) {
      const text = prepared(`\ufeff${corpusText(file).replace(/\r?\n/g, "\r\n")}`) ?? ""
      expect(compare(text).fast, file).toBeDefined()
    }
  })

  test("under tight limits the corpus still fits (same as the full path), and past them the fast path bails", () => {
    let broken = 0
    const tight = { maxBytes: 16_384, maxDepth: 14, maxNodes: 500, maxStringLength: 200, maxKeyLength: 32 }
    for (const file of [...samples, ...testdata]) {
      const text = prepared(corpusText(file)) ?? ""
      expect(compare(text, tight).fast, file).toBeDefined()
      // Too few nodes, too shallow, too short: the full path reports it; the fast path leaves it to it.
      for (const over of [{ maxNodes: 10 }, { maxDepth: 3 }, { maxStringLength: 3 }, { maxKeyLength: 3 }]) {
        const { fast, full } = compare(text, { ...defaultLimits, ...over })
        if (full.findings.some((f) => f.rule === "document-limit")) {
          broken++
          expect(fast, `${file} ${JSON.stringify(over)}`).toBeUndefined()
        }
      }
    }
    expect(broken).toBeGreaterThan(4 * 140)
  })
})

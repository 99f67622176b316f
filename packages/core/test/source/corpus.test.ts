/** The real corpus: every sample and validator test file parses without findings, to the same data as `yaml`. */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { parse } from "yaml"
import { parseSource } from "../../src/Source.js"

const corpus = join(import.meta.dirname, "../../../../corpus/ampersand")
const yamlFiles = (dir: string): Array<string> =>
  readdirSync(join(corpus, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(corpus, path)).isDirectory()) return yamlFiles(path)
    return /\.ya?ml$/.test(name) ? [path] : []
  })

const samples = yamlFiles("samples")
const testdata = yamlFiles("validator-testdata")

describe("corpus", () => {
  test("121 samples and the validator's test files", () => {
    expect(samples).toHaveLength(121)
    expect(testdata.length).toBeGreaterThanOrEqual(29)
  })

  // No known exceptions: none of the corpus files has a duplicate key, a tag, an alias, a YAML 1.1
  // scalar or a character we refuse. Only the validator's two examples hold `# amp:ignore` directives.
  test.each([...samples, ...testdata])("%s", (file) => {
    const text = readFileSync(join(corpus, file), "utf8")
    const result = parseSource(text)
    expect(result.findings).toEqual([])
    expect(result.document?.syntax).toBe("yaml")
    expect(result.document?.value).toEqual(parse(text))
    expect(result.document?.yaml11Scalars).toEqual([])
    if (file.includes("/examples/")) expect(result.document?.directives.length).toBeGreaterThan(0)
    else expect(result.document?.directives).toEqual([])
    // The same data as JSON, through the JSON parser.
    const json = parseSource(JSON.stringify(result.document?.value, null, 2), { syntax: "json" })
    expect(json.findings).toEqual([])
    expect(json.document?.value).toEqual(result.document?.value)
  })

  test("the corpus is far below every default limit", () => {
    for (const file of [...samples, ...testdata]) {
      const text = readFileSync(join(corpus, file), "utf8")
      const tight = parseSource(text, {
        limits: { maxBytes: 16_384, maxDepth: 8, maxNodes: 500, maxStringLength: 200, maxKeyLength: 32 },
      })
      expect(tight.findings, file).toEqual([])
    }
  })
})

/** The position index: `locate(pointer, at)` against real samples, JSON, aliases and missing pointers. */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { child } from "../../src/internal/pointer.js"
import { parseSource, type SourceDocument } from "../../src/Source.js"

const corpus = join(import.meta.dirname, "../../../../corpus/ampersand")
const read = (path: string): string => readFileSync(join(corpus, path), "utf8")

const yamlFiles = (dir: string): Array<string> =>
  readdirSync(join(corpus, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(corpus, path)).isDirectory()) return yamlFiles(path)
    return /\.ya?ml$/.test(name) ? [path] : []
  })

describe("positions in a real sample (samples/salesforce/amp.yaml)", () => {
  const document = parseSource(read("samples/salesforce/amp.yaml")).document!

  test.each([
    ["/specVersion", "value", 1, 14],
    ["/specVersion", "key", 1, 1],
    ["/integrations", "value", 3, 3],
    ["/integrations/0", "key", 3, 5],
    ["/integrations/0/name", "key", 3, 5],
    ["/integrations/0/name", "value", 3, 11],
    ["/integrations/0/read/objects/0/objectName", "value", 8, 23],
    ["/integrations/0/read/objects/0/requiredFields/1/mapToName", "key", 15, 15],
    ["/integrations/0/read/objects/1/schedule", "value", 27, 21],
    ["/integrations/0/subscribe/objects/0/updateEvent/requiredWatchFields/1", "value", 46, 17],
    ["/integrations/0/write/objects/1", "key", 56, 11],
    ["/integrations/0/proxy/enabled", "value", 59, 16],
  ] as const)("%s (%s) → %i:%i", (pointer, at, line, column) => {
    expect(document.locate(pointer, at)).toEqual({ line, column })
  })

  test("a pointer that does not exist gives its nearest existing ancestor", () => {
    expect(document.locate("/integrations/0/read/objects/0/schedule")).toEqual({ line: 8, column: 11 })
    expect(document.locate("/integrations/0/read/objects/9/objectName", "key")).toEqual({ line: 7, column: 7 })
    expect(document.locate("/integrations/0/name/deeper")).toEqual({ line: 3, column: 11 })
    expect(document.locate("/integrations/x")).toEqual({ line: 3, column: 3 })
    expect(document.locate("/integrations/01")).toEqual({ line: 3, column: 3 })
  })

  test("the root, and strings that are not pointers, give the root", () => {
    expect(document.locate("")).toEqual({ line: 1, column: 1 })
    expect(document.locate("", "key")).toEqual({ line: 1, column: 1 })
    expect(document.locate("integrations")).toEqual({ line: 1, column: 1 })
  })
})

/** Every member and item of `value`, with its pointer. */
const members = function* (value: unknown, pointer = ""): Generator<[string, string | number, unknown]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      yield [child(pointer, i), i, item]
      yield* members(item, child(pointer, i))
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      yield [child(pointer, key), key, item]
      yield* members(item, child(pointer, key))
    }
  }
}

/** The text at a 1-based line/column. */
const at = (lines: ReadonlyArray<string>, p: { line: number; column: number }): string =>
  (lines[p.line - 1] ?? "").slice(p.column - 1)

/** Keys and scalar values sit exactly where `locate` says, for every node of the document. */
const checkEveryNode = (text: string, document: SourceDocument): number => {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/)
  let checked = 0
  for (const [pointer, key, value] of members(document.value)) {
    const keyText = at(lines, document.locate(pointer, "key"))
    const valueText = at(lines, document.locate(pointer))
    if (typeof key === "string") {
      expect(
        [key, `"${key}"`, `'${key}'`].some((k) => keyText.startsWith(k)),
        `${pointer}: ${keyText}`,
      ).toBe(true)
    }
    if (typeof value === "string" && value !== "" && !value.includes("\n")) {
      const quoted = valueText.startsWith('"') || valueText.startsWith("'")
      expect(
        quoted ? valueText.slice(1).startsWith(value.slice(0, 10)) : valueText.startsWith(value.slice(0, 10)),
        `${pointer}: ${valueText}`,
      ).toBe(true)
    } else if (typeof value === "number" || typeof value === "boolean") {
      expect(/^[-+.0-9a-zA-Z]/.test(valueText), `${pointer}: ${valueText}`).toBe(true)
    } else if (Array.isArray(value) && value.length > 0 && document.syntax === "json") {
      expect(valueText.startsWith("["), pointer).toBe(true)
    } else if (value !== null && typeof value === "object" && document.syntax === "json") {
      expect(valueText.startsWith("{"), pointer).toBe(true)
    }
    checked++
  }
  return checked
}

describe("every key and value of every sample is where locate says", () => {
  const files = [...yamlFiles("samples"), ...yamlFiles("validator-testdata")]

  test("the corpus is there", () => {
    expect(files.length).toBeGreaterThanOrEqual(121 + 27)
  })

  test.each(files)("%s (YAML, and the same data as JSON)", (file) => {
    const text = read(file)
    const document = parseSource(text).document!
    expect(checkEveryNode(text, document)).toBeGreaterThan(5)
    const asJson = JSON.stringify(document.value, null, 2)
    const jsonDocument = parseSource(asJson).document!
    expect(jsonDocument.syntax).toBe("json")
    checkEveryNode(asJson, jsonDocument)
  })
})

describe("aliases and merge keys", () => {
  const text = "base: &base\n  a: 1\n  b:\n    c: 2\nuse: *base\nmerged:\n  <<: *base\n  own: 3\n"
  const document = parseSource(text).document!

  test("a node reached through an alias points at the anchored node", () => {
    expect(document.locate("/use")).toEqual({ line: 2, column: 3 })
    expect(document.locate("/use", "key")).toEqual({ line: 5, column: 1 })
    expect(document.locate("/use/b/c")).toEqual({ line: 4, column: 8 })
    expect(document.locate("/use/b/c", "key")).toEqual({ line: 4, column: 5 })
  })

  test("a merged member points at its definition; an own member at itself", () => {
    expect(document.locate("/merged/a", "key")).toEqual({ line: 2, column: 3 })
    expect(document.locate("/merged/own", "key")).toEqual({ line: 8, column: 3 })
    expect(document.locate("/merged", "key")).toEqual({ line: 6, column: 1 })
  })
})

describe("JSON positions", () => {
  const text = '{\n  "a": [10, {"b": "x"}],\n  "a\\u0062": null,\n  "a": 2\n}'
  const document = parseSource(text).document!

  test("keys, values and items", () => {
    expect(document.locate("/a")).toEqual({ line: 2, column: 8 })
    expect(document.locate("/a", "key")).toEqual({ line: 2, column: 3 })
    expect(document.locate("/a/1/b")).toEqual({ line: 2, column: 19 })
    expect(document.locate("/a/1", "key")).toEqual({ line: 2, column: 13 })
    expect(document.locate("/ab", "key")).toEqual({ line: 3, column: 3 })
  })

  test("a duplicated key locates the first (kept) member; missing pointers the nearest ancestor", () => {
    expect(document.locate("/a/0")).toEqual({ line: 2, column: 9 })
    expect(document.locate("/a/5")).toEqual({ line: 2, column: 8 })
    expect(document.locate("/zz")).toEqual({ line: 1, column: 1 })
  })

  test("escaped pointer tokens", () => {
    const doc = parseSource('{"a/b": {"~c": 1}}').document!
    expect(doc.locate("/a~1b/~0c")).toEqual({ line: 1, column: 16 })
  })

  test("a leading BOM and spaces before the root", () => {
    const doc = parseSource('\ufeff\n  {"a": 1}').document!
    expect(doc.locate("")).toEqual({ line: 2, column: 3 })
    expect(doc.locate("/a")).toEqual({ line: 2, column: 9 })
  })
})

describe("cost", () => {
  test("locating 10,000 pointers in a 1 MB document is fast", () => {
    const integration = {
      name: "x",
      provider: "salesforce",
      read: { objects: [{ objectName: "account", schedule: "*/10 * * * *" }] },
    }
    const value = {
      specVersion: "1.0.0",
      integrations: Array.from({ length: 8000 }, (_, i) => ({ ...integration, name: `i${i}` })),
    }
    for (const text of [JSON.stringify(value, null, 2)]) {
      const document = parseSource(text).document!
      const started = performance.now()
      for (let i = 0; i < 10_000; i++) document.locate(`/integrations/${i % 8000}/read/objects/0/schedule`)
      expect(performance.now() - started).toBeLessThan(1000)
    }
  })
})

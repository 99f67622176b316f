/** `# amp:ignore` directives: the syntax of Ampersand's validator, collected with line and placement. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { directiveRules } from "../../src/internal/source-directives.js"
import { parseSource } from "../../src/Source.js"

const corpus = join(import.meta.dirname, "../../../../corpus/ampersand")
const directivesOf = (text: string) => parseSource(text, { syntax: "yaml" }).document?.directives

describe("directives of the validator's own examples", () => {
  test("examples/directives-example.yaml", () => {
    const text = readFileSync(join(corpus, "validator-testdata/examples/directives-example.yaml"), "utf8")
    expect(directivesOf(text)).toEqual([
      { line: 9, standalone: true, rules: ["frequent-schedule-risk"] },
      { line: 16, standalone: false, rules: ["destination-exists"] },
      { line: 20, standalone: true, rules: "all" },
    ])
  })

  test("examples/full-featured-with-directives.yaml", () => {
    const text = readFileSync(join(corpus, "validator-testdata/examples/full-featured-with-directives.yaml"), "utf8")
    expect(directivesOf(text)).toEqual([
      { line: 9, standalone: false, rules: ["destination-exists"] },
      { line: 23, standalone: false, rules: ["destination-exists"] },
      { line: 30, standalone: true, rules: ["catalog-access"] },
      { line: 37, standalone: false, rules: ["destination-exists"] },
    ])
  })
})

describe("directive syntax", () => {
  test.each([
    ["# amp:ignore", "all"],
    ["#amp:ignore", "all"],
    ["#   amp:ignore  ", "all"],
    ["# amp:ignore[a]", ["a"]],
    ["# amp:ignore[rule-a, rule-b]", ["rule-a", "rule-b"]],
    ["# amp:ignore[ a ,b,, c ]", ["a", "b", "c"]],
    ["# amp:ignore[x] flaky provider, see ticket", ["x"]],
    ["# amp:ignore because the provider is flaky", "all"],
    ["# amp:ignore[]", "all"],
    ["# amp:ignore[unclosed", "all"],
  ] as const)("%j", (comment, rules) => {
    expect(directiveRules(comment)).toEqual(rules)
  })

  test.each(["# amp:ignored", "# Example: using amp:ignore directives", "# AMP:IGNORE", "# amp: ignore", "# nothing"])(
    "not a directive: %j",
    (comment) => {
      expect(directiveRules(comment)).toBeUndefined()
    },
  )
})

describe("placement", () => {
  test("standalone (alone on its line, indented or not) versus at the end of a line", () => {
    expect(directivesOf("a: 1 # amp:ignore\n  # amp:ignore[x]\nb: [1, # amp:ignore[y]\n  2]\n")).toEqual([
      { line: 1, standalone: false, rules: "all" },
      { line: 2, standalone: true, rules: ["x"] },
      { line: 3, standalone: false, rules: ["y"] },
    ])
  })

  test("text that only looks like a comment is not one: block scalars and quoted strings", () => {
    expect(directivesOf('a: |\n  # amp:ignore\nb: "# amp:ignore"\nc: x#amp:ignore\n--- |\n')).toBeUndefined()
    expect(directivesOf('a: |\n  # amp:ignore\nb: "# amp:ignore"\nc: x#amp:ignore\n')).toEqual([])
  })

  test("CRLF gives the same directives", () => {
    const text = "a: 1 # amp:ignore[x]\n# amp:ignore\nb: 2\n"
    expect(directivesOf(text.replace(/\n/g, "\r\n"))).toEqual(directivesOf(text))
  })

  test("JSON has no comments, so no directives", () => {
    expect(parseSource('{"a": "# amp:ignore"}').document?.directives).toEqual([])
  })
})

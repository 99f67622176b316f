/**
 * `ignore-directive`: an `# amp:ignore` comment that does nothing is reported (a warning at the
 * comment; its pointer is the key the directive covers), as `--ignore` of an unknown rule is a usage
 * error. Cases: an id that is no rule id, a rule whose findings are always errors, `ignore-directive`
 * itself, and a directive that suppressed no warning or info in the run.
 */
import { describe, expect, test } from "vitest"
import { directiveColumn } from "../../src/internal/directive-report.js"
import { ruleDescriptions } from "../../src/RuleCatalog.js"
import { validationJson, validationSarif } from "../../src/render/validation-json.js"
import { parseSource } from "../../src/Source.js"
import { maxFindingsPerRule, validate } from "../../src/Validate.js"
import { corpusText, sampleFiles, validatorTestdataFiles } from "../corpus/corpus-files.js"

/** An integration with an unknown key `colour` (one `unknown-key` warning, line 5 or 6). */
const manifest = (above = "", eol = "") => `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
${above ? `    ${above}\n` : ""}    colour: red${eol ? ` ${eol}` : ""}
    proxy:
      enabled: true
`

const directiveFindings = (text: string, options = {}) =>
  validate(text, options).diagnostics.filter((d) => d.rule === "ignore-directive")

const unknownKey = (text: string) => validate(text).diagnostics.filter((d) => d.rule === "unknown-key")

describe("working directives are not reported", () => {
  test.each([
    ["on the line above the key", manifest("# amp:ignore[unknown-key]")],
    ["at the end of the key's line", manifest("", "# amp:ignore[unknown-key]")],
    ["bare", manifest("# amp:ignore")],
    ["with a reason after it", manifest("# amp:ignore[unknown-key] the server drops it anyway")],
    ["with blank and comment lines between it and the key", manifest("# amp:ignore[unknown-key]\n\n    # why\n")],
  ])("%s", (_, text) => {
    const r = validate(text)
    expect(r.diagnostics.map((d) => [d.rule, d.suppressed])).toEqual([["unknown-key", true]])
    expect(r.warnings).toBe(0)
  })

  test("on an ancestor, covering a warning deep below it", () => {
    const text = `specVersion: 1.0.0
integrations:
  # amp:ignore[unknown-key]
  - name: syncCRM
    provider: hubspot
    read:
      objects:
        - objectName: contacts
          destination: d
          colour: red
`
    expect(validate(text).diagnostics.map((d) => [d.rule, d.suppressed])).toEqual([["unknown-key", true]])
  })

  test("a directive whose rule is also silenced by --ignore still counts as used", () => {
    const text = manifest("# amp:ignore[unknown-key]")
    expect(directiveFindings(text, { ignore: ["unknown-key"] })).toEqual([])
  })

  test("Ampersand's validator ids for warnings ampkit does not report are accepted silently", () => {
    const ids = "destination-exists, frequent-schedule-risk, catalog-access, object-exists, large-backfill-risk"
    expect(directiveFindings(manifest(`# amp:ignore[${ids}]`))).toEqual([])
    // Next to one of ours that works, the list stays silent too.
    expect(directiveFindings(manifest("# amp:ignore[ destination-exists , unknown-key ]"))).toEqual([])
  })
})

describe("an id that is no rule id", () => {
  test("a misspelt id: reported at the comment, with did-you-mean, and it suppresses nothing", () => {
    const text = manifest("# amp:ignore[feild-duplicate]")
    expect(directiveFindings(text)).toEqual([
      {
        rule: "ignore-directive",
        severity: "warning",
        message: "`amp:ignore` names `feild-duplicate`, which is not a rule id",
        pointer: "/integrations/0/colour",
        line: 5,
        column: 5,
        hint: "did you mean `field-duplicate`?",
        suppressed: false,
      },
    ])
    expect(unknownKey(text)).toMatchObject([{ suppressed: false }])
  })

  test("another case of a real id is a different id (ids are case-sensitive), and did-you-mean says which", () => {
    expect(directiveFindings(manifest("# amp:ignore[Unknown-Key]"))).toMatchObject([
      { message: "`amp:ignore` names `Unknown-Key`, which is not a rule id", hint: "did you mean `unknown-key`?" },
    ])
  })

  test("nothing close: a general hint; each unknown id once, next to a working one", () => {
    const found = directiveFindings(manifest("# amp:ignore[unknown-key, field-dupe, field-dupe]"))
    expect(found).toMatchObject([
      {
        message: "`amp:ignore` names `field-dupe`, which is not a rule id",
        hint: "use a rule id as diagnostics show it (docs/rules.md)",
      },
    ])
  })

  test("a hostile id is quoted, escaped and cut", () => {
    const [d] = directiveFindings(manifest(`# amp:ignore[\u202e${"x".repeat(300)}]`))
    expect(d?.message).toBe(`\`amp:ignore\` names \`\\u{202E}${"x".repeat(32)}…\`, which is not a rule id`)
    expect(d?.message.length).toBeLessThanOrEqual(120)
  })
})

describe("a rule whose findings are always errors", () => {
  test("named: reported, and its error stays an error", () => {
    const text = `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
    read:
      objects:
        - objectName: contacts
          destination: d
          # amp:ignore[schedule-minimum-interval]
          schedule: "*/5 * * * *"
`
    const r = validate(text)
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.suppressed, d.line])).toEqual([
      ["ignore-directive", "warning", false, 9],
      ["schedule-minimum-interval", "error", false, 10],
    ])
    expect(r.diagnostics[0]).toMatchObject({
      message: "`amp:ignore` names `schedule-minimum-interval`, whose findings are always errors",
      hint: "errors are never suppressed: fix what the error reports instead",
      pointer: "/integrations/0/read/objects/0/schedule",
      column: 11,
    })
  })

  test("every catalog id of severity error but yaml-compat is error-only; the others are known ids", () => {
    const named = ruleDescriptions.map((r) => r.id).filter((id) => id !== "ignore-directive")
    const found = directiveFindings(manifest(`# amp:ignore[${named.join(",")}]`))
    const idOf = (message: string) => /names `([^`]+)`/.exec(message)?.[1]
    const errorOnly = found
      .filter((d) => d.message.endsWith("whose findings are always errors"))
      .map((d) => idOf(d.message))
    expect(errorOnly).toEqual(
      ruleDescriptions.filter((r) => r.severity === "error" && r.id !== "yaml-compat").map((r) => r.id),
    )
    expect(found.filter((d) => d.message.endsWith("is not a rule id"))).toEqual([])
    // unknown-key suppressed the warning; the other warning and info rules had nothing to suppress here.
    const unused = found.filter((d) => d.message.endsWith("reports no warning or info where it applies"))
    expect(unused.map((d) => idOf(d.message))).toEqual(
      ruleDescriptions
        .filter((r) => !errorOnly.includes(r.id) && r.id !== "unknown-key" && r.id !== "ignore-directive")
        .map((r) => r.id),
    )
    for (const d of found) expect(d.message.length, d.message).toBeLessThanOrEqual(120)
  })

  test("yaml-compat also warns: not error-only; a directive suppresses its warning, and says so when it covers only its error", () => {
    const warning = `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
    proxy:
      # amp:ignore[yaml-compat]
      enabled: yes
`
    expect(validate(warning).diagnostics.map((d) => [d.rule, d.suppressed])).toEqual([["yaml-compat", true]])
    const error = `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
    read:
      objects:
        - objectName: contacts
          destination: d
          schedule: 22:22 # amp:ignore[yaml-compat]
`
    expect(validate(error).diagnostics.map((d) => [d.rule, d.severity, d.suppressed])).toEqual([
      ["yaml-compat", "error", false],
      ["ignore-directive", "warning", false],
    ])
    expect(directiveFindings(error)).toMatchObject([
      {
        message: "`amp:ignore` names `yaml-compat`, but covers only errors of that rule",
        hint: "errors are never suppressed: fix what the error reports instead",
        line: 9,
        column: 27,
      },
    ])
  })
})

describe("a directive that suppresses nothing", () => {
  test("an id with nothing of its rule where the directive applies", () => {
    expect(directiveFindings(manifest("# amp:ignore[field-duplicate]"))).toMatchObject([
      {
        message: "`amp:ignore` names `field-duplicate`, which reports no warning or info where it applies",
        hint: "remove it, or put it above the key it is meant for (it covers that key and everything under it)",
        pointer: "/integrations/0/colour",
        line: 5,
        column: 5,
      },
    ])
  })

  test("one id used, one not: only the unused one is reported", () => {
    const found = directiveFindings(manifest("", "# amp:ignore[unknown-key, display-name-length]"))
    expect(found).toMatchObject([
      { message: "`amp:ignore` names `display-name-length`, which reports no warning or info where it applies" },
    ])
    expect(found[0]).toMatchObject({ line: 5, column: 17 })
  })

  test("a bare directive over a key with no warning or info", () => {
    const text = `specVersion: 1.0.0
integrations:
  # amp:ignore
  - name: syncCRM
    provider: hubspot
    proxy:
      enabled: true
`
    expect(directiveFindings(text)).toEqual([
      {
        rule: "ignore-directive",
        severity: "warning",
        message: "`amp:ignore` suppresses nothing: no warning or info is reported where it applies",
        pointer: "/integrations/0",
        line: 3,
        column: 3,
        hint: "remove it, or put it above the key it is meant for (it covers that key and everything under it)",
        suppressed: false,
      },
    ])
  })

  test("a bare directive over errors only", () => {
    const text = `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
    read:
      objects:
        - objectName: contacts
          destination: d
        # amp:ignore
        - objectName: contacts
          destination: d
`
    const r = validate(text)
    expect(r.diagnostics.find((d) => d.rule === "duplicate-read-object")).toMatchObject({ suppressed: false })
    expect(directiveFindings(text)).toMatchObject([
      {
        message: "`amp:ignore` suppresses nothing: it covers only errors",
        pointer: "/integrations/0/read/objects/1",
        line: 9,
        column: 9,
      },
    ])
  })

  test("a directive with no key to cover (after the last key): pointer is the root", () => {
    expect(
      directiveFindings(`${manifest("", "# amp:ignore[unknown-key]")}# amp:ignore[field-duplicate, nope]\n`),
    ).toEqual([
      expect.objectContaining({ message: "`amp:ignore` names `nope`, which is not a rule id", pointer: "", line: 8 }),
      expect.objectContaining({ message: "`amp:ignore` covers no key, so it suppresses nothing", pointer: "" }),
    ])
  })
})

describe("ignore-directive findings are never suppressed by a directive", () => {
  test("a bare directive on an ancestor does not cover them", () => {
    const text = `specVersion: 1.0.0
# amp:ignore
integrations:
  - name: syncCRM
    provider: hubspot
    # amp:ignore[field-dupe]
    colour: red
    proxy:
      enabled: true
`
    const r = validate(text)
    expect(r.diagnostics.map((d) => [d.rule, d.suppressed])).toEqual([
      ["ignore-directive", false],
      ["unknown-key", true],
    ])
    expect(r.warnings).toBe(1)
  })

  test("a directive naming ignore-directive is itself reported", () => {
    const text = manifest("# amp:ignore[ignore-directive, field-duplicat]", "# amp:ignore[unknown-key]")
    expect(directiveFindings(text).map((d) => [d.message, d.hint, d.suppressed])).toEqual([
      [
        "`amp:ignore` cannot suppress `ignore-directive` findings",
        "to silence them for a whole run, use --ignore ignore-directive",
        false,
      ],
      ["`amp:ignore` names `field-duplicat`, which is not a rule id", "did you mean `field-duplicate`?", false],
    ])
  })

  test("--ignore ignore-directive silences them (listed, flagged suppressed, not counted)", () => {
    const text = manifest("# amp:ignore[field-dupe]")
    const r = validate(text, { ignore: ["ignore-directive"] })
    expect(r.diagnostics.map((d) => [d.rule, d.suppressed])).toEqual([
      ["ignore-directive", true],
      ["unknown-key", false],
    ])
    expect([r.warnings, r.suppressed]).toEqual([1, 1])
  })
})

describe("position of the comment", () => {
  test("at the `#` of the directive, past a quoted value that holds the same text", () => {
    const text = manifest("", `# amp:ignore[unknown-key]\n    displayName: "a # amp:ignore[x]" # amp:ignore[nope]`)
    expect(directiveFindings(text)).toMatchObject([{ line: 6, column: 38, pointer: "/integrations/0/displayName" }])
  })

  test("a BOM does not shift the column; CRLF gives the same report", () => {
    const text =
      "specVersion: 1.0.0 # amp:ignore[nope]\nintegrations:\n  - name: a\n    provider: hubspot\n    proxy: {enabled: true}\n"
    expect(directiveFindings(`\uFEFF${text}`)).toMatchObject([{ line: 1, column: 20, pointer: "/specVersion" }])
    expect(validate(text.replace(/\n/g, "\r\n"))).toEqual(validate(text))
  })

  test("the pointer is the node the directive covers (the validator's examples, with an unused id of ours)", () => {
    const covers: Record<string, ReadonlyArray<string>> = {
      "examples/directives-example.yaml": [
        "/integrations/0/read/objects/0",
        "/integrations/0/read/objects/1/destination",
        "/integrations/0/read/objects/2",
      ],
      "examples/full-featured-with-directives.yaml": [
        "/integrations/0/read/objects/0/destination",
        "/integrations/0/read/objects/1/destination",
        "/integrations/0/write/objects",
        "/integrations/0/subscribe/objects/0/destination",
      ],
    }
    for (const [file, pointers] of Object.entries(covers)) {
      const text = corpusText(`validator-testdata/${file}`)
        .replace(/amp:ignore\[[^\]]*\]/g, "amp:ignore[field-duplicate]")
        .replace(/# amp:ignore$/m, "# amp:ignore[field-duplicate]")
      expect(directiveFindings(text).map((d) => d.pointer)).toEqual(pointers)
    }
  })
})

describe("directiveColumn: where the directive's comment starts on its line", () => {
  test.each([
    ["# amp:ignore", 0],
    ["    # amp:ignore[x]", 4],
    ["a: 1 # amp:ignore", 5],
    ["a: 1\t# amp:ignore", 5],
    ['a: "# amp:ignore" # amp:ignore[x]', 18],
    ["a: 'it''s # amp:ignore' # amp:ignore", 24],
    ['"k # amp:ignore": v # amp:ignore', 20],
    ['a: "x \\" # amp:ignore" # amp:ignore', 23],
    ["a: [1, # amp:ignore[y]", 7],
    ["a: b#c # amp:ignore", 7],
    ["a: don't # amp:ignore", 9],
    // The known limit: a comment that holds a second directive is placed at the second.
    ["a: x # amp:ignore[x] # amp:ignore", 21],
  ])("%j → %i", (line, column) => {
    expect(directiveColumn(line)).toBe(column)
  })
})

describe("bounded work on hostile input", () => {
  test("100k directive lines in a row: linear (each run of comment lines is scanned once), the findings capped", () => {
    const text = `specVersion: 1.0.0\n${"# amp:ignore\n".repeat(100_000)}integrations: []\n`
    const started = performance.now()
    const found = directiveFindings(text)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(found).toHaveLength(maxFindingsPerRule + 1)
    expect(found.at(-1)?.message).toBe("90000 more `ignore-directive` findings are not listed (the first 10000 are)")
  })

  test("100k distinct unknown ids in one directive: did-you-mean for the first ones only", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `unknown-kez${i}`)
    const text = `specVersion: 1.0.0 # amp:ignore[${ids.join(",")}]\nintegrations: []\n`
    const started = performance.now()
    const found = directiveFindings(text)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(found).toHaveLength(maxFindingsPerRule + 1)
    expect(found[0]).toMatchObject({ hint: "did you mean `unknown-key`?" })
    expect(found[maxFindingsPerRule - 1]?.hint).toBe("use a rule id as diagnostics show it (docs/rules.md)")
  })
})

describe("real input", () => {
  test("the Ampersand samples hold no directive; the validator's fixtures hold 7, one reported: an Ampersand id over ampkit's error", () => {
    const samples = sampleFiles().map((f) => `samples/${f}`)
    const testdata = validatorTestdataFiles().map((f) => `validator-testdata/${f}`)
    expect(samples).toHaveLength(121)
    const count = (files: ReadonlyArray<string>) =>
      files.reduce((n, f) => n + (parseSource(corpusText(f)).document?.directives.length ?? 0), 0)
    expect(count(samples)).toBe(0)
    expect(count(testdata)).toBe(7)
    // `# amp:ignore[frequent-schedule-risk]` above a */5 schedule: a warning for Ampersand's validator, an
    // error for ampkit (schedule-minimum-interval), which no directive suppresses; the directive says so.
    const example = "validator-testdata/examples/directives-example.yaml"
    for (const file of [...samples, ...testdata])
      if (file !== example) expect(directiveFindings(corpusText(file)), file).toEqual([])
    expect(directiveFindings(corpusText(example))).toMatchObject([
      {
        line: 9,
        message:
          "`amp:ignore` names `frequent-schedule-risk`, Ampersand's id for what ampkit reports as `schedule-minimum-interval`, an error: it does not suppress it",
      },
    ])
    expect(validate(corpusText(example)).errors).toBeGreaterThan(0)
  })
})

describe("the rule catalog and the renderers", () => {
  test("ignore-directive is a catalog id: a warning, reported by the suppression step", () => {
    expect(ruleDescriptions.find((r) => r.id === "ignore-directive")).toMatchObject({
      severity: "warning",
      source: "suppression",
    })
  })

  test("JSON and SARIF carry it, with its description", () => {
    const report = validate(manifest("# amp:ignore[field-dupe]"))
    expect(validationJson({ file: "amp.yaml", report }).diagnostics.map((d) => d.rule)).toContain("ignore-directive")
    const sarif = validationSarif([{ file: "amp.yaml", report }], ruleDescriptions, "0.0.0")
    const driver = sarif.runs[0]?.tool.driver
    expect(driver?.rules.map((r) => r.id)).toContain("ignore-directive")
    const result = sarif.runs[0]?.results.find((r) => r.ruleId === "ignore-directive")
    expect(result).toMatchObject({ level: "warning" })
    expect(result?.locations[0]?.physicalLocation.region).toEqual({ startLine: 5, startColumn: 5 })
  })
})

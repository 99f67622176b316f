/**
 * `# amp:ignore` directives under hostile and tricky input: many directives on one key, directives that
 * name only Ampersand's ids where there is no key, and the places a directive may sit.
 */
import { describe, expect, test } from "vitest"
import { validate } from "../../src/Validate.js"

const directiveFindings = (text: string, options = {}) =>
  validate(text, options).diagnostics.filter((d) => d.rule === "ignore-directive")

/** `n` integrations, each with an unknown key `colour` (one `unknown-key` warning each). */
const integrations = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `  - name: i${i}\n    provider: hubspot\n    colour: red\n    proxy: {enabled: true}\n`,
  ).join("")

// Sizes that took 35 s to 60 s when each finding was checked against every covering directive, and
// about a second now. No timed assertion (speed is measured in apps/bench): the results must be right at
// this scale, and vitest's test timeout stops a return of the quadratic walk.
describe("many directives over many findings: right at scale", () => {
  test("20k directive lines above one key with 5k warnings under it: each finding costs the same", () => {
    const text = `specVersion: 1.0.0\n${"# amp:ignore[unknown-key]\n".repeat(20_000)}integrations:\n${integrations(5_000)}`
    const r = validate(text)
    expect([r.warnings, r.suppressed]).toEqual([0, 5_000])
  })

  test("the same with directives that name another rule: nothing suppressed, each directive reported once", () => {
    const text = `specVersion: 1.0.0\n${"# amp:ignore[field-duplicate]\n".repeat(20_000)}integrations:\n${integrations(5_000)}`
    const r = validate(text)
    expect(r.suppressed).toBe(0)
    const found = r.diagnostics.filter((d) => d.rule === "ignore-directive")
    expect(found).toHaveLength(10_001) // capped: 10,000 listed, the rest counted
    expect(r.warnings).toBe(20_000 + 5_000)
  })

  test("one directive naming 300k ids over 10k warnings", () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `x${i}`)
    const text = `specVersion: 1.0.0\nintegrations: # amp:ignore[${ids.join(",")},unknown-key]\n${integrations(10_000)}`
    const r = validate(text)
    expect(r.suppressed).toBe(10_000)
  })
})

describe("a directive that covers no key is reported, whatever ids it names", () => {
  const manifest = `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
    proxy:
      enabled: true
`
  test.each([
    ["after the last key", `${manifest}# amp:ignore[destination-exists]\n`, 7],
    ["before `---`", `# amp:ignore[object-exists, catalog-access]\n---\n${manifest}`, 1],
    ["on the document end marker", `${manifest}... # amp:ignore[destination-exists]\n`, 7],
  ])("Ampersand's ids only, %s", (_, text, line) => {
    expect(directiveFindings(text)).toEqual([
      expect.objectContaining({ message: "`amp:ignore` covers no key, so it suppresses nothing", pointer: "", line }),
    ])
  })

  test("Ampersand's ids over a key stay silent", () => {
    expect(directiveFindings(manifest.replace("proxy:", "proxy: # amp:ignore[destination-exists]"))).toEqual([])
  })
})

describe("did-you-mean knows Ampersand's ids, which a directive may name", () => {
  test.each([
    ["destination-exist", "destination-exists"], // not our `destination-empty`
    ["frequent-schedule-risks", "frequent-schedule-risk"],
    ["object-exist", "object-exists"],
    ["catalog-acess", "catalog-access"],
    ["feild-duplicate", "field-duplicate"], // ours still win where they are closest
  ])("%s → %s", (id, near) => {
    const text = `specVersion: 1.0.0\nintegrations: []\nfoo: 1 # amp:ignore[${id}, unknown-key]\n`
    expect(directiveFindings(text)).toEqual([
      expect.objectContaining({
        message: `\`amp:ignore\` names \`${id}\`, which is not a rule id`,
        hint: `did you mean \`${near}\`?`,
      }),
    ])
  })
})

describe("which key a directive covers", () => {
  test("runs of directive and comment lines, separated by keys, each cover the key below them", () => {
    const text = `specVersion: 1.0.0
integrations:
  # amp:ignore[field-dupe-a]

  # a comment
  # amp:ignore[field-dupe-b]
  - name: syncCRM # amp:ignore[field-dupe-c]
    # amp:ignore[field-dupe-d]
    provider: hubspot
    # amp:ignore[field-dupe-e]
    # amp:ignore[field-dupe-f]
    proxy:
      enabled: true
`
    expect(directiveFindings(text).map((d) => [d.line, d.pointer])).toEqual([
      [3, "/integrations/0"],
      [6, "/integrations/0"],
      [7, "/integrations/0"],
      [8, "/integrations/0/provider"],
      [10, "/integrations/0/proxy"],
      [11, "/integrations/0/proxy"],
    ])
  })
})

describe("an Ampersand id whose finding ampkit reports under its own id", () => {
  const read = (directive: string, object: string) => `specVersion: 1.0.0
integrations:
  - name: a
    provider: hubspot
    read:
      objects:
        ${directive}
${object}`
  const fullHistory = `        - objectName: contacts
          destination: d
          schedule: "*/30 * * * *"
          backfill:
            defaultPeriod:
              fullHistory: true
`

  test("large-backfill-risk over a backfill-large info: said, with the directive that suppresses both", () => {
    const found = directiveFindings(read("# amp:ignore[large-backfill-risk]", fullHistory))
    expect(found).toMatchObject([
      {
        line: 7,
        column: 9,
        pointer: "/integrations/0/read/objects/0",
        message:
          "`amp:ignore` names `large-backfill-risk`, Ampersand's id for what ampkit reports as `backfill-large`: it does not suppress it",
        hint: "name `backfill-large` too: # amp:ignore[large-backfill-risk,backfill-large]",
      },
    ])
    const both = validate(read("# amp:ignore[large-backfill-risk,backfill-large]", fullHistory))
    expect([both.infos, both.suppressed, both.warnings]).toEqual([0, 1, 0])
  })

  test("frequent-schedule-risk over a schedule-minimum-interval error: said, errors are never suppressed", () => {
    const object = fullHistory.replace("*/30 * * * *", "*/5 * * * *")
    const found = directiveFindings(read("# amp:ignore[frequent-schedule-risk, backfill-large]", object))
    expect(found.map((d) => d.message)).toEqual([
      "`amp:ignore` names `frequent-schedule-risk`, Ampersand's id for what ampkit reports as `schedule-minimum-interval`, an error: it does not suppress it",
    ])
  })

  test("where ampkit has no such finding, the Ampersand id stays silent", () => {
    const object = fullHistory.replace(/ {10}backfill:[\s\S]*$/, "")
    expect(directiveFindings(read("# amp:ignore[large-backfill-risk, frequent-schedule-risk]", object))).toEqual([])
  })
})

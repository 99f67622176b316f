import { describe, expect, test } from "vitest"
import { validate } from "../../src/Validate.js"

const manifest = (extra: string, above = "", eol = "") => `specVersion: 1.0.0
integrations:
  - name: syncCRM
    provider: hubspot
${above ? `    ${above}\n` : ""}    colour: red${eol ? ` ${eol}` : ""}
${extra}    proxy:
      enabled: true
`

const unknownKey = (text: string, options = {}) =>
  validate(text, options).diagnostics.filter((d) => d.rule === "unknown-key")

describe("suppressions", () => {
  test("without a directive the warning counts", () => {
    const r = validate(manifest(""))
    expect(unknownKey(manifest(""))).toMatchObject([{ suppressed: false, line: 5, column: 5 }])
    expect(r.warnings).toBe(1)
  })

  test.each([
    ["a directive on the line above", "# amp:ignore[unknown-key]", ""],
    ["a bare directive above", "# amp:ignore", ""],
    ["a directive at the end of the line", "", "# amp:ignore[unknown-key]"],
    ["a list with spaces", "# amp:ignore[ destination-exists , unknown-key ]", ""],
  ])("%s suppresses, and the diagnostic is still listed", (_, above, eol) => {
    const text = manifest("", above, eol)
    const r = validate(text)
    expect(unknownKey(text)).toMatchObject([{ suppressed: true }])
    expect(r.warnings).toBe(0)
    expect(r.suppressed).toBe(1)
  })

  test("a directive for another rule does not suppress", () => {
    expect(unknownKey(manifest("", "# amp:ignore[field-duplicate]"))).toMatchObject([{ suppressed: false }])
  })

  test("a directive on an ancestor covers everything under it", () => {
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
    expect(unknownKey(text)).toMatchObject([{ suppressed: true, line: 10 }])
  })

  test("errors are never suppressed", () => {
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
    expect(r.ok).toBe(false)
  })

  test("--ignore suppresses a rule's warnings for the whole run but not errors", () => {
    const text = manifest("")
    expect(unknownKey(text, { ignore: ["unknown-key"] })).toMatchObject([{ suppressed: true }])
    const dup = `specVersion: 1.0.0
integrations:
  - name: a
    provider: hubspot
    proxy: {enabled: true}
  - name: a
    provider: hubspot
    proxy: {enabled: true}
`
    expect(validate(dup, { ignore: ["integration-name-duplicate"] }).ok).toBe(false)
  })

  test("CRLF line endings give the same diagnostics", () => {
    const text = manifest("", "# amp:ignore[unknown-key]")
    expect(validate(text.replace(/\n/g, "\r\n"))).toEqual(validate(text))
  })
})

describe("many findings of one rule", () => {
  test("200k unknown keys: the first 10000 listed, the rest counted in one finding, no crash", () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `k${i}: 1`).join("\n")
    const r = validate(`specVersion: 1.0.0\n${keys}\nintegrations: []\n`)
    const unknown = r.diagnostics.filter((d) => d.rule === "unknown-key")
    expect(unknown).toHaveLength(10_001)
    expect(unknown.at(-1)?.message).toBe("190000 more `unknown-key` findings are not listed (the first 10000 are)")
    // The closing finding says how many it stands for, and the counts include them: nothing is lost.
    expect(unknown.at(-1)?.notListed).toBe(190_000)
    expect(unknown.filter((d) => d.notListed !== undefined)).toHaveLength(1)
    expect(r.warnings).toBe(200_000)
  })

  test("one finding past the cap: counted, and worded in the singular", () => {
    const keys = Array.from({ length: 10_001 }, (_, i) => `k${i}: 1`).join("\n")
    const r = validate(`specVersion: 1.0.0\n${keys}\nintegrations: []\n`)
    const unknown = r.diagnostics.filter((d) => d.rule === "unknown-key")
    expect(unknown.at(-1)).toMatchObject({
      message: "1 more `unknown-key` finding is not listed (the first 10000 are)",
      notListed: 1,
    })
    expect(r.warnings).toBe(10_001)
  })

  test("errors past the cap count as errors, and suppressed ones as suppressed", () => {
    const integrations = Array.from({ length: 10_050 }, (_, i) => `  - name: i${i}`).join("\n")
    const r = validate(`specVersion: 1.0.0\nintegrations:\n${integrations}\n`)
    // Each integration lacks `provider` and `read`/`write`/`subscribe`: counted once per finding.
    const listed = r.diagnostics.reduce((n, d) => n + (d.notListed ?? 1), 0)
    expect(r.errors).toBe(listed)
    expect(r.errors).toBeGreaterThan(10_050)
    const warned = validate(
      `specVersion: 1.0.0\n${Array.from({ length: 10_005 }, (_, i) => `k${i}: 1`).join("\n")}\nintegrations: []\n`,
      {
        ignore: ["unknown-key"],
      },
    )
    expect(warned.suppressed).toBe(10_005)
    expect(warned.warnings).toBe(0)
  })
})

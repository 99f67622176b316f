/**
 * A document of another kind given to validate is one finding at the root that names what it looks
 * like, with a hint toward the command that takes it (Validate.ts otherKindFinding), on the real inputs.
 */
import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { validate } from "../../src/Validate.js"

const fixture = (file: string): string =>
  readFileSync(new URL(`../fixtures/plan/installations/${file}`, import.meta.url), "utf8")

const rootFinding = (text: string) => {
  const report = validate(text)
  expect(report.diagnostics).toHaveLength(1)
  return report.diagnostics[0]!
}

describe("validate: a document of another kind", () => {
  test("list-integrations: named, with diff and plan --current as the way to use it", () => {
    const d = rootFinding(fixture("current.json"))
    expect(d).toMatchObject({ rule: "wrong-type", severity: "error", pointer: "", line: 1, column: 1 })
    expect(d.message).toBe("expected an amp.yaml manifest, but this looks like an integration list (from the API)")
    expect(d.hint).toContain("ampkit plan --current")
  })

  test("list-installations: named as installations, with plan --installations as the way to use it", () => {
    const d = rootFinding(fixture("installations.json"))
    expect(d.message).toBe("expected an amp.yaml manifest, but this looks like a list of installations (from the API)")
    expect(d.hint).toBe("ampkit plan takes it as --installations")
  })

  test("an empty array stays an integration list", () => {
    expect(rootFinding("[]").message).toBe(
      "expected an amp.yaml manifest, but this looks like an integration list (from the API)",
    )
  })
})

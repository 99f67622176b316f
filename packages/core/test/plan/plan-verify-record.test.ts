/** decodePlanRecord: a file that is not a plan gets a message naming what it is or what it lacks. */
import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { decodePlanRecord } from "../../src/PlanVerify.js"

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/plan/${name}`, import.meta.url), "utf8"))

const message = (value: unknown): string => {
  const decoded = decodePlanRecord(value)
  if (decoded.ok) throw new Error("decoded")
  return decoded.message
}

describe("decodePlanRecord", () => {
  test("a plan decodes", () => {
    const decoded = decodePlanRecord({ planId: "p", integrations: [{ name: "a", action: "update", revision: "r" }] })
    expect(decoded).toEqual({
      ok: true,
      plan: { planId: "p", integrations: [{ name: "a", action: "update", revision: "r" }] },
    })
  })

  test.each([
    [[], "expected a plan (ampkit plan --format json), but this looks like an integration list (from the API)"],
    ["x", "expected a plan (ampkit plan --format json), but got a string"],
    [{}, "expected a plan (ampkit plan --format json), but it has no `planId`"],
    [{ planId: "p" }, "expected a plan (ampkit plan --format json), but it has no `integrations` list"],
    [
      { planId: "p", integrations: [{ name: "a", action: "create" }, 5] },
      "expected a plan (ampkit plan --format json), but integrations[1] is a number, not a mapping",
    ],
    [
      { planId: "p", integrations: [{ action: "create" }] },
      "expected a plan (ampkit plan --format json), but integrations[0] has no `name` string",
    ],
    [
      { planId: "p", integrations: [{ name: "a", action: "delete" }] },
      "expected a plan (ampkit plan --format json), but integrations[0].action is not one of create, update, unchanged, orphan",
    ],
    [
      { planId: 1, integrations: [{ name: "a", action: "orphan" }] },
      "expected a plan (ampkit plan --format json), but `planId` is not a string",
    ],
  ])("%j: %s", (value, expected) => {
    expect(message(value)).toBe(expected)
  })

  test("a plan that ampkit plan never writes is refused: an integration twice, an update without its revision", () => {
    const twice = {
      planId: "p",
      integrations: [
        { name: "a", action: "update", revision: "r1" },
        { name: "b", action: "create" },
        { name: "a", action: "create" },
        { name: "a", action: "orphan", revision: "r1" },
      ],
    }
    expect(message(twice)).toBe(
      "the plan cannot be verified: integrations[2] lists `a` again (first at integrations[0]): a plan lists each integration once; make the plan again",
    )
    for (const action of ["update", "unchanged"])
      expect(message({ planId: "p", integrations: [{ name: "a\u0001", action }] })).toBe(
        `the plan cannot be verified: integrations[0] (\`a\\u{1}\`, ${action}) has no \`revision\`: a plan records the live revision each update was made against; make the plan again`,
      )
    // Creates and orphans need none (a create has no live revision; an orphan is never sent).
    expect(
      decodePlanRecord({
        planId: "p",
        integrations: [
          { name: "a", action: "create" },
          { name: "b", action: "orphan" },
        ],
      }).ok,
    ).toBe(true)
  })

  test("a manifest with no integrations is no plan (it has no planId)", () => {
    expect(message({ specVersion: "1.0.0", integrations: [] })).toBe(
      "expected a plan (ampkit plan --format json), but this looks like a manifest (amp.yaml)",
    )
  })

  test("the live integration list and a manifest are named as what they are", () => {
    const live = fixture("installations/current.json")
    expect(message(live)).toMatch(/but this looks like an integration list \(from the API\)$/)
    expect(message({ specVersion: "1.0.0", integrations: [{ name: "a", provider: "hubspot" }] })).toMatch(
      /but this looks like a manifest \(amp\.yaml\)$/,
    )
  })
})

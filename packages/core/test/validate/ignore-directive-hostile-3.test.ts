/**
 * `# amp:ignore[large-backfill-risk]` (Ampersand's id) over a `backfill-large` finding (ampkit's): said
 * only where that finding is shown, not where another directive or `--ignore` suppresses it anyway.
 */
import { describe, expect, test } from "vitest"
import { validate } from "../../src/Validate.js"

const counterpart = (text: string, ignore: ReadonlyArray<string> = []) =>
  validate(text, { ignore })
    .diagnostics.filter((d) => d.rule === "ignore-directive")
    .map((d) => [d.line, d.column, d.message])

const object = (name: string, directive = "") => `        - objectName: ${name}
          destination: d
          schedule: "*/30 * * * *"
          backfill:${directive}
            defaultPeriod:
              fullHistory: true
`
const manifest = (read: string, objects: string) => `specVersion: 1.0.0
integrations:
  - name: a
    provider: hubspot
    read: ${read}
      objects:
${objects}`

const missed =
  "`amp:ignore` names `large-backfill-risk`, Ampersand's id for what ampkit reports as `backfill-large`: it does not suppress it"

describe("an Ampersand id over a finding suppressed anyway", () => {
  test("--ignore backfill-large: the finding is suppressed, the directive is not reported", () => {
    const text = manifest("# amp:ignore[large-backfill-risk]", object("contacts"))
    expect(counterpart(text)).toEqual([[5, 11, missed]])
    const r = validate(text, { ignore: ["backfill-large"] })
    expect(counterpart(text, ["backfill-large"])).toEqual([])
    expect([r.warnings, r.infos, r.suppressed]).toEqual([0, 0, 1])
  })

  test("a second directive on the same key names backfill-large (one per validator): silent", () => {
    const text = manifest("", object("contacts", " # amp:ignore[backfill-large]")).replace(
      "          backfill:",
      "          # amp:ignore[large-backfill-risk]\n          backfill:",
    )
    const r = validate(text)
    expect([r.warnings, r.infos, r.suppressed]).toEqual([0, 0, 1])
    expect(counterpart(text)).toEqual([])
  })

  test("an ancestor names backfill-large: the object's Ampersand-only directive is silent", () => {
    const text = manifest("# amp:ignore[backfill-large]", object("contacts", " # amp:ignore[large-backfill-risk]"))
    expect(counterpart(text)).toEqual([])
  })

  test("one covered object suppressed, another not: the ancestor directive still says it misses one", () => {
    // The suppressed finding comes first: it must not hide the unsuppressed one after it.
    const text = manifest(
      "# amp:ignore[large-backfill-risk]",
      object("contacts", " # amp:ignore[backfill-large]") + object("deals"),
    )
    const r = validate(text)
    expect([r.infos, r.suppressed]).toEqual([1, 1])
    expect(counterpart(text)).toEqual([[5, 11, missed]])
  })

  test("several objects under one directive: one finding for the directive", () => {
    const text = manifest(
      "# amp:ignore[large-backfill-risk, large-backfill-risk]",
      object("a") + object("b") + object("c"),
    )
    expect(counterpart(text)).toEqual([[5, 11, missed]])
  })
})

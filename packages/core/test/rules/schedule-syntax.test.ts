import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { neverRuns, parseCron } from "../../src/Cron.js"
import { maxMessageLength } from "../../src/internal/quote.js"
import { scheduleSyntax } from "../../src/rules/schedule-syntax.js"
import { describeFixtures, expectWellFormed, run } from "./harness.js"

describeFixtures(scheduleSyntax)

const withSchedule = (schedule: string, objectName = "contact") => ({
  specVersion: "1.0.0",
  integrations: [
    { name: "a", provider: "salesforce", read: { objects: [{ objectName, destination: "d", schedule }] } },
  ],
})

const neverOf = (text: string): string | undefined => {
  const parsed = parseCron(text)
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`)
  return neverRuns(parsed.cron)
}

describe("a schedule that never runs is a schedule-syntax error, saying why", () => {
  test.each([
    ["0 0 30 2 *", "February has no day 30"],
    ["0 0 31 2 *", "February has no day 31"],
    ["0 0 30,31 2 *", "February has no day 30 or 31"],
    ["0 0 31 4,6 *", "April and June have no day 31"],
    ["0 0 31 2,4,6,9,11 *", "February, April, June, September and November have no day 31"],
    ["0 0 31 FEB *", "February has no day 31"],
    ["*/30 * 30 2 */2", "February has no day 30"],
  ])("%s: %s", (schedule, why) => {
    expect(neverOf(schedule)).toBe(why)
    const findings = run(scheduleSyntax, withSchedule(schedule))
    expectWellFormed(scheduleSyntax, findings)
    expect(findings.map((f) => [f.severity, f.pointer])).toEqual([["error", "/integrations/0/read/objects/0/schedule"]])
    expect(findings[0]?.message).toContain(`never runs: ${why}`)
  })

  test.each([
    "0 0 29 2 *", // leap years
    "0 0 31 * *",
    "0 0 L 2 *",
    "0 0 30W 2 *", // the weekday nearest to the 30th within February: the 28th or 29th when one is a weekday
    "0 0 31W 2 *",
    "0 0 * 2 1#5", // a fifth Monday of February exists in some leap years
    "0 0 30 2 1", // day-of-month OR day-of-week: every Monday of February
    "0 0 1 1 *",
  ])("%s runs at some point: no finding", (schedule) => {
    expect(neverOf(schedule)).toBeUndefined()
    expect(run(scheduleSyntax, withSchedule(schedule))).toEqual([])
  })
})

describe("steps: gronx reads them as int64 (strconv.Atoi)", () => {
  test.each([
    ["*/9223372036854775807 * * * *", true],
    ["*/09223372036854775807 * * * *", true],
    ["*/0000000000000000000000000000001 * * * *", true],
    ["*/9223372036854775808 * * * *", false],
    ["*/99999999999999999999 * * * *", false],
    [`0-59/${"9".repeat(50_000)} * * * *`, false],
  ])("%s valid: %s", (schedule, ok) => {
    const parsed = parseCron(schedule)
    expect(parsed.ok).toBe(ok)
    if (!parsed.ok) {
      expect(parsed.error.message).toMatch(/^minute step in `.{1,12}…?` is too large$/)
      expect(parsed.error.hint).toContain("9223372036854775807")
    }
  })

  test("a step with leading zeros is the number it writes (gronx's Atoi ignores them)", () => {
    const parsed = parseCron("*/0000000015 * * * *")
    expect(parsed.ok && parsed.cron.minutes).toEqual([0, 15, 30, 45])
  })
})

describe("messages stay within 120 characters whatever the schedule and the object name", () => {
  const pieces = ["*", "*/5", "60", "MON-", "@daily", "0-59/99999999999999999999", "31W", "9#9", "5-1", "L", "x", ","]
  test("generated schedules and long, hostile object names", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: "binary", maxLength: 300 }),
        (fields, name) => {
          const findings = run(scheduleSyntax, withSchedule(fields.join(" "), name))
          expectWellFormed(scheduleSyntax, findings)
          for (const f of findings) expect(f.message.length).toBeLessThanOrEqual(maxMessageLength)
        },
      ),
      { numRuns: 500, seed: 20260822 },
    )
  })

  test("a real schedule and a real object name are quoted whole or nearly (the object label gives way first)", () => {
    const name = "AMPERSAND-event-occurrences-e_form_view_v2" // a real HubSpot object name, 42 characters
    for (const [schedule, detail] of [
      ["* * * * * *", "it has 6 fields, cron needs 5"],
      ["0 0 * FRI *", "month `FRI` is not a number or a month name"],
      ["* * * * JAN", "day-of-week `JAN` is not a number or a day name"],
    ] as const) {
      const [finding] = run(scheduleSyntax, withSchedule(schedule, name))
      expect(finding?.message).toMatch(
        new RegExp(
          `^schedule \`${schedule.replace(/\*/g, "\\*")}\` of read object \`AMPERSAND-event-.{0,24}\` is invalid: ${detail}$`,
        ),
      )
    }
  })

  test("the longest details fit next to a long schedule and a long name", () => {
    for (const schedule of [
      `0 0 31 2,4,6,9,11 *${" ".repeat(50)}`,
      `${"1,".repeat(100)}x * * * *`,
      `0 0 * * ${"MON-".repeat(50)}`,
      "0 0 * * 9#9",
      "@everysecond",
      "1 2 3 4 5 6 7",
    ]) {
      const [finding] = run(scheduleSyntax, withSchedule(schedule, `\u0000${"😀".repeat(80)}`))
      expect(finding?.message.length, schedule).toBeLessThanOrEqual(maxMessageLength)
      expect(finding?.message).toMatch(/is invalid: |never runs: /)
    }
  })
})

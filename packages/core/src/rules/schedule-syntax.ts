import { neverRuns, parseCron } from "../Cron.js"
import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { schedules } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A read object's `schedule` or a `watchSchema.schedule` that is not a valid 5-field cron (domain
 * C1, C2; syntax of Cron.ts), or that is valid but never runs (`0 0 30 2 *`: February has no day 30),
 * which is surely a mistake: the object would never be read. `schedule: ''` means "no schedule" and is
 * not checked.
 */
export const scheduleSyntax: Rule = withServerKeys({
  id: "schedule-syntax",
  severity: "error",
  summary: "A schedule is not a valid 5-field cron, a field is out of range, or it never runs.",
  domain: ["C1", "C2"],
  *check(ctx) {
    for (const schedule of schedules(ctx.value)) {
      const parsed = parseCron(schedule.text)
      const never = parsed.ok ? neverRuns(parsed.cron) : undefined
      if (parsed.ok && never === undefined) continue
      const what = parsed.ok ? `never runs: ${never}` : `is invalid: ${parsed.error.message}`
      yield {
        rule: "schedule-syntax",
        severity: "error",
        message: fitMessage(
          (max, labelMax) => `schedule ${quote(schedule.text, max)} of ${schedule.ownerOf(labelMax)} ${what}`,
        ),
        pointer: schedule.pointer,
        hint: parsed.ok
          ? "pick a day of the month that every chosen month has, e.g. 0 0 28 2 *"
          : (parsed.error.hint ?? "write 5 fields: minute hour day-of-month month day-of-week, e.g. */10 * * * *"),
      }
    }
  },
})

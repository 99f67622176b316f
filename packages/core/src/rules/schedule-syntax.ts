import { parseCron } from "../Cron.js"
import { quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { schedules } from "./walk.js"

/**
 * A read object's `schedule` or a `watchSchema.schedule` that is not a valid 5-field cron (domain
 * C1, C2; syntax of Cron.ts). `schedule: ''` means "no schedule" and is not checked.
 */
export const scheduleSyntax: Rule = {
  id: "schedule-syntax",
  severity: "error",
  summary: "A schedule is not a valid 5-field cron, or a field is out of range.",
  domain: ["C1", "C2"],
  *check(ctx) {
    for (const schedule of schedules(ctx.value)) {
      const parsed = parseCron(schedule.text)
      if (parsed.ok) continue
      yield {
        rule: "schedule-syntax",
        severity: "error",
        message: `schedule ${quote(schedule.text)} of ${schedule.owner} is not valid cron: ${parsed.error.message}`,
        pointer: schedule.pointer,
        hint: parsed.error.hint ?? "write 5 fields: minute hour day-of-month month day-of-week, e.g. */10 * * * *",
      }
    }
  },
}

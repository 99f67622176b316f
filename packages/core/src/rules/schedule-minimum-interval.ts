import { formatGap, parseCron, shortestGap } from "../Cron.js"
import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { schedules } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** Ampersand's production minimum between two scheduled reads, in minutes. */
export const minimumReadInterval = 10

/**
 * A read schedule with two consecutive runs less than 10 minutes apart anywhere in the calendar
 * (domain C3–C5): `*` or `*\/5` in the minute field, but also irregular lists such as `0,5 * * * *`
 * and day boundaries (`0,55 0,23 * * *` runs at 23:55 and 00:00). The message gives the shortest gap.
 */
export const scheduleMinimumInterval: Rule = withServerKeys({
  id: "schedule-minimum-interval",
  severity: "error",
  summary: "A read schedule runs twice within 10 minutes somewhere in its cycle.",
  domain: ["C3", "C4", "C5"],
  *check(ctx) {
    for (const schedule of schedules(ctx.value)) {
      if (schedule.kind !== "read") continue
      const parsed = parseCron(schedule.text)
      if (!parsed.ok) continue
      const gap = shortestGap(parsed.cron)
      if (gap === undefined || gap >= minimumReadInterval) continue
      yield {
        rule: "schedule-minimum-interval",
        severity: "error",
        message: fitMessage(
          (max, labelMax) =>
            `schedule ${quote(schedule.text, max)} of ${schedule.ownerOf(labelMax)} runs ${formatGap(gap)} apart at its closest; the minimum is ${minimumReadInterval}`,
        ),
        pointer: schedule.pointer,
        hint: "space runs at least 10 minutes apart, e.g. */10 * * * *",
      }
    }
  },
})

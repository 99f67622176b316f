import { formatGap, parseCron, shortestGap } from "../Cron.js"
import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { schedules } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** The most often `watchSchema` may check: once per hour. */
export const minimumWatchSchemaInterval = 60

/** A `watchSchema.schedule` that runs more than once per hour somewhere in its cycle (domain C8). */
export const watchSchemaSchedule: Rule = withServerKeys({
  id: "watch-schema-schedule",
  severity: "error",
  summary: "watchSchema.schedule runs more than once per hour.",
  domain: ["C8"],
  *check(ctx) {
    for (const schedule of schedules(ctx.value)) {
      if (schedule.kind !== "watchSchema") continue
      const parsed = parseCron(schedule.text)
      if (!parsed.ok) continue
      const gap = shortestGap(parsed.cron)
      if (gap === undefined || gap >= minimumWatchSchemaInterval) continue
      yield {
        rule: "watch-schema-schedule",
        severity: "error",
        message: fitMessage(
          (max) =>
            `watchSchema schedule ${quote(schedule.text, max)} runs ${formatGap(gap)} apart at its closest; at most hourly is allowed`,
        ),
        pointer: schedule.pointer,
        hint: "use at most one run per hour, e.g. 0 * * * * (hourly) or 0 */24 * * * (the default, daily)",
      }
    }
  },
})

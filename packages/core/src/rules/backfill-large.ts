import { effectiveModule } from "../Catalog.js"
import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, hasKey, integrations, member, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** Backfills longer than this many days get the advice (Ampersand's validator uses 180). */
export const largeBackfillDays = 180

/**
 * A backfill of more than 180 days or the full history (domain B4): the first read of every new
 * installation takes long and spends provider API quota. Advice only. Not given where the provider
 * leaves no choice or another rule already refuses the backfill: Snowflake (full history is the only
 * option) and Google Calendar `events` (rule `google-calendar-backfill`; also when `module: null`
 * leaves the module undecided, walk.ts); nor when `days` and `fullHistory` are both written
 * (rule `backfill-config`, or a `null` the shape decoder reports).
 */
export const backfillLarge: Rule = withServerKeys({
  id: "backfill-large",
  severity: "info",
  summary: "A backfill of more than 180 days or of the full history.",
  domain: ["B4"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      // Without a string provider (the shape decoder's) the exemptions below cannot be decided.
      if (integration.provider === undefined || integration.provider === "snowflake") continue
      const googleCalendar =
        integration.provider === "google" &&
        (!integration.moduleKnown || effectiveModule("google", integration.module, ctx.modules) === "calendar")
      for (const object of actionObjects(integration, "read")) {
        if (googleCalendar && object.name === "events") continue
        const backfill = recordMember(object.value, "backfill")
        const period = backfill === undefined ? undefined : recordMember(backfill, "defaultPeriod")
        if (period === undefined || (hasKey(period, "days") && hasKey(period, "fullHistory"))) continue
        const pointer = at(object.pointer, "backfill", "defaultPeriod")
        const days = member(period, "days")
        if (typeof days === "number" && Number.isInteger(days) && days > largeBackfillDays)
          yield {
            rule: "backfill-large",
            severity: "info",
            message: fitMessage(
              (max) => `${object.labelOf(max)} backfills ${days} days: a long first read for every new installation`,
            ),
            pointer: at(pointer, "days"),
            hint: `consider ${largeBackfillDays} days or fewer if older data is not needed`,
          }
        if (member(period, "fullHistory") === true)
          yield {
            rule: "backfill-large",
            severity: "info",
            message: fitMessage(
              (max) =>
                `${object.labelOf(max)} backfills its full history: a long first read for every new installation`,
            ),
            pointer: at(pointer, "fullHistory"),
            hint: "consider days: N if recent data is enough",
          }
      }
    }
  },
})

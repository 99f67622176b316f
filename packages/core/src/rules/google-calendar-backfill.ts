import { effectiveModule } from "../Catalog.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, member, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** Longest backfill the Google Calendar API allows for `events`, in days. */
export const maxGoogleCalendarBackfillDays = 28

/**
 * Google Calendar (`provider: google` with module `calendar`, the provider's default) `events`
 * read object with `fullHistory: true` (domain P5) or `days` over 28 (P6). Ampersand's validator
 * keys this on a provider `googlecalendar` that the catalog does not have (domain Q8).
 */
export const googleCalendarBackfill: Rule = withServerKeys({
  id: "google-calendar-backfill",
  severity: "error",
  summary: "Google Calendar events backfill uses fullHistory or more than 28 days.",
  domain: ["P5", "P6"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      // `module: null` is the shape decoder's wrong-type; which module is meant is then unknown.
      if (integration.provider !== "google" || !integration.moduleKnown) continue
      if (effectiveModule("google", integration.module, ctx.modules) !== "calendar") continue
      for (const object of actionObjects(integration, "read")) {
        if (object.name !== "events") continue
        const backfill = recordMember(object.value, "backfill")
        const period = backfill === undefined ? undefined : recordMember(backfill, "defaultPeriod")
        if (period === undefined) continue
        const pointer = at(object.pointer, "backfill", "defaultPeriod")
        if (member(period, "fullHistory") === true)
          yield {
            rule: "google-calendar-backfill",
            severity: "error",
            message: "Google Calendar `events` cannot backfill full history; the API allows 28 days at most",
            pointer: at(pointer, "fullHistory"),
            hint: `replace fullHistory with days: ${maxGoogleCalendarBackfillDays} or fewer`,
          }
        const days = member(period, "days")
        if (typeof days === "number" && days > maxGoogleCalendarBackfillDays)
          yield {
            rule: "google-calendar-backfill",
            severity: "error",
            message: `Google Calendar \`events\` backfills ${days} days; the API allows ${maxGoogleCalendarBackfillDays} at most`,
            pointer: at(pointer, "days"),
            hint: `set days: ${maxGoogleCalendarBackfillDays} or fewer`,
          }
      }
    }
  },
})

import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { eventKeys, presentEvents } from "./subscribeEvents.js"
import { actionObjects, integrations, isNull, member } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A subscribe object with no event block and no `otherEvents` (domain S12): a valid base
 * definition that subscribes to nothing until an installation's config turns events on. An event
 * block without `enabled` is `event-enabled`'s, so such objects are not reported here; nor are
 * objects with a `null` event block or `otherEvents` (the shape decoder's `wrong-type`: whether they
 * subscribe to something is not known until it has a value).
 */
export const subscribeMinimumEvents: Rule = withServerKeys({
  id: "subscribe-minimum-events",
  severity: "info",
  summary: "A subscribe object has no event and no otherEvents (a base definition).",
  domain: ["S12"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        if (presentEvents(object.value).length > 0) continue
        if (eventKeys.some((key) => isNull(object.value, key))) continue
        const other = member(object.value, "otherEvents")
        if (other !== undefined && !(Array.isArray(other) && other.length === 0)) continue
        yield {
          rule: "subscribe-minimum-events",
          severity: "info",
          message: fitMessage((max) => `${object.labelOf(max)} has no events: installations must turn them on`),
          pointer: object.pointer,
          hint: "to subscribe by default, add createEvent / updateEvent / deleteEvent with enabled: always",
        }
      }
    }
  },
})

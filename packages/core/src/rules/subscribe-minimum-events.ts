import type { Rule } from "./Rule.js"
import { presentEvents } from "./subscribeEvents.js"
import { actionObjects, integrations, member } from "./walk.js"

/**
 * A subscribe object with no event block and no `otherEvents` (domain S12): a valid base
 * definition that subscribes to nothing until an installation's config turns events on. An event
 * block without `enabled` is `event-enabled`'s, so such objects are not reported here.
 */
export const subscribeMinimumEvents: Rule = {
  id: "subscribe-minimum-events",
  severity: "info",
  summary: "A subscribe object has no event and no otherEvents (a base definition).",
  domain: ["S12"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        if (presentEvents(object.value).length > 0) continue
        const other = member(object.value, "otherEvents")
        if (other !== undefined && other !== null && !(Array.isArray(other) && other.length === 0)) continue
        yield {
          rule: "subscribe-minimum-events",
          severity: "info",
          message: `${object.label} has no events: installations must turn them on`,
          pointer: object.pointer,
          hint: "to subscribe by default, add createEvent / updateEvent / deleteEvent with enabled: always",
        }
      }
    }
  },
}

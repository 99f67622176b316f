import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, hasKey, integrations, member, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * An `updateEvent` that watches no field, with neither a non-empty `requiredWatchFields` nor
 * `watchFieldsAuto` (domain S8), or one that sets both (S9).
 */
export const updateEventWatchFields: Rule = withServerKeys({
  id: "update-event-watch-fields",
  severity: "error",
  summary: "updateEvent has neither or both of requiredWatchFields and watchFieldsAuto.",
  domain: ["S8", "S9"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        const event = recordMember(object.value, "updateEvent")
        if (event === undefined) continue
        const pointer = at(object.pointer, "updateEvent")
        const watchFields = member(event, "requiredWatchFields")
        const emptyWatchFields =
          !hasKey(event, "requiredWatchFields") || (Array.isArray(watchFields) && watchFields.length === 0)
        const auto = member(event, "watchFieldsAuto")
        if (emptyWatchFields && !hasKey(event, "watchFieldsAuto"))
          yield {
            rule: "update-event-watch-fields",
            severity: "error",
            message: fitMessage((max) => `updateEvent of ${object.labelOf(max)} watches no field`),
            pointer,
            hint: "add watchFieldsAuto: all (or selected), or list requiredWatchFields",
          }
        else if (Array.isArray(watchFields) && watchFields.length > 0 && (auto === "all" || auto === "selected"))
          yield {
            rule: "update-event-watch-fields",
            severity: "error",
            message: fitMessage(
              (max) => `updateEvent of ${object.labelOf(max)} sets both requiredWatchFields and watchFieldsAuto`,
            ),
            pointer: at(pointer, "watchFieldsAuto"),
            hint: "keep one of requiredWatchFields and watchFieldsAuto",
          }
      }
    }
  },
})

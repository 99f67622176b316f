import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { eventKeys } from "./subscribeEvents.js"
import { actionObjects, at, hasKey, integrations, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * An event block without `enabled` (domain S6): Ampersand's CLI refuses it, and without it the
 * server subscribes to nothing by default.
 */
export const eventEnabled: Rule = withServerKeys({
  id: "event-enabled",
  severity: "warning",
  summary: "A subscribe event block has no enabled key.",
  domain: ["S6"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        for (const key of eventKeys) {
          const event = recordMember(object.value, key)
          if (event === undefined || hasKey(event, "enabled")) continue
          yield {
            rule: "event-enabled",
            severity: "warning",
            message: fitMessage((max) => `${key} of ${object.labelOf(max)} has no enabled`),
            pointer: at(object.pointer, key),
            at: "key",
            hint: "add enabled: always (Ampersand's CLI requires it)",
          }
        }
      }
    }
  },
})

import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { eventList, presentEvents, recordEventKeys } from "./subscribeEvents.js"
import { actionObjects, at, integrations, isSet, readObjectNames } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A subscribe object with create / update / delete events and no read object of the same
 * `objectName` (domain S4): events deliver the read object's fields. Objects with only
 * `otherEvents` (or only an association event) are exempt; an integration without `read` is
 * `subscribe-requires-read`'s.
 */
export const subscribeReadObjectMissing: Rule = withServerKeys({
  id: "subscribe-read-object-missing",
  severity: "error",
  summary: "A subscribe object with create/update/delete events has no read object of the same name.",
  domain: ["S4"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      if (!isSet(integration.value, "read")) continue
      const readNames = readObjectNames(integration)
      if (readNames === undefined) continue
      for (const object of actionObjects(integration, "subscribe")) {
        const name = object.name
        if (name === undefined || name === "" || readNames.has(name)) continue
        const events = presentEvents(object.value, recordEventKeys)
        if (events.length === 0) continue
        yield {
          rule: "subscribe-read-object-missing",
          severity: "error",
          message: fitMessage(
            (max) =>
              `${object.labelOf(max)} has ${eventList(events)} but its integration has no read object of that name`,
          ),
          pointer: at(object.pointer, "objectName"),
          hint: fitMessage((max) => `add a read object ${quote(name, max)} (names are case-sensitive)`),
        }
      }
    }
  },
})

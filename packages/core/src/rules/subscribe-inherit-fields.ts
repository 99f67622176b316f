import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { eventList, presentEvents } from "./subscribeEvents.js"
import { actionObjects, at, hasKey, integrations, member } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A subscribe object with a create / update / delete / association event whose
 * `inheritFieldsAndMapping` is not `true` (domain S3): in spec 1.0.0 events carry the read object's
 * fields. Objects with only `otherEvents`, or no events, are exempt. A non-boolean value (`null`
 * included) is the shape decoder's.
 */
export const subscribeInheritFields: Rule = withServerKeys({
  id: "subscribe-inherit-fields",
  severity: "error",
  summary: "A subscribe object with create/update/delete/association events lacks inheritFieldsAndMapping: true.",
  domain: ["S3"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        const events = presentEvents(object.value)
        if (events.length === 0) continue
        // true, or a value of the wrong type (null included), which is the shape decoder's.
        const inherit = member(object.value, "inheritFieldsAndMapping")
        if (inherit !== undefined && inherit !== false) continue
        yield {
          rule: "subscribe-inherit-fields",
          severity: "error",
          message: fitMessage(
            (max) => `${object.labelOf(max)} has ${eventList(events)} but not inheritFieldsAndMapping: true`,
          ),
          pointer: hasKey(object.value, "inheritFieldsAndMapping")
            ? at(object.pointer, "inheritFieldsAndMapping")
            : object.pointer,
          hint: "set inheritFieldsAndMapping: true (the only value spec 1.0.0 supports)",
        }
      }
    }
  },
})

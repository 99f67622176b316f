import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** A read object with a `delivery` block: delivery modes are deprecated (domain D4). */
export const deliveryDeprecated: Rule = withServerKeys({
  id: "delivery-deprecated",
  severity: "warning",
  summary: "A read object uses the deprecated delivery block.",
  domain: ["D4"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        if (recordMember(object.value, "delivery") === undefined) continue
        yield {
          rule: "delivery-deprecated",
          severity: "warning",
          message: fitMessage(
            (max) => `${object.labelOf(max)} of ${integration.labelOf(max)} uses delivery, which is deprecated`,
          ),
          pointer: at(object.pointer, "delivery"),
          at: "key",
          hint: "remove the delivery block; records are then delivered as they are read",
        }
      }
    }
  },
})

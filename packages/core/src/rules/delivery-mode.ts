import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, isNull, isSet, member, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

export const minimumPageSize = 50
export const maximumPageSize = 500

/**
 * `delivery.pageSize` with mode `auto` (the default when `mode` is absent) (domain D2), or mode
 * `onRequest` without a `pageSize` between 50 and 500 (D3). An invalid mode and a pageSize that is
 * not an integer are the shape decoder's (`invalid-value`, `wrong-type`); so is a `null` mode or
 * pageSize, which leaves the pairing undecided (walk.ts): nothing is reported here then.
 */
export const deliveryMode: Rule = withServerKeys({
  id: "delivery-mode",
  severity: "error",
  summary: "pageSize with delivery mode auto, or missing / outside 50–500 with onRequest.",
  domain: ["D2", "D3"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        const delivery = recordMember(object.value, "delivery")
        if (delivery === undefined) continue
        if (isNull(delivery, "mode") || isNull(delivery, "pageSize")) continue
        const pointer = at(object.pointer, "delivery")
        const mode = isSet(delivery, "mode") ? member(delivery, "mode") : "auto"
        const hasPageSize = isSet(delivery, "pageSize")
        const pageSize = member(delivery, "pageSize")
        if (mode === "auto" && hasPageSize)
          yield {
            rule: "delivery-mode",
            severity: "error",
            message: fitMessage(
              (max) =>
                `delivery of ${object.labelOf(max)} sets pageSize, which needs mode onRequest${isSet(delivery, "mode") ? "" : " (mode defaults to auto)"}`,
            ),
            pointer: at(pointer, "pageSize"),
            hint: "remove pageSize, or set mode: onRequest",
          }
        else if (mode === "onRequest" && !hasPageSize)
          yield {
            rule: "delivery-mode",
            severity: "error",
            message: fitMessage((max) => `delivery of ${object.labelOf(max)} has mode onRequest but no pageSize`),
            pointer,
            hint: `add pageSize: a number from ${minimumPageSize} to ${maximumPageSize}`,
          }
        else if (
          mode === "onRequest" &&
          typeof pageSize === "number" &&
          Number.isInteger(pageSize) &&
          (pageSize < minimumPageSize || pageSize > maximumPageSize)
        )
          yield {
            rule: "delivery-mode",
            severity: "error",
            message: fitMessage(
              (max) =>
                `delivery pageSize ${pageSize} of ${object.labelOf(max)} is outside ${minimumPageSize}–${maximumPageSize}`,
            ),
            pointer: at(pointer, "pageSize"),
            hint: `use a pageSize from ${minimumPageSize} to ${maximumPageSize}`,
          }
      }
    }
  },
})

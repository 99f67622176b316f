import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, stringMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** An empty `destination` on a read or subscribe object (domain R3, S5). A missing one is `missing-key`. */
export const destinationEmpty: Rule = withServerKeys({
  id: "destination-empty",
  severity: "error",
  summary: "A read or subscribe object has an empty destination.",
  domain: ["R3", "S5"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const action of ["read", "subscribe"] as const) {
        for (const object of actionObjects(integration, action)) {
          if (stringMember(object.value, "destination") !== "") continue
          yield {
            rule: "destination-empty",
            severity: "error",
            message: fitMessage(
              (max) => `${object.labelOf(max)} of ${integration.labelOf(max)} has an empty destination`,
            ),
            pointer: at(object.pointer, "destination"),
            hint: "name a destination of your Ampersand project",
          }
        }
      }
    }
  },
})

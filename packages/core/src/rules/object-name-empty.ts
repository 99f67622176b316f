import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** An empty `objectName` on a read, write or subscribe object (domain R2, W2, S5). A missing one is `missing-key`. */
export const objectNameEmpty: Rule = withServerKeys({
  id: "object-name-empty",
  severity: "error",
  summary: "A read, write or subscribe object has an empty objectName.",
  domain: ["R2", "W2", "S5"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const action of ["read", "write", "subscribe"] as const) {
        for (const object of actionObjects(integration, action)) {
          if (object.name !== "") continue
          yield {
            rule: "object-name-empty",
            severity: "error",
            message: fitMessage(
              (max) => `${object.labelOf(max)} of ${integration.labelOf(max)} has an empty objectName`,
            ),
            pointer: at(object.pointer, "objectName"),
            hint: "name the provider object, e.g. objectName: contact",
          }
        }
      }
    }
  },
})

import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, member, readObjectNames } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A write object with `inheritMapping: true` and no read object of the same name to inherit from
 * (domain W4): the write falls back to unmapped field names.
 */
export const writeInheritWithoutRead: Rule = withServerKeys({
  id: "write-inherit-without-read",
  severity: "warning",
  summary: "A write object inherits mappings but there is no read object of that name.",
  domain: ["W4"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      const readNames = readObjectNames(integration)
      if (readNames === undefined) continue
      for (const object of actionObjects(integration, "write")) {
        if (member(object.value, "inheritMapping") !== true) continue
        const name = object.name
        if (name === undefined || name === "" || readNames.has(name)) continue
        yield {
          rule: "write-inherit-without-read",
          severity: "warning",
          message: fitMessage(
            (max) =>
              `${object.labelOf(max)} inherits mappings, but ${integration.labelOf(max)} has no read object of that name`,
          ),
          pointer: at(object.pointer, "inheritMapping"),
          hint: fitMessage(
            (max) => `add a read object ${quote(name, max)} with the mappings, or remove inheritMapping`,
          ),
        }
      }
    }
  },
})

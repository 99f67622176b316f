import { quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, member, readObjectNames } from "./walk.js"

/**
 * A write object with `inheritMapping: true` and no read object of the same name to inherit from
 * (domain W4): the write falls back to unmapped field names.
 */
export const writeInheritWithoutRead: Rule = {
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
        if (object.name === undefined || object.name === "" || readNames.has(object.name)) continue
        yield {
          rule: "write-inherit-without-read",
          severity: "warning",
          message: `${object.label} inherits mappings, but ${integration.label} has no read object ${quote(object.name)}`,
          pointer: at(object.pointer, "inheritMapping"),
          hint: `add a read object ${quote(object.name)} with the mappings, or remove inheritMapping`,
        }
      }
    }
  },
}

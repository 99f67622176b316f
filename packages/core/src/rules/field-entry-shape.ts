import type { Rule } from "./Rule.js"
import { actionObjects, fieldEntries, hasKey, integrations } from "./walk.js"

/**
 * A field entry (a mapping) with neither `fieldName` (a provider field) nor `mapToName` (a
 * user-defined mapping): it matches no variant of the `IntegrationField` union (domain R13).
 */
export const fieldEntryShape: Rule = {
  id: "field-entry-shape",
  severity: "error",
  summary: "A field entry has neither fieldName nor mapToName.",
  domain: ["R13"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        for (const field of fieldEntries(object)) {
          if (hasKey(field.value, "fieldName") || hasKey(field.value, "mapToName")) continue
          yield {
            rule: "field-entry-shape",
            severity: "error",
            message: `${field.list}[${field.index}] of ${object.label} has neither fieldName nor mapToName`,
            pointer: field.pointer,
            hint: "add fieldName (a provider field) or mapToName (a mapping the customer fills in)",
          }
        }
      }
    }
  },
}

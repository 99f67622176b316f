import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, fieldEntries, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * Two field entries of one read object (required and optional together) delivered under the same
 * `mapToName` (domain R11): installation configs store mappings keyed by `mapToName`, so one would
 * replace the other. The same `fieldName` repeated with the same `mapToName` is only redundant and
 * left to `field-duplicate`.
 */
export const fieldMappingUnique: Rule = withServerKeys({
  id: "field-mapping-unique",
  severity: "error",
  summary: "Two field entries of a read object deliver under the same mapToName.",
  domain: ["R11"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        /** mapToName → the fieldName of its first entry (undefined for a user-defined mapping). */
        const first = new Map<string, string | undefined>()
        for (const field of fieldEntries(object)) {
          const mapToName = field.mapToName
          if (mapToName === undefined) continue
          if (!first.has(mapToName)) {
            first.set(mapToName, field.fieldName)
            continue
          }
          const firstField = first.get(mapToName)
          const fieldName = field.fieldName
          if (fieldName !== undefined && fieldName === firstField) continue
          yield {
            rule: "field-mapping-unique",
            severity: "error",
            message: fitMessage((max, labelMax) =>
              firstField !== undefined && fieldName !== undefined
                ? `${object.labelOf(labelMax)} maps both ${quote(firstField, max)} and ${quote(fieldName, max)} to ${quote(mapToName, max)}`
                : `${object.labelOf(labelMax)} has two field entries delivered under ${quote(mapToName, max)}`,
            ),
            pointer: at(field.pointer, "mapToName"),
            hint: "give each field its own mapToName",
          }
        }
      }
    }
  },
})

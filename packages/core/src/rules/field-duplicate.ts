import { quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, fieldEntries, integrations } from "./walk.js"

/**
 * The same `fieldName` listed twice in one read object (required and optional together) with the
 * same `mapToName`, or both without one (domain R12): redundant. The same field under two different
 * `mapToName`s is legitimate (`unifiedCRM` maps `stagename` to `stage` and to `status`).
 */
export const fieldDuplicate: Rule = {
  id: "field-duplicate",
  severity: "warning",
  summary: "A read object lists the same fieldName twice with the same (or no) mapToName.",
  domain: ["R12"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        const seen = new Map<string, string>()
        for (const field of fieldEntries(object)) {
          if (field.fieldName === undefined) continue
          const key = `${field.fieldName}\u0000${field.mapToName ?? ""}\u0000${field.mapToName === undefined ? 0 : 1}`
          const where = `${field.list}[${field.index}]`
          const earlier = seen.get(key)
          if (earlier === undefined) {
            seen.set(key, where)
            continue
          }
          yield {
            rule: "field-duplicate",
            severity: "warning",
            message:
              field.mapToName === undefined
                ? `field ${quote(field.fieldName)} of ${object.label} is listed again (first at ${earlier})`
                : `field ${quote(field.fieldName)} → ${quote(field.mapToName)} of ${object.label} is listed again (first at ${earlier})`,
            pointer: at(field.pointer, "fieldName"),
            hint: "remove the repeated entry",
          }
        }
      }
    }
  },
}

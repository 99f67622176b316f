import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, fieldEntries, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * The same `fieldName` listed twice in one read object (required and optional together) with the
 * same `mapToName`, or both without one (domain R12): redundant. The same field under two different
 * `mapToName`s is legitimate (`unifiedCRM` maps `stagename` to `stage` and to `status`).
 */
export const fieldDuplicate: Rule = withServerKeys({
  id: "field-duplicate",
  severity: "warning",
  summary: "A read object lists the same fieldName twice with the same (or no) mapToName.",
  domain: ["R12"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        const seen = new Map<string, string>()
        for (const field of fieldEntries(object)) {
          const { fieldName, mapToName } = field
          if (fieldName === undefined) continue
          const key = `${fieldName}\u0000${mapToName ?? ""}\u0000${mapToName === undefined ? 0 : 1}`
          const where = `${field.list}[${field.index}]`
          const earlier = seen.get(key)
          if (earlier === undefined) {
            seen.set(key, where)
            continue
          }
          yield {
            rule: "field-duplicate",
            severity: "warning",
            message: fitMessage((max, labelMax) =>
              mapToName === undefined
                ? `field ${quote(fieldName, max)} of ${object.labelOf(labelMax)} is listed again (first at ${earlier})`
                : `field ${quote(fieldName, max)} → ${quote(mapToName, max)} of ${object.labelOf(labelMax)} is listed again (first at ${earlier})`,
            ),
            pointer: at(field.pointer, "fieldName"),
            hint: "remove the repeated entry",
          }
        }
      }
    }
  },
})

import { isNestedPath, parsePath } from "../internal/jsonpath.js"
import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, fieldEntries, integrations, stringMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A `fieldName` or `mapToName` starting with `$[` (a nested path) that does not follow the bracket
 * grammar of domain.md §2.5: `$` then `['key']` or `[*]` segments, nothing else (domain R14).
 */
export const fieldMappingJsonpath: Rule = withServerKeys({
  id: "field-mapping-jsonpath",
  severity: "error",
  summary: "A nested $[…] path in fieldName or mapToName does not parse.",
  domain: ["R14"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        for (const field of fieldEntries(object)) {
          for (const key of ["fieldName", "mapToName"] as const) {
            const path = stringMember(field.value, key)
            if (path === undefined || !isNestedPath(path)) continue
            const parsed = parsePath(path)
            if (parsed.ok) continue
            yield {
              rule: "field-mapping-jsonpath",
              severity: "error",
              message: fitMessage(
                (max, labelMax) =>
                  `${key} ${quote(path, max)} of ${object.labelOf(labelMax)} is not a valid nested path`,
              ),
              pointer: at(field.pointer, key),
              hint: `${parsed.reason}; write e.g. $['address']['city'] or $['items'][*]['id']`,
            }
          }
        }
      }
    }
  },
})

import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, arrayMember, at, integrations, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A `requiredWatchFields` entry with `.`, `[` or `]` (domain S10): providers report changes of
 * top-level fields only. The hint names the top-level field.
 */
export const watchFieldsNoNesting: Rule = withServerKeys({
  id: "watch-fields-no-nesting",
  severity: "error",
  summary: "A requiredWatchFields entry is a nested path (contains ., [ or ]).",
  domain: ["S10"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        const event = recordMember(object.value, "updateEvent")
        const fields = event === undefined ? undefined : arrayMember(event, "requiredWatchFields")
        if (fields === undefined) continue
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i]
          if (typeof field !== "string") continue
          const cut = firstNesting(field)
          if (cut < 0) continue
          const top = field.startsWith("$['") ? field.slice(3).split("'")[0] : field.slice(0, cut)
          yield {
            rule: "watch-fields-no-nesting",
            severity: "error",
            message: fitMessage(
              (max, labelMax) => `watch field ${quote(field, max)} of ${object.labelOf(labelMax)} is a nested path`,
            ),
            pointer: at(object.pointer, "updateEvent", "requiredWatchFields", i),
            hint:
              top !== undefined && top !== ""
                ? `watch the top-level field ${quote(top)} instead`
                : "use top-level field names only",
          }
        }
      }
    }
  },
})

const firstNesting = (field: string): number => {
  for (let i = 0; i < field.length; i++) {
    const c = field[i]
    if (c === "." || c === "[" || c === "]") return i
  }
  return -1
}

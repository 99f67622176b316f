import { kindOf } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, hasKey, integrations, member, recordMember } from "./walk.js"

/**
 * A read object's `backfill` that the server refuses: no `defaultPeriod` (domain B1), both or neither
 * of `days` and `fullHistory` (B2), or `days` that is not a whole number ≥ 0, whatever its JSON type
 * (B3; `days: null` included). A `fullHistory` of the wrong type is the shape decoder's.
 */
export const backfillConfig: Rule = {
  id: "backfill-config",
  severity: "error",
  summary: "backfill lacks defaultPeriod, sets both or neither of days / fullHistory, or days is not an integer ≥ 0.",
  domain: ["B1", "B2", "B3"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        const backfill = recordMember(object.value, "backfill")
        if (backfill === undefined) continue
        const backfillPointer = at(object.pointer, "backfill")
        if (!hasKey(backfill, "defaultPeriod")) {
          yield {
            rule: "backfill-config",
            severity: "error",
            message: `backfill of ${object.label} has no defaultPeriod`,
            pointer: backfillPointer,
            hint: "add defaultPeriod: with days: N or fullHistory: true",
          }
          continue
        }
        const period = recordMember(backfill, "defaultPeriod")
        if (period === undefined) continue
        const pointer = at(backfillPointer, "defaultPeriod")
        const hasDays = hasKey(period, "days")
        const hasFullHistory = hasKey(period, "fullHistory")
        if (hasDays && hasFullHistory)
          yield {
            rule: "backfill-config",
            severity: "error",
            message: `backfill of ${object.label} sets both days and fullHistory`,
            pointer,
            hint: "keep one of days and fullHistory",
          }
        else if (!hasDays && !hasFullHistory)
          yield {
            rule: "backfill-config",
            severity: "error",
            message: `backfill of ${object.label} sets neither days nor fullHistory`,
            pointer,
            hint: "add days: N (0 = no backfill) or fullHistory: true",
          }
        if (!hasDays) continue
        const days = member(period, "days")
        // A non-number (`days: "30"`) is the shape decoder's wrong-type (rules.md); this rule owns the numbers.
        if (typeof days !== "number" || (Number.isInteger(days) && days >= 0)) continue
        yield {
          rule: "backfill-config",
          severity: "error",
          message: `backfill days of ${object.label} ${daysProblem(days)}`,
          pointer: at(pointer, "days"),
          hint:
            typeof days === "string" && /^[0-9]{1,9}$/.test(days)
              ? `write a number without quotes: days: ${Number(days)}`
              : "use a whole number of days, 0 or more (0 = no backfill)",
        }
      }
    }
  },
}

const daysProblem = (days: unknown): string => {
  if (typeof days === "number")
    return days < 0 ? `is ${days}; it must be 0 or more` : `is ${days}; it must be a whole number`
  return `is ${kindOf(days)}; it must be a whole number, 0 or more`
}

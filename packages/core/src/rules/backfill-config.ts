import { excerpt, fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, hasKey, integrations, isNull, member, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A read object's `backfill` that the server refuses: no `defaultPeriod` (domain B1), both or neither
 * of `days` and `fullHistory` (B2), or `days` a number that is not a whole number ≥ 0 (B3). A `days`
 * that is not a number (`days: "30"`) is the shape decoder's `wrong-type`, as rules.md lists it. A
 * `null` `days` or `fullHistory` is the shape decoder's too, and neither set nor absent here (walk.ts):
 * both / neither is not judged until it has a value.
 */
export const backfillConfig: Rule = withServerKeys({
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
            message: fitMessage((max) => `backfill of ${object.labelOf(max)} has no defaultPeriod`),
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
        const undecided = isNull(period, "days") || isNull(period, "fullHistory")
        if (hasDays && hasFullHistory && !undecided)
          yield {
            rule: "backfill-config",
            severity: "error",
            message: fitMessage((max) => `backfill of ${object.labelOf(max)} sets both days and fullHistory`),
            pointer,
            hint: "keep one of days and fullHistory",
          }
        else if (!hasDays && !hasFullHistory)
          yield {
            rule: "backfill-config",
            severity: "error",
            message: fitMessage((max) => `backfill of ${object.labelOf(max)} sets neither days nor fullHistory`),
            pointer,
            hint: "add days: N (0 = no backfill) or fullHistory: true",
          }
        const days = member(period, "days")
        if (typeof days !== "number" || (Number.isInteger(days) && days >= 0)) continue
        yield {
          rule: "backfill-config",
          severity: "error",
          message: fitMessage(
            (max) =>
              `backfill days of ${object.labelOf(max)} is ${excerpt(String(days), max)}; it must be ${days < 0 ? "0 or more" : "a whole number"}`,
          ),
          pointer: at(pointer, "days"),
          hint: "use a whole number of days, 0 or more (0 = no backfill)",
        }
      }
    }
  },
})

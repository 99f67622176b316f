import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, isSet, recordMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** Provider `snowflake` with a backfill in `days`: Snowflake reads support only `fullHistory` (domain P7). */
export const snowflakeBackfill: Rule = withServerKeys({
  id: "snowflake-backfill",
  severity: "error",
  summary: "A snowflake read object backfills by days instead of fullHistory.",
  domain: ["P7"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      if (integration.provider !== "snowflake") continue
      for (const object of actionObjects(integration, "read")) {
        const backfill = recordMember(object.value, "backfill")
        const period = backfill === undefined ? undefined : recordMember(backfill, "defaultPeriod")
        if (period === undefined || !isSet(period, "days")) continue
        yield {
          rule: "snowflake-backfill",
          severity: "error",
          message: fitMessage(
            (max) => `${object.labelOf(max)} backfills by days, but Snowflake supports only fullHistory`,
          ),
          pointer: at(object.pointer, "backfill", "defaultPeriod", "days"),
          hint: "replace days with fullHistory: true",
        }
      }
    }
  },
})

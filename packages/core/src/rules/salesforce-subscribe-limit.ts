import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionBlock, arrayMember, at, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** Most subscribe objects a Salesforce integration may have (the server's `maxSalesforceSubscribeObjects`). */
export const maxSalesforceSubscribeObjects = 5

/** More than 5 subscribe objects for provider `salesforce` (domain S13). Reported once, at the first one over. */
export const salesforceSubscribeLimit: Rule = withServerKeys({
  id: "salesforce-subscribe-limit",
  severity: "error",
  summary: "A salesforce integration has more than 5 subscribe objects.",
  domain: ["S13"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      if (integration.provider !== "salesforce") continue
      const block = actionBlock(integration, "subscribe")
      const objects = block === undefined ? undefined : arrayMember(block, "objects")
      if (objects === undefined || objects.length <= maxSalesforceSubscribeObjects) continue
      yield {
        rule: "salesforce-subscribe-limit",
        severity: "error",
        message: fitMessage(
          (max) =>
            `${integration.labelOf(max)} has ${objects.length} subscribe objects; Salesforce allows at most ${maxSalesforceSubscribeObjects}`,
        ),
        pointer: at(integration.pointer, "subscribe", "objects", maxSalesforceSubscribeObjects),
        hint: `keep at most ${maxSalesforceSubscribeObjects} subscribe objects, or split them over integrations`,
      }
    }
  },
})

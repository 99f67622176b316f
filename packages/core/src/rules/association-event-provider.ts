import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, integrations, isSet } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** `associationChangeEvent` on a provider other than `hubspot`, the only one that emits it (domain S14). */
export const associationEventProvider: Rule = withServerKeys({
  id: "association-event-provider",
  severity: "warning",
  summary: "associationChangeEvent is used with a provider other than hubspot.",
  domain: ["S14"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      const provider = integration.provider
      if (provider === undefined || provider === "hubspot") continue
      for (const object of actionObjects(integration, "subscribe")) {
        if (!isSet(object.value, "associationChangeEvent")) continue
        yield {
          rule: "association-event-provider",
          severity: "warning",
          message: fitMessage(
            (max) =>
              `${object.labelOf(max)} has associationChangeEvent, which only HubSpot supports (provider is ${quote(provider, max)})`,
          ),
          pointer: at(object.pointer, "associationChangeEvent"),
          at: "key",
          hint: "remove associationChangeEvent",
        }
      }
    }
  },
})

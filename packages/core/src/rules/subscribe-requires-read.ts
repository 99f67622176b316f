import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { at, hasKey, integrations, isRecord, member } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** An integration with `subscribe` and no `read` (domain S1): subscriptions reuse the read definition. */
export const subscribeRequiresRead: Rule = withServerKeys({
  id: "subscribe-requires-read",
  severity: "error",
  summary: "An integration subscribes but has no read block.",
  domain: ["S1"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      if (!isRecord(member(integration.value, "subscribe")) || hasKey(integration.value, "read")) continue
      yield {
        rule: "subscribe-requires-read",
        severity: "error",
        message: fitMessage((max) => `${integration.labelOf(max)} has subscribe but no read block`),
        pointer: at(integration.pointer, "subscribe"),
        at: "key",
        hint: "add a read block with a read object for each subscribed object",
      }
    }
  },
})

import { emptyObjects } from "./emptyObjects.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/** `subscribe` present without objects (domain S2). */
export const subscribeObjects: Rule = withServerKeys({
  id: "subscribe-objects",
  severity: "error",
  summary: "subscribe is present but its objects list is missing or empty.",
  domain: ["S2"],
  check: (ctx) => emptyObjects(ctx.value, "subscribe", "subscribe-objects"),
})

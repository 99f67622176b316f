import { duplicateObjects } from "./duplicateObjects.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/** Two subscribe objects with the same `objectName` (domain S11). */
export const duplicateSubscribeObject: Rule = withServerKeys({
  id: "duplicate-subscribe-object",
  severity: "error",
  summary: "Two subscribe objects of an integration have the same objectName.",
  domain: ["S11"],
  check: (ctx) => duplicateObjects(ctx.value, "subscribe", "duplicate-subscribe-object"),
})

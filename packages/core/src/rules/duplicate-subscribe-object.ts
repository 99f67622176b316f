import { duplicateObjects } from "./duplicateObjects.js"
import type { Rule } from "./Rule.js"

/** Two subscribe objects with the same `objectName` (domain S11). */
export const duplicateSubscribeObject: Rule = {
  id: "duplicate-subscribe-object",
  severity: "error",
  summary: "Two subscribe objects of an integration have the same objectName.",
  domain: ["S11"],
  check: (ctx) => duplicateObjects(ctx.value, "subscribe", "duplicate-subscribe-object"),
}

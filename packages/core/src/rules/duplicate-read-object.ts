import { duplicateObjects } from "./duplicateObjects.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/** Two read objects with the same `objectName` (domain R5). */
export const duplicateReadObject: Rule = withServerKeys({
  id: "duplicate-read-object",
  severity: "error",
  summary: "Two read objects of an integration have the same objectName.",
  domain: ["R5"],
  check: (ctx) => duplicateObjects(ctx.value, "read", "duplicate-read-object"),
})

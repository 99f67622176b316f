import { duplicateObjects } from "./duplicateObjects.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/** Two write objects with the same `objectName` (domain W3). */
export const duplicateWriteObject: Rule = withServerKeys({
  id: "duplicate-write-object",
  severity: "error",
  summary: "Two write objects of an integration have the same objectName.",
  domain: ["W3"],
  check: (ctx) => duplicateObjects(ctx.value, "write", "duplicate-write-object"),
})

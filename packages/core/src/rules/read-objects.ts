import { emptyObjects } from "./emptyObjects.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/** `read` present without objects (domain R1). */
export const readObjects: Rule = withServerKeys({
  id: "read-objects",
  severity: "error",
  summary: "read is present but its objects list is missing or empty.",
  domain: ["R1"],
  check: (ctx) => emptyObjects(ctx.value, "read", "read-objects"),
})

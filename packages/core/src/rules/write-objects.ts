import { emptyObjects } from "./emptyObjects.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/** `write` present without objects (domain W1). */
export const writeObjects: Rule = withServerKeys({
  id: "write-objects",
  severity: "error",
  summary: "write is present but its objects list is missing or empty.",
  domain: ["W1"],
  check: (ctx) => emptyObjects(ctx.value, "write", "write-objects"),
})

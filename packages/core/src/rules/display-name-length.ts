import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { at, integrations, stringMember } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

const maxLength = 100

/** Number of code points, counting no further than `limit + 1`. */
const lengthUpTo = (text: string, limit: number): number => {
  if (text.length <= limit) return text.length
  let count = 0
  for (const _ of text) if (++count > limit) break
  return count
}

/** An integration `displayName` over 100 characters (domain N4). */
export const displayNameLength: Rule = withServerKeys({
  id: "display-name-length",
  severity: "warning",
  summary: "An integration displayName is over 100 characters.",
  domain: ["N4"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      const displayName = stringMember(integration.value, "displayName")
      if (displayName === undefined || lengthUpTo(displayName, maxLength) <= maxLength) continue
      const length = [...displayName].length
      yield {
        rule: "display-name-length",
        severity: "warning",
        message: fitMessage(
          (max) =>
            `displayName of ${integration.labelOf(max)} is ${length} characters long, over the limit of ${maxLength}`,
        ),
        pointer: at(integration.pointer, "displayName"),
        hint: `shorten it to ${maxLength} characters or fewer`,
      }
    }
  },
})

import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { at, integrations, times } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** Two integrations with the same `name`, the key Ampersand upserts by (domain N3). One finding per extra one. */
export const integrationNameDuplicate: Rule = withServerKeys({
  id: "integration-name-duplicate",
  severity: "error",
  summary: "Two integrations share a name (the upsert key).",
  domain: ["N3"],
  *check(ctx) {
    const seen = new Map<string, number>()
    for (const integration of integrations(ctx.value)) {
      const name = integration.name
      if (name === undefined || name === "") continue
      const count = (seen.get(name) ?? 0) + 1
      seen.set(name, count)
      if (count < 2) continue
      yield {
        rule: "integration-name-duplicate",
        severity: "error",
        message: fitMessage(
          (max) => `integration name ${quote(name, max)} is used ${times(count)}: the later one overwrites the earlier`,
        ),
        pointer: at(integration.pointer, "name"),
        hint: "give each integration its own name",
      }
    }
  },
})

import { fitMessage, quote } from "../internal/quote.js"
import { suggest } from "../internal/suggest.js"
import type { Rule } from "./Rule.js"
import { at, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A `provider` that is not in the bundled catalog (domain P2; names are case-sensitive). A warning:
 * the catalog is a snapshot and Ampersand adds providers all the time. The hint names the closest
 * catalog provider.
 */
export const providerNotSupported: Rule = withServerKeys({
  id: "provider-not-supported",
  severity: "warning",
  summary: "The provider is not in the bundled catalog; the hint names the closest one.",
  domain: ["P1", "P2"],
  *check(ctx) {
    const closestByProvider = new Map<string, string | undefined>()
    for (const integration of integrations(ctx.value)) {
      const provider = integration.provider
      if (provider === undefined || ctx.providers.has(provider)) continue
      const pointer = at(integration.pointer, "provider")
      if (provider === "") {
        yield {
          rule: "provider-not-supported",
          severity: "warning",
          message: fitMessage((max) => `${integration.labelOf(max)} has an empty provider`),
          pointer,
          hint: "name a provider from Ampersand's catalog, e.g. salesforce",
        }
        continue
      }
      if (!closestByProvider.has(provider)) closestByProvider.set(provider, suggest(provider, ctx.providers))
      const closest = closestByProvider.get(provider)
      yield {
        rule: "provider-not-supported",
        severity: "warning",
        message: fitMessage(
          (max, labelMax) =>
            `provider ${quote(provider, max)} of ${integration.labelOf(labelMax)} is not in the provider catalog`,
        ),
        pointer,
        hint:
          closest !== undefined
            ? `did you mean ${quote(closest)}? (provider names are case-sensitive)`
            : "check the name against Ampersand's provider list (names are case-sensitive)",
      }
    }
  },
})

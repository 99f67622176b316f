import { rootModule } from "../Catalog.js"
import { fitMessage, quote } from "../internal/quote.js"
import { suggest } from "../internal/suggest.js"
import type { Rule } from "./Rule.js"
import { at, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A `module` the provider does not have (domain P3, §6.2). Providers without a module list only
 * have the implicit `root` module: any other module is unknown and should be omitted. Providers
 * outside the catalog are left to `provider-not-supported`.
 */
export const providerModule: Rule = withServerKeys({
  id: "provider-module",
  severity: "warning",
  summary: "The module is not one of the provider's modules.",
  domain: ["P3"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      const { provider, module } = integration
      if (provider === undefined || module === undefined || !ctx.providers.has(provider)) continue
      const known = ctx.modules.get(provider)
      const pointer = at(integration.pointer, "module")
      if (known === undefined) {
        if (module === rootModule) continue
        yield {
          rule: "provider-module",
          severity: "warning",
          message: fitMessage(
            (max) => `provider ${quote(provider, max)} has no modules, so module ${quote(module, max)} is unknown`,
          ),
          pointer,
          hint: "remove `module`",
        }
        continue
      }
      if (known.includes(module)) continue
      const closest = suggest(module, known)
      yield {
        rule: "provider-module",
        severity: "warning",
        message: fitMessage(
          (max) => `module ${quote(module, max)} is not a module of provider ${quote(provider, max)}`,
        ),
        pointer,
        hint:
          closest !== undefined
            ? `did you mean ${quote(closest)}?`
            : fitMessage(
                (max) =>
                  `use one of ${known.map((m) => quote(m, max)).join(", ")}, or omit module for ${quote(known[0] ?? "", max)}`,
              ),
      }
    }
  },
})

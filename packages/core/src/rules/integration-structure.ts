import { fitMessage } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { hasKey, integrations, isRecord, member } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

const actions = ["read", "write", "subscribe", "proxy"] as const

/**
 * The manifest has no integration to deploy (domain M3: `integrations` missing or empty), or an
 * integration has no action (A1: none of read, write, subscribe, proxy; `watchSchema` alone is not
 * one). A non-list `integrations` is the shape decoder's `wrong-type`.
 */
export const integrationStructure: Rule = withServerKeys({
  id: "integration-structure",
  severity: "error",
  summary: "integrations is missing or empty, or an integration has none of read, write, subscribe, proxy.",
  domain: ["M3", "A1"],
  *check(ctx) {
    const root = ctx.value
    if (!isRecord(root)) return
    if (!Object.hasOwn(root, "integrations")) {
      yield {
        rule: "integration-structure",
        severity: "error",
        message: "the manifest has no `integrations` list",
        pointer: "",
        hint: "add integrations: with at least one integration",
      }
      return
    }
    const list = member(root, "integrations")
    if (Array.isArray(list) && list.length === 0) {
      yield {
        rule: "integration-structure",
        severity: "error",
        message: "`integrations` is empty: there is nothing to deploy",
        pointer: "/integrations",
        hint: "add at least one integration",
      }
      return
    }
    for (const integration of integrations(root)) {
      if (actions.some((action) => hasKey(integration.value, action))) continue
      yield {
        rule: "integration-structure",
        severity: "error",
        message: fitMessage((max) => `${integration.labelOf(max)} has none of read, write, subscribe or proxy`),
        pointer: integration.pointer,
        hint: "add a read, write, subscribe or proxy block",
      }
    }
  },
})

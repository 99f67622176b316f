/**
 * Rules see keys as Ampersand's server does. The server decodes with Go `encoding/json`, which
 * matches keys case-insensitively (domain §2.12): `READ:` is `read`, `Days:` is `days`, and two
 * spellings of one key are both decoded into the field (mappings merge, other values: the last wins,
 * Shape.ts `serverView`). Shape.ts reads keys that way (and warns, `unknown-key`, that the
 * key is "read as" the real one); so must every rule, or one defect gives two diagnostics (the
 * warning, plus e.g. "has none of read, write, subscribe or proxy").
 *
 * `withServerKeys(rule)` runs the rule on the server's view of the document (Shape.ts `serverView`:
 * case variants renamed to the declared key and combined, nothing else changed) and maps each
 * finding's pointer back onto the keys as written (`/integrations/0/READ/objects`), so positions land
 * on real nodes.
 * Rules are thus written against the declared key names only. A document without case variants is
 * its own view: the rule sees the input itself and its pointers are left as they are.
 */
import type { Finding } from "../Diagnostic.js"
import { type ServerView, serverView } from "../Shape.js"
import type { Rule, RuleContext } from "./Rule.js"

const prepared = new WeakMap<RuleContext, ServerView>()

/**
 * Compute the server view of `ctx.value` once, for every rule run with this very `ctx` object (the
 * validator runs ~40 rules on one context). Without it each rule computes its own.
 */
export const prepareServerView = (ctx: RuleContext): RuleContext => {
  prepared.set(ctx, serverView(ctx.value))
  return ctx
}

/** The rule, run on the server's view of the document's keys, with pointers naming the keys as written. */
export const withServerKeys = (rule: Rule): Rule => ({
  ...rule,
  check: (ctx) => {
    const view = prepared.get(ctx) ?? serverView(ctx.value)
    if (view.value === ctx.value) return rule.check(ctx)
    return mapPointers(rule.check({ ...ctx, value: view.value }), view.written)
  },
})

function* mapPointers(findings: Iterable<Finding>, written: (pointer: string) => string): Iterable<Finding> {
  for (const finding of findings) yield { ...finding, pointer: written(finding.pointer) }
}

/** Shared check of `read-objects`, `write-objects`, `subscribe-objects`: an action without objects. */
import type { Finding } from "../Diagnostic.js"
import { fitMessage } from "../internal/quote.js"
import { type Action, at, integrations, isRecord, member } from "./walk.js"

/**
 * An action block (a mapping) with no `objects` key or an empty `objects` list. A non-list
 * `objects`, or an action that is not a mapping, is the shape decoder's `wrong-type`.
 */
export function* emptyObjects(root: unknown, action: Action, rule: string): Iterable<Finding> {
  for (const integration of integrations(root)) {
    const block = member(integration.value, action)
    if (!isRecord(block)) continue
    const pointer = at(integration.pointer, action)
    const hint = `add at least one object under ${action}.objects, or remove the ${action} block`
    if (!Object.hasOwn(block, "objects"))
      yield {
        rule,
        severity: "error",
        message: fitMessage((max) => `${action} of ${integration.labelOf(max)} has no \`objects\``),
        pointer,
        hint,
      }
    else {
      const objects = member(block, "objects")
      if (Array.isArray(objects) && objects.length === 0)
        yield {
          rule,
          severity: "error",
          message: fitMessage((max) => `${action}.objects of ${integration.labelOf(max)} is empty`),
          pointer: at(pointer, "objects"),
          hint,
        }
    }
  }
}

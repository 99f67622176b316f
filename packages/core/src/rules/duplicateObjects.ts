/** Shared check of `duplicate-read-object`, `duplicate-write-object`, `duplicate-subscribe-object`. */
import type { Finding } from "../Diagnostic.js"
import { fitMessage, quote } from "../internal/quote.js"
import { type Action, actionObjects, at, integrations, times } from "./walk.js"

/**
 * Objects of one action with the same `objectName` (exact, case-sensitive, as the server compares):
 * one finding per extra occurrence, at its `objectName`. Empty names are `object-name-empty`'s.
 */
export function* duplicateObjects(root: unknown, action: Action, rule: string): Iterable<Finding> {
  for (const integration of integrations(root)) {
    const seen = new Map<string, number>()
    for (const object of actionObjects(integration, action)) {
      const name = object.name
      if (name === undefined || name === "") continue
      const count = (seen.get(name) ?? 0) + 1
      seen.set(name, count)
      if (count < 2) continue
      yield {
        rule,
        severity: "error",
        message: fitMessage(
          (max, labelMax) =>
            `${action} object ${quote(name, max)} is defined ${times(count)} in ${integration.labelOf(labelMax)}`,
        ),
        pointer: at(object.pointer, "objectName"),
        hint: count === 2 ? "remove one of the two definitions" : "keep one definition and remove the others",
      }
    }
  }
}

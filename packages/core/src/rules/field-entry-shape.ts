import { fitMessage, quote } from "../internal/quote.js"
import { suggest } from "../internal/suggest.js"
import type { Rule } from "./Rule.js"
import { actionObjects, fieldEntries, hasKey, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/** The keys a field entry may have (domain §2.12), for did-you-mean. */
const entryKeys = ["fieldName", "mapToName", "mapToDisplayName", "default", "prompt"]
/** The keys that decide the variant. */
const variantKeys = new Set(["fieldName", "mapToName"])

/**
 * A field entry (a mapping) with neither `fieldName` (a provider field) nor `mapToName` (a
 * user-defined mapping): it matches no variant of the `IntegrationField` union (domain R13). When one
 * of its keys looks like a misspelling of either (`feildName`), the hint says so.
 */
export const fieldEntryShape: Rule = withServerKeys({
  id: "field-entry-shape",
  severity: "error",
  summary: "A field entry has neither fieldName nor mapToName.",
  domain: ["R13"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        for (const field of fieldEntries(object)) {
          if (hasKey(field.value, "fieldName") || hasKey(field.value, "mapToName")) continue
          const misspelt = misspeltVariantKey(field.value)
          yield {
            rule: "field-entry-shape",
            severity: "error",
            message: fitMessage(
              (max) => `${field.list}[${field.index}] of ${object.labelOf(max)} has neither fieldName nor mapToName`,
            ),
            pointer: field.pointer,
            hint:
              misspelt === undefined
                ? "add fieldName (a provider field) or mapToName (a mapping the customer fills in)"
                : fitMessage(
                    (max) =>
                      `did you mean \`${misspelt.meant}\`? (${quote(misspelt.key, max)} is not a key of a field entry)`,
                  ),
          }
        }
      }
    }
  },
})

/** The first key of an entry that is closest to `fieldName` or `mapToName` among the entry keys. */
const misspeltVariantKey = (entry: object): { readonly key: string; readonly meant: string } | undefined => {
  for (const key of Object.keys(entry)) {
    const meant = suggest(key, entryKeys)
    if (meant !== undefined && variantKeys.has(meant)) return { key, meant }
  }
  return undefined
}

import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { actionObjects, at, fieldEntries, hasKey, integrations, member } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * A read object with `enabled: always` is read for every installation without its config, so the
 * server (per Ampersand's validator) requires of it: at least one required field (domain R8), no
 * `mapToName` on a required `fieldName` entry (R9), and a non-empty schedule (R10). The official
 * `netsuiteM2M` sample breaks R9 and R10. A `null` (or non-list / non-string) value is the shape
 * decoder's `wrong-type`.
 */
export const alwaysEnabledFields: Rule = withServerKeys({
  id: "always-enabled-fields",
  severity: "error",
  summary: "An enabled: always read object lacks required fields or a schedule, or maps a required field.",
  domain: ["R8", "R9", "R10"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "read")) {
        if (member(object.value, "enabled") !== "always") continue
        const required = member(object.value, "requiredFields")
        if (required === undefined || (Array.isArray(required) && required.length === 0)) {
          yield {
            rule: "always-enabled-fields",
            severity: "error",
            message: fitMessage((max) => `always-enabled ${object.labelOf(max)} has no required fields`),
            pointer: hasKey(object.value, "requiredFields") ? at(object.pointer, "requiredFields") : object.pointer,
            hint: "list at least one provider field under requiredFields",
          }
        }
        for (const field of fieldEntries(object, ["requiredFields"])) {
          const fieldName = field.fieldName
          if (fieldName === undefined || field.mapToName === undefined) continue
          yield {
            rule: "always-enabled-fields",
            severity: "error",
            message: fitMessage(
              (max, labelMax) =>
                `always-enabled ${object.labelOf(labelMax)} maps required field ${quote(fieldName, max)}: mapToName is not allowed there`,
            ),
            pointer: at(field.pointer, "mapToName"),
            hint: "remove mapToName: always-enabled objects deliver required fields under their own names",
          }
        }
        const schedule = member(object.value, "schedule")
        if (schedule === undefined || schedule === "") {
          yield {
            rule: "always-enabled-fields",
            severity: "error",
            message: fitMessage((max) => `always-enabled ${object.labelOf(max)} has no schedule`),
            pointer: hasKey(object.value, "schedule") ? at(object.pointer, "schedule") : object.pointer,
            hint: "add a schedule, e.g. schedule: '*/10 * * * *'",
          }
        }
      }
    }
  },
})

import type { Rule } from "./Rule.js"
import { presentEvents } from "./subscribeEvents.js"
import { actionObjects, at, hasKey, integrations, member } from "./walk.js"

/**
 * A subscribe object with a create / update / delete / association event whose
 * `inheritFieldsAndMapping` is not `true` (domain S3): in spec 1.0.0 events carry the read object's
 * fields. Objects with only `otherEvents`, or no events, are exempt. A non-boolean value is the
 * shape decoder's.
 */
export const subscribeInheritFields: Rule = {
  id: "subscribe-inherit-fields",
  severity: "error",
  summary: "A subscribe object with create/update/delete/association events lacks inheritFieldsAndMapping: true.",
  domain: ["S3"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      for (const object of actionObjects(integration, "subscribe")) {
        const events = presentEvents(object.value)
        if (events.length === 0) continue
        const inherit = member(object.value, "inheritFieldsAndMapping")
        if (inherit !== undefined && inherit !== null && inherit !== false) continue
        yield {
          rule: "subscribe-inherit-fields",
          severity: "error",
          message: `${object.label} has ${events.join(", ")} but inheritFieldsAndMapping is not true`,
          pointer: hasKey(object.value, "inheritFieldsAndMapping")
            ? at(object.pointer, "inheritFieldsAndMapping")
            : object.pointer,
          hint: "set inheritFieldsAndMapping: true (the only value spec 1.0.0 supports)",
        }
      }
    }
  },
}

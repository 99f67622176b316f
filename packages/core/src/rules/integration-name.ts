import { fitMessage, quote } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { at, integrations } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

const maxLength = 64

const isNameChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f

/**
 * An integration `name` that is empty, longer than 64 characters, or has characters outside
 * `[A-Za-z0-9_-]` (domain N1, N2; upper case is allowed: real manifests use camelCase). A missing
 * or non-string name is the shape decoder's.
 */
export const integrationName: Rule = withServerKeys({
  id: "integration-name",
  severity: "error",
  summary: "An integration name is empty, over 64 characters, or has characters outside [A-Za-z0-9_-].",
  domain: ["N1", "N2"],
  *check(ctx) {
    for (const integration of integrations(ctx.value)) {
      const name = integration.name
      if (name === undefined) continue
      const pointer = at(integration.pointer, "name")
      const hint = "use only letters, digits, `-` and `_`, at most 64 characters"
      if (name === "") {
        yield { rule: "integration-name", severity: "error", message: "an integration name is empty", pointer, hint }
        continue
      }
      let bad = -1
      for (let i = 0; i < name.length; i++) {
        if (!isNameChar(name.charCodeAt(i))) {
          bad = i
          break
        }
      }
      if (bad >= 0) {
        const char = String.fromCodePoint(name.codePointAt(bad) ?? 0)
        yield {
          rule: "integration-name",
          severity: "error",
          message: fitMessage(
            (max) => `integration name ${quote(name, max)} contains ${quote(char)}, which is not allowed`,
          ),
          pointer,
          hint,
        }
      } else if (name.length > maxLength) {
        yield {
          rule: "integration-name",
          severity: "error",
          message: fitMessage(
            (max) =>
              `integration name ${quote(name, max)} is ${name.length} characters long, over the limit of ${maxLength}`,
          ),
          pointer,
          hint,
        }
      }
    }
  },
})

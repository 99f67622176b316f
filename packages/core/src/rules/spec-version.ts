import { kindOf, show } from "../internal/quote.js"
import type { Rule } from "./Rule.js"
import { hasKey, isRecord, member } from "./walk.js"
import { withServerKeys } from "./withServerKeys.js"

const hint = 'write specVersion: "1.0.0"'

/** `specVersion` missing, not a string, or not `1.0.0` (domain M1, M2). Shape.ts leaves all three to this rule. */
export const specVersion: Rule = withServerKeys({
  id: "spec-version",
  severity: "error",
  summary: 'specVersion is missing or not "1.0.0" (a YAML number 1.0 included).',
  domain: ["M1", "M2"],
  *check(ctx) {
    const root = ctx.value
    if (!isRecord(root)) return
    if (!hasKey(root, "specVersion")) {
      yield { rule: "spec-version", severity: "error", message: "the manifest has no `specVersion`", pointer: "", hint }
      return
    }
    const value = member(root, "specVersion")
    if (value === "1.0.0") return
    const message =
      typeof value === "number"
        ? '`specVersion` is a number, not the string "1.0.0" (an unquoted version reads as a number)'
        : typeof value === "string"
          ? `\`specVersion\` is ${show(value)}: the only supported version is "1.0.0"`
          : `\`specVersion\` is ${kindOf(value)}, not the string "1.0.0"`
    yield {
      rule: "spec-version",
      severity: "error",
      message,
      pointer: "/specVersion",
      hint: typeof value === "number" ? `quote it: ${hint}` : hint,
    }
  },
})

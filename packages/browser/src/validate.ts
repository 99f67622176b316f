/**
 * The validate-only entry of `@ampkit/browser` (`@ampkit/browser/validate`): manifest text →
 * positioned diagnostics, for pages that only lint `amp.yaml`. The smallest bundle of the package.
 */
export type { Diagnostic, Position, Severity } from "@ampkit/core/Diagnostic"
export type { Limits } from "@ampkit/core/Limits"
export type { Syntax } from "@ampkit/core/Source"
export { type ValidateOptions, type ValidationReport, validate } from "@ampkit/core/Validate"

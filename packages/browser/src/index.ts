/**
 * @ampkit/browser: the plain face of @ampkit/core as one ESM bundle for pages, workers and bundlers
 * (no Node built-ins, no Buffer, no eval). Validate a manifest, decode any document kind, diff two
 * documents, plan a deploy and read an API error body, all from text and all synchronous.
 * `@ampkit/browser/validate` holds `validate` alone, for the smallest bundle.
 */

export type { Installation, Integration, IntegrationList, Revision } from "@ampkit/core/Api"
export { type DecodeTextOptions, type DecodeTextResult, decodeText } from "@ampkit/core/Decode"
export type { Change, ChangeId, DiffKind, DiffSummary, Json, Level } from "@ampkit/core/Diff"
export { changeIds, levels } from "@ampkit/core/Diff"
export type { Document, DocumentKind } from "@ampkit/core/Document"
export type { IntegrationBlock, Manifest } from "@ampkit/core/Manifest"
export type {
  BatchRequest,
  Plan,
  PlanAction,
  PlanBatch,
  PlanInputName,
  PlanNote,
  PlannedIntegration,
  PlanSummary,
  ReadRemoval,
} from "@ampkit/core/Plan"
export { type ApiProblem, decodeProblem, decodeProblemText } from "@ampkit/core/Problem"
export { type ExplainOptions, explainProblem, type ProblemExplanation } from "@ampkit/core/ProblemExplain"
export { type DiffOptions, type DiffOutcome, type DiffSideFailure, diff, diffKinds } from "./diff.js"
export { type PlanOptions, type PlanOutcome, plan } from "./plan.js"
export type { Diagnostic, Limits, Position, Severity, Syntax, ValidateOptions, ValidationReport } from "./validate.js"
export { validate } from "./validate.js"

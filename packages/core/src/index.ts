/**
 * @ampkit/core: decode, validate, diff and plan Ampersand manifests. Pure: runs unchanged in Node,
 * workerd and browsers. The plain face (synchronous, plain data) is exported at the top level;
 * the Effect face lives in `Effect.ts` (import "@ampkit/core/Effect").
 */

export type { Installation, Integration, IntegrationList, Revision } from "./Api.js"
export { type DecodeTextOptions, type DecodeTextResult, decodeText } from "./Decode.js"
export type { Diagnostic, Finding, Position, Severity } from "./Diagnostic.js"
export {
  atOrAbove,
  type Change,
  type ChangeId,
  changeCatalog,
  changeIds,
  changeSummaries,
  DiffInputError,
  type DiffOptions,
  type DiffResult,
  type DiffSide,
  type DiffSummary,
  diff,
  diffKind,
  type FailOn,
  failsAt,
  type Level,
  levels,
} from "./Diff.js"
export {
  type DecodeInputResult,
  type DiffTextInput,
  type DiffTextsFailure,
  type DiffTextsOptions,
  type DiffTextsResult,
  type DiffTextsSuccess,
  decodeInput,
  diffKinds,
  diffTexts,
} from "./DiffText.js"
export {
  type DecodeFailure,
  type DecodeResult,
  type Document,
  type DocumentFailure,
  type DocumentKind,
  type DocumentKindFailure,
  decodeDocument,
  documentKinds,
  kindLabels,
  recogniseKind,
} from "./Document.js"
export { DecodeError, DocumentKindError, encodeDocument } from "./DocumentCodec.js"
export { suggest } from "./internal/suggest.js"
export { decodeUtf8, type Utf8Result } from "./internal/utf8.js"
export { manifestJsonSchema } from "./JsonSchema.js"
export { defaultLimits, type Limits } from "./Limits.js"
export type {
  FieldEntry,
  FieldExistent,
  FieldMapping,
  IntegrationBlock,
  Manifest,
  ReadObject,
  SubscribeObject,
  WriteObject,
} from "./Manifest.js"
export { manifestYaml } from "./ManifestYaml.js"
export {
  batchPath,
  type Plan,
  type PlanAction,
  type PlanBatch,
  type PlanInput,
  type PlannedIntegration,
  type PlanOutcome,
  type PlanTextInput,
  plan,
  planFromText,
  removedReadObjects,
} from "./Plan.js"
export { decodePlanRecord, type PlanVerification, verifyPlan } from "./PlanVerify.js"
export {
  type ApiProblem,
  decodeProblem,
  decodeProblemText,
  encodeProblem,
  type InputValidationIssue,
  type InputValidationProblem,
} from "./Problem.js"
export { explainProblem, type ProblemExplanation } from "./ProblemExplain.js"
export { type RuleDescription, ruleDescriptions } from "./RuleCatalog.js"
export { renderDiffGithub } from "./render/diff-github.js"
export { diffJson } from "./render/diff-json.js"
export { renderDiffMarkdown } from "./render/diff-markdown.js"
export { renderDiffSarif } from "./render/diff-sarif.js"
export { renderDiffText } from "./render/diff-text.js"
export { escapeControl } from "./render/escape.js"
export { planFiles, renderPlanJson, renderPlanVerificationJson } from "./render/plan-json.js"
export { planSummaryLine, renderPlanText, renderPlanVerificationText } from "./render/plan-text.js"
export { problemJson } from "./render/problem-json.js"
export { renderProblemText } from "./render/problem-text.js"
export {
  type FileReport,
  githubAnnotation,
  jsonPathOf,
  validationAmpJson,
  validationGithub,
  validationJson,
  validationSarif,
} from "./render/validation-json.js"
export { renderValidationText, type TextStyle, validationSummary } from "./render/validation-text.js"
export { type Directive, type ParseResult, parseSource, type SourceDocument, type Syntax } from "./Source.js"
export {
  manifestFindings,
  report,
  sortDiagnostics,
  type ValidateOptions,
  type ValidationReport,
  validate,
  validateParsed,
} from "./Validate.js"

/**
 * @ampkit/edge: the ampkit HTTP API as a runtime-neutral `fetch(Request) → Response` handler.
 *
 *   const handler = makeHandler({ validate, schema: manifestJsonSchema, ...settingsFromEnv(env).settings })
 *   export default { fetch: (request) => handler(request) }
 */
export { allowedRequestHeaders, exposedResponseHeaders, preflightMaxAge } from "./Cors.js"
export { clip, excerpt, excerptLength, messageLength } from "./Excerpt.js"
export { Failure, type FailureTag, failureTable, type Issue, problemType } from "./Failure.js"
export { defectDetail, type FetchHandler, type HandlerConfig, makeHandler } from "./Handler.js"
export { type BodySyntax, jsonMediaTypes, manifestMediaTypes, parseMediaType } from "./MediaType.js"
export type {
  DiffInput,
  DiffPort,
  DocumentInput,
  PlanInput,
  PlanPort,
  PortDiagnostic,
  PortInputDiagnostic,
  PortReport,
  PortResult,
  PortValidateOptions,
  SchemaPort,
  Severity,
  ValidatePort,
} from "./Port.js"
export { problemContentType } from "./Problem.js"
export type { Ports } from "./Route.js"
export { planBounds } from "./routes/plan.js"
export { schemaContentType } from "./routes/schema.js"
export { maxIgnoredRules } from "./routes/validate.js"
export {
  type AllowedOrigins,
  defaultSettings,
  type Limits,
  parseOrigins,
  type Settings,
  type SettingsFromEnv,
  settingBindings,
  settingBounds,
  settingsFromEnv,
} from "./Settings.js"
export { unparseableRules } from "./Verdict.js"

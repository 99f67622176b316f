/**
 * FakeCore: a recording test double of the core's plain face, so the handler is tested alone. Each test
 * says what the fake answers; the fake records what the handler asked.
 */
import type {
  DiffInput,
  PlanInput,
  PortDiagnostic,
  PortInputDiagnostic,
  PortReport,
  PortResult,
  PortValidateOptions,
} from "../src/index.js"

export const diagnostic = (fields: Partial<PortInputDiagnostic> = {}): PortInputDiagnostic => ({
  rule: "unknown-key",
  severity: "warning",
  message: "unknown key `objectNmae` in read object",
  pointer: "/integrations/0/read/objects/0/objectNmae",
  line: 7,
  column: 9,
  hint: "did you mean `objectName`?",
  suppressed: false,
  ...fields,
})

export const reportOf = (diagnostics: ReadonlyArray<PortDiagnostic>): PortReport => ({
  ok: !diagnostics.some((d) => d.severity === "error" && !d.suppressed),
  diagnostics,
})

export const fakeSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", title: "amp.yaml", type: "object" }

export interface FakeCore {
  readonly validateCalls: Array<{ readonly text: string; readonly options: PortValidateOptions }>
  readonly diffCalls: Array<DiffInput>
  readonly planCalls: Array<PlanInput>
  schemaCalls: number
  readonly validate: (text: string, options: PortValidateOptions) => PortReport
  readonly schema: () => unknown
  readonly diff: (input: DiffInput) => PortResult
  readonly plan: (input: PlanInput) => PortResult
}

export const fakeCore = (
  answers: {
    readonly validate?: (text: string, options: PortValidateOptions) => PortReport
    readonly diff?: (input: DiffInput) => PortResult
    readonly plan?: (input: PlanInput) => PortResult
  } = {},
): FakeCore => {
  const core: FakeCore = {
    validateCalls: [],
    diffCalls: [],
    planCalls: [],
    schemaCalls: 0,
    validate: (text, options) => {
      core.validateCalls.push({ text, options })
      return (answers.validate ?? (() => reportOf([])))(text, options)
    },
    schema: () => {
      core.schemaCalls++
      return fakeSchema
    },
    diff: (input) => {
      core.diffCalls.push(input)
      return (answers.diff ?? (() => ({ ok: true, value: { changes: [] } })))(input)
    },
    plan: (input) => {
      core.planCalls.push(input)
      return (answers.plan ?? (() => ({ ok: true, value: { integrations: [], batches: [] } })))(input)
    },
  }
  return core
}

/** A POST with a text body and a content type. */
export const post = (path: string, body: BodyInit | null, contentType: string | null, headers: HeadersInit = {}) => {
  const h = new Headers(headers)
  if (contentType !== null) h.set("content-type", contentType)
  return new Request(`https://edge.test${path}`, { method: "POST", body, headers: h, duplex: "half" } as RequestInit)
}

/**
 * validate (issue 2, part 7): ours, text → diagnostics with positions and every rule, against the
 * peer a user would otherwise pick, js-yaml + ajv on the official schema (shape only), in one
 * interleaved run; plus a breakdown of ours to guide optimisation.
 */
import { parseSource, validate } from "@ampkit/core"
import { catalogModules, catalogProviders } from "@ampkit/core/Catalog"
import type { RuleContext } from "@ampkit/core/rules/index"
import { rules } from "@ampkit/core/rules/index"
import { shapeFindings } from "@ampkit/core/Shape"
import type { ValidateFunction } from "ajv"
import * as jsyaml from "js-yaml"
import { parseDocument } from "yaml"
import { type Contender, measure, type Timing } from "./measure.js"

export interface Input {
  readonly label: string
  readonly text: string
  readonly bytes: number
}

export interface ValidateRow {
  readonly input: Input
  readonly ours: Timing
  readonly peer: Timing
  /** ours / peer. */
  readonly ratio: number
  readonly diagnostics: { readonly errors: number; readonly warnings: number; readonly infos: number }
  /** ajv's error count on the same input (official schema). */
  readonly peerErrors: number
  /** Phases of ours, measured in the same run. */
  readonly parts: { readonly parse: Timing; readonly shape: Timing; readonly rules: Timing }
  /** The libraries beneath both (when asked for): the YAML AST ours builds on, js-yaml alone, ajv alone. */
  readonly libraries?: { readonly yamlAst: Timing; readonly jsyamlLoad: Timing; readonly ajv: Timing }
}

export interface ValidateCaseOptions {
  readonly rounds: number
  /** Also time the libraries alone (yaml AST, js-yaml load, ajv on a parsed value). */
  readonly libraries: boolean
}

export const validateTarget = 2

const ruleContext = (text: string): RuleContext => {
  const document = parseSource(text).document
  if (document === undefined) throw new Error("a bench input does not parse")
  return { value: document.value, document, providers: catalogProviders, modules: catalogModules }
}

const runRules = (ctx: RuleContext): number => {
  let n = 0
  for (const rule of rules) for (const _ of rule.check(ctx)) n++
  return n
}

export const validateCase = (
  input: Input,
  ajvValidate: ValidateFunction,
  options: ValidateCaseOptions,
): ValidateRow => {
  const { text } = input
  const ctx = ruleContext(text)
  const value = jsyaml.load(text)
  const peerRun = (): unknown => {
    ajvValidate(jsyaml.load(text))
    return ajvValidate.errors
  }
  const contenders: Array<Contender> = [
    { name: "ours", run: () => validate(text) },
    { name: "peer", run: peerRun },
    { name: "parse", run: () => parseSource(text) },
    { name: "shape", run: () => shapeFindings(ctx.value) },
    { name: "rules", run: () => runRules(ctx) },
  ]
  if (options.libraries) {
    contenders.push(
      { name: "yamlAst", run: () => parseDocument(text) },
      { name: "jsyamlLoad", run: () => jsyaml.load(text) },
      { name: "ajv", run: () => ajvValidate(value) },
    )
  }
  const t = measure(contenders, { rounds: options.rounds })
  const at = (name: string): Timing => t.find((x) => x.name === name)!
  const report = validate(text)
  ajvValidate(value)
  return {
    input,
    ours: at("ours"),
    peer: at("peer"),
    ratio: at("ours").ms / at("peer").ms,
    diagnostics: { errors: report.errors, warnings: report.warnings, infos: report.infos },
    peerErrors: ajvValidate.errors?.length ?? 0,
    parts: { parse: at("parse"), shape: at("shape"), rules: at("rules") },
    ...(options.libraries
      ? { libraries: { yamlAst: at("yamlAst"), jsyamlLoad: at("jsyamlLoad"), ajv: at("ajv") } }
      : {}),
  }
}

export interface RuleCost {
  readonly id: string
  readonly ms: number
}

/** Milliseconds per call of each semantic rule id on one input (a plain loop; for the breakdown only). */
export const ruleCosts = (text: string): Array<RuleCost> => {
  const ctx = ruleContext(text)
  const byId = new Map<string, number>()
  for (const rule of rules) {
    const once = () => {
      let n = 0
      for (const _ of rule.check(ctx)) n++
      return n
    }
    once()
    const start = performance.now()
    let calls = 0
    while (calls < 3 || performance.now() - start < 20) {
      once()
      calls++
    }
    byId.set(rule.id, (byId.get(rule.id) ?? 0) + (performance.now() - start) / calls)
  }
  return [...byId].map(([id, ms]) => ({ id, ms })).sort((a, b) => b.ms - a.ms)
}

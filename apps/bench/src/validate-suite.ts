/**
 * validate (issue 2, part 7): ours, text → diagnostics with positions and every rule, against the
 * peer a user would otherwise pick, js-yaml + ajv on the official schema (shape only), in one
 * interleaved run; plus a breakdown of ours to guide optimisation.
 */
import { manifestFindings, parseSource, type SourceDocument, validate } from "@ampkit/core"
import { catalogModules, catalogProviders } from "@ampkit/core/Catalog"
import { type RuleContext, rules } from "@ampkit/core/rules/index"
import { prepareServerView } from "@ampkit/core/rules/withServerKeys"
import { shapeFindings } from "@ampkit/core/Shape"
import type { ValidateFunction } from "ajv"
import * as jsyaml from "js-yaml"
import { type Contender, cpuMs, measure, type Timing } from "./measure.js"

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
  /**
   * Phases of ours, measured in the same run: `parseSource` (text → data + positions),
   * `manifestFindings` (shape decode + every semantic rule) and `shapeFindings` alone.
   */
  readonly parts: { readonly parse: Timing; readonly checks: Timing; readonly shape: Timing }
  /** The peer's two halves (when asked for): js-yaml load alone, ajv on a parsed value alone. */
  readonly peerParts?: { readonly jsyamlLoad: Timing; readonly ajv: Timing }
}

export interface ValidateCaseOptions {
  readonly rounds: number
  /** Also time the peer's halves alone (js-yaml load, ajv on a parsed value). */
  readonly peerParts: boolean
}

export const validateTarget = 2

const parsed = (text: string): SourceDocument => {
  const document = parseSource(text).document
  if (document === undefined) throw new Error("a bench input does not parse")
  return document
}

export const validateCase = (
  input: Input,
  ajvValidate: ValidateFunction,
  options: ValidateCaseOptions,
): ValidateRow => {
  const { text } = input
  const document = parsed(text)
  const value = jsyaml.load(text)
  const peerRun = (): unknown => {
    ajvValidate(jsyaml.load(text))
    return ajvValidate.errors
  }
  const contenders: Array<Contender> = [
    { name: "ours", run: () => validate(text) },
    { name: "peer", run: peerRun },
    { name: "parse", run: () => parseSource(text) },
    { name: "checks", run: () => manifestFindings(document.value, document) },
    { name: "shape", run: () => shapeFindings(document.value) },
  ]
  if (options.peerParts) {
    contenders.push(
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
    parts: { parse: at("parse"), checks: at("checks"), shape: at("shape") },
    ...(options.peerParts ? { peerParts: { jsyamlLoad: at("jsyamlLoad"), ajv: at("ajv") } } : {}),
  }
}

export interface RuleCost {
  readonly id: string
  readonly ms: number
}

/**
 * CPU milliseconds per call of each semantic rule id on one input, on the context the validator
 * gives them (its server view of the keys computed once, as `manifestFindings` does). A plain loop,
 * for the breakdown only.
 */
export const ruleCosts = (text: string): Array<RuleCost> => {
  const document = parsed(text)
  const ctx: RuleContext = prepareServerView({
    value: document.value,
    document,
    providers: catalogProviders,
    modules: catalogModules,
  })
  const byId = new Map<string, number>()
  for (const rule of rules) {
    const once = () => {
      let n = 0
      for (const _ of rule.check(ctx)) n++
      return n
    }
    for (let i = 0; i < 5; i++) once()
    const start = cpuMs()
    let calls = 0
    while (calls < 5 || cpuMs() - start < 30) {
      once()
      calls++
    }
    byId.set(rule.id, (byId.get(rule.id) ?? 0) + (cpuMs() - start) / calls)
  }
  return [...byId].map(([id, ms]) => ({ id, ms })).sort((a, b) => b.ms - a.ms)
}

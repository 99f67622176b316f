/**
 * plan (issue 4, part 5): the whole plan from the users' texts (list-integrations JSON + amp.yaml)
 * beside the cost of merely parsing the same two inputs (js-yaml + JSON.parse), in one run, with
 * the phases of the plan: parsing with positions, the manifest checks, decoding, the diff and the
 * YAML emission of the batches.
 */
import { manifestFindings, parseSource } from "@ampkit/core"
import { diff } from "@ampkit/core/Diff"
import { decodeDocument } from "@ampkit/core/Document"
import { manifestYaml } from "@ampkit/core/ManifestYaml"
import { plan, planFromText } from "@ampkit/core/Plan"
import * as jsyaml from "js-yaml"
import { type Contender, measure, type Timing } from "./measure.js"
import type { PlanInputs } from "./plan-inputs.js"

export interface PlanRow {
  readonly inputs: PlanInputs
  readonly bytes: { readonly desired: number; readonly current: number }
  readonly whole: Timing
  readonly bareParse: Timing
  /** whole / bareParse. */
  readonly ratio: number
  readonly phases: {
    readonly parse: Timing
    readonly checks: Timing
    readonly decode: Timing
    readonly plan: Timing
    readonly diff: Timing
    readonly emit: Timing
  }
  readonly summary: {
    readonly create: number
    readonly update: number
    readonly unchanged: number
    readonly orphan: number
  }
  readonly batches: number
}

export const planTarget = 3

type Decoded = { readonly _tag: "Success"; readonly success: { readonly kind: string; readonly value: unknown } }
const decoded = (r: ReturnType<typeof decodeDocument>): Decoded["success"] => {
  const x = r as unknown as Decoded | { readonly _tag: "Failure"; readonly failure: { message: string } }
  if (x._tag !== "Success") throw new Error(`a plan input does not decode: ${x.failure.message}`)
  return x.success
}

export const planCase = (inputs: PlanInputs): PlanRow => {
  const { desiredText, currentText } = inputs
  const outcome = planFromText({ current: currentText, desired: desiredText })
  if (!outcome.ok) {
    const why =
      outcome.reason === "invalid-manifest"
        ? outcome.report.diagnostics.find((d) => d.severity === "error")?.message
        : `${outcome.input}: ${outcome.message}`
    throw new Error(`planFromText refused the bench inputs (${outcome.reason}): ${why}`)
  }
  const desiredDoc = parseSource(desiredText).document!
  const currentDoc = parseSource(currentText).document!
  const current = decoded(decodeDocument(currentDoc.value, "integration-list")).value as Parameters<
    typeof plan
  >[0]["current"]
  const desired = decoded(decodeDocument(desiredDoc.value, "manifest")).value as Parameters<typeof plan>[0]["desired"]
  const batchBlocks = outcome.plan.batches.map((b) =>
    desired.integrations.filter((block) => b.integrations.includes(block.name)),
  )
  const contenders: Array<Contender> = [
    { name: "whole", run: () => planFromText({ current: currentText, desired: desiredText }) },
    { name: "bareParse", run: () => [jsyaml.load(desiredText), JSON.parse(currentText)] },
    { name: "parse", run: () => [parseSource(desiredText), parseSource(currentText)] },
    { name: "checks", run: () => manifestFindings(desiredDoc.value, desiredDoc) },
    {
      name: "decode",
      run: () => [decodeDocument(currentDoc.value, "integration-list"), decodeDocument(desiredDoc.value, "manifest")],
    },
    { name: "plan", run: () => plan({ current, desired, locate: desiredDoc.locate }) },
    {
      name: "diff",
      run: () =>
        diff(
          { value: current },
          {
            value: { specVersion: desired.specVersion, integrations: desired.integrations },
            locate: desiredDoc.locate,
          },
        ),
    },
    { name: "emit", run: () => batchBlocks.map((blocks) => manifestYaml(blocks)) },
  ]
  // Longer batches: a js-yaml load of 835 KB varies 3× from call to call with the GC's phase, so the bare
  // parse gets a few calls per batch.
  const t = measure(contenders, { rounds: 3, batchMs: 250 })
  const at = (name: string): Timing => t.find((x) => x.name === name)!
  return {
    inputs,
    bytes: { desired: Buffer.byteLength(desiredText), current: Buffer.byteLength(currentText) },
    whole: at("whole"),
    bareParse: at("bareParse"),
    ratio: at("whole").ms / at("bareParse").ms,
    phases: {
      parse: at("parse"),
      checks: at("checks"),
      decode: at("decode"),
      plan: at("plan"),
      diff: at("diff"),
      emit: at("emit"),
    },
    summary: outcome.plan.summary,
    batches: outcome.plan.batches.length,
  }
}

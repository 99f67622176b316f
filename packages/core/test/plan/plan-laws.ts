/**
 * The planner's laws (contract.md "Planning rules", issue #4), as one checker shared by the
 * scenario tests and the property tests. Each check throws with a sentence saying which law broke.
 */
import * as Result from "effect/Result"
import { parse } from "yaml"
import { diff } from "../../src/Diff.js"
import { decodeDocument } from "../../src/Document.js"
import type { IntegrationBlock, Manifest } from "../../src/Manifest.js"
import type { Plan } from "../../src/Plan.js"
import { parseSource } from "../../src/Source.js"

const fail = (message: string): never => {
  throw new Error(message)
}

/** The batch's `sourceYaml`, read by ampkit (YAML 1.2) and by a YAML 1.1 reader like the server: the same data. */
export const readSourceYaml = (sourceYaml: string): Manifest => {
  const parsed = parseSource(sourceYaml, { syntax: "yaml" })
  if (parsed.document === undefined || parsed.findings.some((f) => f.severity === "error")) {
    fail(`sourceYaml does not parse: ${parsed.findings.map((f) => f.message).join("; ")}`)
  }
  const yaml11 = parse(sourceYaml, { version: "1.1" })
  if (JSON.stringify(yaml11) !== JSON.stringify(parsed.document!.value)) {
    fail("sourceYaml reads differently in YAML 1.1 (the server) and YAML 1.2")
  }
  const decoded = decodeDocument(parsed.document!.value, "manifest")
  if (Result.isFailure(decoded)) return fail(`sourceYaml is not a manifest: ${decoded.failure.message}`)
  return decoded.success.value as Manifest
}

/** Two integration blocks mean the same (empty semantic diff). */
export const sameMeaning = (a: IntegrationBlock, b: IntegrationBlock): boolean =>
  diff({ value: a }, { value: b }).changes.length === 0

export const checkPlanLaws = (plan: Plan, desired: Manifest, maxBatch?: number): void => {
  const desiredByName = new Map(desired.integrations.map((b) => [b.name, b]))
  const entries = new Map(plan.integrations.map((e) => [e.name, e]))
  if (entries.size !== plan.integrations.length) fail("an integration appears twice in the plan")
  const sent = new Map<string, boolean>()
  for (const batch of plan.batches) {
    if (batch.integrations.length === 0) fail("an empty batch")
    if (maxBatch !== undefined && batch.integrations.length > maxBatch)
      fail(`a batch of ${batch.integrations.length} > maxBatch`)
    if (batch.request.query.destructive !== String(batch.destructive))
      fail("the request's destructive flag is not the batch's")
    const sorted = [...batch.integrations].sort()
    if (sorted.join("\n") !== batch.integrations.join("\n")) fail("batch integrations are not sorted")
    const manifest = readSourceYaml(batch.request.body.sourceYaml)
    if (manifest.specVersion !== "1.0.0") fail("sourceYaml's specVersion is not 1.0.0")
    const names = manifest.integrations.map((b) => b.name)
    if (names.join("\n") !== batch.integrations.join("\n")) {
      fail(`sourceYaml holds ${names.join(", ")} but the batch lists ${batch.integrations.join(", ")}`)
    }
    for (const block of manifest.integrations) {
      const want = desiredByName.get(block.name) ?? fail(`${block.name} is sent but not desired`)
      if (!sameMeaning(block, want)) fail(`${block.name} in sourceYaml does not mean what the manifest says`)
      if (sent.has(block.name)) fail(`${block.name} is sent twice`)
      sent.set(block.name, batch.destructive)
      const entry = entries.get(block.name) ?? fail(`${block.name} is sent but not planned`)
      if (entry.action !== "create" && entry.action !== "update") fail(`${block.name} is ${entry.action} but sent`)
      if (batch.destructive !== (entry.readRemoval === "stop-reads")) {
        fail(
          `${block.name} (${entry.readRemoval ?? "no removal"}) is in a ${batch.destructive ? "" : "non-"}destructive batch`,
        )
      }
    }
  }
  for (const entry of plan.integrations) {
    const isSent = sent.has(entry.name)
    if ((entry.action === "create" || entry.action === "update") !== isSent) {
      fail(`${entry.name} (${entry.action}) is ${isSent ? "" : "not "}sent`)
    }
    if (entry.action === "update" && entry.changes.length === 0) fail(`${entry.name} is an update without changes`)
    if (entry.action !== "update" && entry.changes.length !== 0) fail(`${entry.name} (${entry.action}) has changes`)
  }
  const counts = { create: 0, update: 0, unchanged: 0, orphan: 0 }
  for (const e of plan.integrations) counts[e.action]++
  if (JSON.stringify(counts) !== JSON.stringify(plan.summary)) fail("the summary does not count the integrations")
}

/**
 * Plan inputs: a desired `amp.yaml` of generated realistic integrations, and the live list
 * (list-integrations JSON, `Integration[]`) of the same integrations where a share of them differ
 * by one real edit each (so the plan has that many updates and the rest unchanged).
 */
import { parse } from "yaml"
import { editKinds, isObject, type Json, type JsonObject } from "./manifest-edits.js"
import type { PoolEntry } from "./manifest-generator.js"
import { generateManifest } from "./manifest-generator.js"
import { prng } from "./prng.js"

export interface PlanInputs {
  readonly desiredText: string
  readonly currentText: string
  readonly integrations: number
  /** Names of the live integrations that differ from the desired ones. */
  readonly changed: ReadonlyArray<string>
}

const hex = (random: ReturnType<typeof prng>, n: number): string => {
  let s = ""
  for (let i = 0; i < n; i++) s += "0123456789abcdef"[random.int(16)]
  return s
}
const uuid = (random: ReturnType<typeof prng>): string =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`

export const planInputs = (
  pool: ReadonlyArray<PoolEntry>,
  options: { readonly integrations: number; readonly changedShare: number; readonly seed: number },
): PlanInputs => {
  const desired = generateManifest(pool, { seed: options.seed, integrations: options.integrations })
  const value = parse(desired.text) as Json
  if (!isObject(value) || !Array.isArray(value.integrations)) throw new Error("not a manifest")
  const blocks = value.integrations.filter(isObject)
  const random = prng(options.seed + 1)
  const projectId = uuid(random)
  const toChange = new Set(
    random.shuffle(blocks.map((_, k) => k)).slice(0, Math.round(blocks.length * options.changedShare)),
  )
  const changed: Array<string> = []
  const current = blocks.map((block, k) => {
    const content: JsonObject = structuredClone(block)
    if (toChange.has(k)) {
      const first = random.int(editKinds.length)
      const applied = editKinds.some((_, j) => editKinds[(first + j) % editKinds.length]!.apply(content) !== undefined)
      if (!applied) throw new Error(`no edit applies to ${String(block.name)}`)
      changed.push(String(block.name))
    }
    const created = `2026-0${1 + random.int(9)}-1${random.int(10)}T0${random.int(10)}:${10 + random.int(50)}:00.${hex(random, 6).replace(/[a-f]/g, "7")}Z`
    return {
      id: uuid(random),
      projectId,
      name: content.name ?? null,
      provider: content.provider ?? null,
      createTime: created,
      latestRevision: { id: uuid(random), specVersion: "1.0.0", createTime: created, content },
    }
  })
  return { desiredText: desired.text, currentText: JSON.stringify(current), integrations: blocks.length, changed }
}

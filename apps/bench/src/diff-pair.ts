/**
 * A diff input pair: a manifest and a revision of it with a few real edits (each meant to be one
 * semantic change) plus a full reorder of every array, which is no change at all (changes.md:
 * order never matters). Deterministic for a given seed.
 */
import { parse, stringify } from "yaml"
import { type Edit, editKinds, isObject, type Json, type JsonObject, objects } from "./manifest-edits.js"
import { type Prng, prng } from "./prng.js"

export interface DiffPair {
  readonly before: Json
  readonly after: Json
  readonly beforeText: string
  readonly afterText: string
  readonly edits: ReadonlyArray<Edit>
  /** Arrays of two or more items whose order changed. */
  readonly reorderedArrays: number
}

/** Every array under `value` in a new seeded order (never the old one); counts the reordered arrays. */
const reorder = (value: Json, random: Prng, counter: { n: number }): Json => {
  if (Array.isArray(value)) {
    const items = value.map((v) => reorder(v, random, counter))
    if (items.length < 2) return items
    let shuffled = random.shuffle(items)
    if (shuffled.every((v, k) => v === items[k])) shuffled = [...items.slice(1), items[0]!]
    counter.n++
    return shuffled
  }
  if (isObject(value)) {
    const out: JsonObject = {}
    for (const [k, v] of Object.entries(value)) out[k] = reorder(v, random, counter)
    return out
  }
  return value
}

/** The pair for a manifest text: every edit kind once (each on its own integration), one added integration, a full reorder. */
export const diffPair = (beforeText: string, seed: number): DiffPair => {
  const before = parse(beforeText) as Json
  const after = structuredClone(before)
  if (!isObject(after) || !Array.isArray(after.integrations)) throw new Error("not a manifest")
  const integrations = objects(after.integrations)
  const random = prng(seed)
  const order = random.shuffle(integrations.map((_, k) => k))
  const used = new Set<number>()
  const edits: Array<Edit> = []
  for (const kind of editKinds) {
    for (const k of order) {
      if (used.has(k)) continue
      const integration = integrations[k]!
      const description = kind.apply(integration)
      if (description === undefined) continue
      used.add(k)
      edits.push({ expect: kind.expect, integration: String(integration.name), description })
      break
    }
  }
  if (edits.length !== editKinds.length) throw new Error("the manifest is too small for every edit kind")
  const template = integrations[order.find((k) => !used.has(k))!]!
  const added = { ...structuredClone(template), name: "bench-added-integration" }
  after.integrations.push(added)
  edits.push({ expect: "integration-added", integration: added.name, description: "a new integration" })
  const counter = { n: 0 }
  const reordered = reorder(after, random, counter)
  return { before, after: reordered, beforeText, afterText: stringify(reordered), edits, reorderedArrays: counter.n }
}

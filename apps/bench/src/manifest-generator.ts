/**
 * Realistic generated manifests: the real samples' integration blocks (comments, quoting and key
 * order kept), picked in a seeded order and renamed so every name is unique, until a target size
 * or count is reached. Deterministic: the same pool and seed give the same text.
 */
import { Document, isMap, isSeq, parseDocument, type YAMLMap, YAMLSeq } from "yaml"
import type { Sample } from "./corpus.js"
import { prng } from "./prng.js"

/** One real integration block of a sample. */
export interface PoolEntry {
  readonly sample: string
  readonly name: string
  readonly node: YAMLMap
}

export interface GeneratedManifest {
  readonly text: string
  readonly bytes: number
  /** Integration names in document order. */
  readonly names: ReadonlyArray<string>
}

/** Every integration block of the samples, in sample order. */
export const integrationPool = (samples: ReadonlyArray<Sample>): Array<PoolEntry> => {
  const out: Array<PoolEntry> = []
  for (const sample of samples) {
    const doc = parseDocument(sample.text)
    const integrations = doc.get("integrations")
    if (!isSeq(integrations)) continue
    for (const item of integrations.items) {
      if (!isMap(item)) continue
      const name = item.get("name")
      if (typeof name === "string") out.push({ sample: sample.path, name, node: item })
    }
  }
  if (out.length === 0) throw new Error("no integration blocks in the samples")
  return out
}

/** Regions and stages appended to copies of a name, as teams do when they fork an integration. */
const suffixes = ["emea", "apac", "amer", "eu", "us", "uk", "de", "fr", "jp", "au", "ca", "br", "sg", "staging"]
const maxNameLength = 64

/** A fresh unique name for another copy of `base`. The first copy keeps the real name. */
const renamer = () => {
  const used = new Set<string>()
  const copies = new Map<string, number>()
  return (base: string): string => {
    for (;;) {
      const k = copies.get(base) ?? 0
      copies.set(base, k + 1)
      const round = Math.floor((k - 1) / suffixes.length)
      const suffix = k === 0 ? "" : `-${suffixes[(k - 1) % suffixes.length]}${round > 0 ? round + 1 : ""}`
      const name = base.slice(0, maxNameLength - suffix.length) + suffix
      if (!used.has(name)) {
        used.add(name)
        return name
      }
    }
  }
}

/** One integration block as the text of an item of `integrations:` (indented by two spaces). */
const blockText = (node: YAMLMap): string => {
  const seq = new YAMLSeq()
  seq.items.push(node)
  const doc = new Document()
  doc.contents = seq
  const text = doc.toString({ lineWidth: 0 })
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n")
}

const header = "specVersion: 1.0.0\nintegrations:\n"

export interface GenerateOptions {
  readonly seed: number
  /** Stop once the text is at least this many bytes. */
  readonly bytes?: number
  /** Stop after this many integrations. */
  readonly integrations?: number
}

/** A manifest made of renamed copies of the pool's blocks, in a seeded order. */
export const generateManifest = (pool: ReadonlyArray<PoolEntry>, options: GenerateOptions): GeneratedManifest => {
  if (options.bytes === undefined && options.integrations === undefined) throw new Error("give bytes or integrations")
  const random = prng(options.seed)
  const rename = renamer()
  const blocks: Array<string> = []
  const names: Array<string> = []
  let bytes = Buffer.byteLength(header)
  const done = () =>
    (options.bytes !== undefined && bytes >= options.bytes) ||
    (options.integrations !== undefined && names.length >= options.integrations)
  while (!done()) {
    for (const entry of random.shuffle(pool)) {
      if (done()) break
      const node = entry.node.clone() as YAMLMap
      const name = rename(entry.name)
      node.set("name", name)
      const block = blockText(node)
      blocks.push(block)
      names.push(name)
      bytes += Buffer.byteLength(block)
    }
  }
  const text = header + blocks.join("")
  return { text, bytes: Buffer.byteLength(text), names }
}

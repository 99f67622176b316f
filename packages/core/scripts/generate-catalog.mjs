#!/usr/bin/env node
/**
 * Regenerates the provider list in src/Catalog.ts from the corpus snapshot
 * (corpus/ampersand/providers.txt: the provider name constants of amp-labs/connectors).
 *
 *   node packages/core/scripts/generate-catalog.mjs          rewrite the generated block
 *   node packages/core/scripts/generate-catalog.mjs --check  exit 1 when the block is out of date
 *
 * Only the block between the BEGIN/END markers is generated; the module table next to it is
 * written by hand from domain.md §6.2. Test-only connectors (mock*, memstore, monaco) are left out:
 * they are not providers a customer can deploy against.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const source = join(here, "../../../corpus/ampersand/providers.txt")
const target = join(here, "../src/Catalog.ts")
const begin = "// BEGIN GENERATED providers (scripts/generate-catalog.mjs; do not edit by hand)"
const end = "// END GENERATED providers"

/**
 * Providers missing from the providers.txt snapshot but known to exist: named in domain.md §6.1 and
 * deployed by an official Ampersand sample. Each with its evidence; the list only grows.
 */
const beyondSnapshot = [["apollo", "domain.md §6.1 lists it; corpus/ampersand/samples/apollo/amp.yaml deploys it"]]

const testOnly = (name) => name.startsWith("mock") || name === "memstore" || name === "monaco"

const names = readFileSync(source, "utf8")
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"))
const providers = [...new Set([...names, ...beyondSnapshot.map(([name]) => name)])].filter((name) => !testOnly(name))
for (const name of providers) {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`unexpected provider name in ${source}: ${name}`)
}

const lines = [
  begin,
  "// biome-ignore format: generated, one line per 120 columns",
  "export const providerNames: ReadonlyArray<string> = [",
]
let line = " "
for (const name of providers) {
  const item = ` "${name}",`
  if (line.length + item.length > 120) {
    lines.push(line)
    line = " "
  }
  line += item
}
if (line.trim() !== "") lines.push(line)
lines.push("]", end)
const block = lines.join("\n")

const current = readFileSync(target, "utf8")
const from = current.indexOf(begin)
const to = current.indexOf(end)
if (from < 0 || to < from) throw new Error(`${target} lacks the generated-block markers`)
const next = current.slice(0, from) + block + current.slice(to + end.length)

if (process.argv.includes("--check")) {
  if (next !== current) {
    process.stderr.write(`${target} is out of date: run node packages/core/scripts/generate-catalog.mjs\n`)
    process.exit(1)
  }
  process.stdout.write(`catalog up to date (${providers.length} providers)\n`)
} else {
  writeFileSync(target, next)
  process.stdout.write(`wrote ${providers.length} providers to ${target}\n`)
}

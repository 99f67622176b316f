/**
 * Where the bytes of the bundles go (the analysis behind the 60 KiB gzip target):
 * - the gzip cost of each dependency, measured by building the bundle again without it (external);
 * - the largest modules (minified bytes, from esbuild's metafile);
 * - which core modules import effect and yaml (the edges that pull them in).
 * Nothing is written: it prints a report. `node scripts/size-report.mjs [--json]`
 */
import { bundle, bytesByPackage, entries, gzipTarget } from "./bundle.mjs"

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`

/** The gzip bytes a package costs in a bundle: the bundle's size minus the size without it. */
const marginalGzip = async (name, full, externals) => {
  const without = await bundle(name, { external: externals })
  return full.gzip - without.gzip
}

const importersOf = (metafile, prefix) => {
  const out = new Set()
  for (const [input, meta] of Object.entries(metafile.inputs)) {
    if (!input.includes("core/src/")) continue
    for (const i of meta.imports)
      if (i.original === prefix || i.original?.startsWith(`${prefix}/`))
        out.add(`${input.replace(/.*core\/src\//, "core/")} → ${i.original}`)
  }
  return [...out].sort()
}

const report = {}
for (const name of Object.keys(entries)) {
  const full = await bundle(name)
  const effect = await marginalGzip(name, full, ["effect", "effect/*"])
  const yaml = await marginalGzip(name, full, ["yaml"])
  const modules = Object.entries(full.metafile.outputs[Object.keys(full.metafile.outputs)[0]].inputs)
    .map(([input, { bytesInOutput }]) => ({
      input: input.replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "").replace(/.*core\/src\//, "core/"),
      bytes: bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes)
  report[name] = {
    bytes: full.bytes,
    gzip: full.gzip,
    gzipOf: { effect, yaml, rest: full.gzip - effect - yaml },
    packages: bytesByPackage(full.metafile),
    largest: modules.slice(0, 15),
    effectImporters: importersOf(full.metafile, "effect"),
    yamlImporters: importersOf(full.metafile, "yaml"),
  }
}

if (process.argv.includes("--json")) console.log(JSON.stringify(report, null, 2))
else {
  for (const [name, r] of Object.entries(report)) {
    console.log(`\n${name}.js: ${kib(r.bytes)} min, ${kib(r.gzip)} gzip (target for everything ${kib(gzipTarget)})`)
    console.log(
      `  gzip cost: effect ${kib(r.gzipOf.effect)}, yaml ${kib(r.gzipOf.yaml)}, core + browser code ${kib(r.gzipOf.rest)}`,
    )
    console.log(`  minified by package: ${r.packages.map((p) => `${p.name} ${kib(p.bytes)}`).join(", ")}`)
    console.log("  largest modules (minified):")
    for (const m of r.largest) console.log(`    ${kib(m.bytes).padStart(9)}  ${m.input}`)
    console.log(`  core modules importing effect: ${r.effectImporters.join("; ")}`)
    console.log(`  core modules importing yaml: ${r.yamlImporters.join("; ")}`)
  }
}

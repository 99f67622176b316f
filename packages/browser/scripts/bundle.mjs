/**
 * Build the ESM bundles of @ampkit/browser with esbuild (platform browser, minified) from the
 * TypeScript sources of this package and of @ampkit/core:
 *   dist/index.js     everything: validate, decodeText, diff, plan, decodeProblem(Text), explainProblem
 *   dist/validate.js  validate alone
 * Each bundle is self-contained (effect and yaml inlined). The build fails when a bundle is not
 * portable (scripts/portability.mjs: an import, a Node global or module, eval, new Function).
 * It prints the sizes (minified, gzip -9) against the 60 KiB gzip target, the bytes per package,
 * and writes dist/sizes.json and dist/<entry>.meta.json (esbuild metafile, for analysis).
 *
 *   node scripts/bundle.mjs [--outdir <dir>]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import * as esbuild from "esbuild"
import { minifySync } from "rolldown/utils"
import { describeProblems, portabilityProblems } from "./portability.mjs"

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..")

/** The bundles: output name → entry source. */
export const entries = { validate: "src/validate.ts", index: "src/index.ts" }

/** Target for everything, gzip -9 bytes (issue #6). */
export const gzipTarget = 60 * 1024

/**
 * Mark packages whose modules have no top-level side effects but whose package.json does not say so
 * (`"sideEffects": false`), so esbuild drops the modules the bundle does not use. `yaml` re-exports
 * everything from its index; without this, importing its CST `Parser` alone keeps ≈50 KiB of unused
 * composer, document and stringify code. (effect and @ampkit/core declare it themselves.)
 */
const sideEffectFree = (names) => ({
  name: "side-effect-free",
  setup(build) {
    const inPackage = (path) => names.some((n) => path.includes(`/node_modules/${n}/`))
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "side-effect-free") return undefined
      if (!names.includes(args.path) && !inPackage(args.importer)) return undefined
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "side-effect-free",
      })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      return { ...resolved, sideEffects: false }
    })
  },
})

/**
 * The bundles leave out core's YAML fast path (internal/source-yaml-fast.ts, ≈3.6 KiB gzip): every
 * text goes through the full path, which gives the same outcome for every input (the fast path is
 * property-tested against it in core, test/source), only slower: validating the largest real sample
 * (13 KB) takes ≈5 ms instead of ≈1, a 65 KB manifest ≈21 ms (Node 20; the playground runs it off the
 * page's main thread). For a page, bytes count more than that; the CLI and the Worker, where speed
 * counts, keep the fast path.
 */
const withoutYamlFastPath = {
  name: "without-yaml-fast-path",
  setup(build) {
    build.onResolve({ filter: /(^|\/)source-yaml-fast\.js$/ }, () => ({
      path: "source-yaml-fast (left out)",
      namespace: "ampkit-browser",
    }))
    build.onLoad({ filter: /.*/, namespace: "ampkit-browser" }, () => ({
      contents: "export const parseYamlFast = () => undefined",
      loader: "js",
    }))
  },
}

/**
 * The bundles leave out the report on `# amp:ignore` directives that do nothing (`ignore-directive`:
 * core's internal/directive-report.ts, ≈1.3 KiB gzip): in a page the directives still suppress what
 * they name, but one naming an unknown or error-only rule, or suppressing nothing, is not reported
 * (the CLI and the Worker report it). Without this the bundle would pass the 60 KiB budget.
 */
const withoutDirectiveReport = {
  name: "without-directive-report",
  setup(build) {
    build.onResolve({ filter: /(^|\/)directive-report\.js$/ }, () => ({
      path: "directive-report (left out)",
      namespace: "ampkit-browser-directives",
    }))
    build.onLoad({ filter: /.*/, namespace: "ampkit-browser-directives" }, () => ({
      contents: 'export const ignoreDirective = "ignore-directive"; export const reportDirectives = () => []',
      loader: "js",
    }))
  },
}

/**
 * The bundles leave out the rules' one-line summaries and their domain.md references (≈0.9 KiB gzip):
 * they are words for the generated docs, SARIF rule descriptions and the CLI's rule list, and the
 * browser face exposes none of those (a diagnostic carries its own message and hint), and no code in
 * it reads either key, so both keys go. A summary written in any other form than one quoted string,
 * or a domain list in any other form than quoted ids, fails the build rather than stay in silently.
 */
const withoutRuleSummaries = {
  name: "without-rule-summaries",
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]src[\\/]rules[\\/][^\\/]+\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8")
      const contents = source
        .replace(/\bsummary:\s*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'),/g, "")
        .replace(/\bdomain:\s*\[\s*(?:"[A-Z]\d+"\s*,?\s*)*\],/g, "")
      if (/\b(?:summary|domain):/.test(contents))
        throw new Error(
          `${args.path}: a rule summary that is not one quoted string, or a domain list not of quoted ids`,
        )
      return { contents, loader: "ts" }
    })
  },
}

/**
 * A second minification with oxc (rolldown's minifier) after esbuild's: it compresses further
 * (top-level mangling, more folding), ≈3% of the gzip size. The face tests run against its output.
 */
export const minifyMore = (code, name) => {
  const result = minifySync(name, code, { compress: { target: "es2022" }, mangle: { toplevel: true } })
  if (result.errors.length > 0)
    throw new Error(`${name}: oxc minify: ${result.errors.map((e) => e.message).join("; ")}`)
  return result.code
}

/** esbuild options shared by every bundle (and by scripts/size-report.mjs). */
export const buildOptions = (entry) => ({
  entryPoints: [join(packageDir, entry)],
  absWorkingDir: packageDir,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  // Workspace packages from their TypeScript source (package.json "@ampkit/source" export condition).
  conditions: ["@ampkit/source"],
  // effect probes `globalThis.process?.getBuiltinModule?.("node:async_hooks")` for Node's async
  // context; a browser has no `process`, so the probe is folded away and no Node module is named.
  define: { "globalThis.process": "undefined" },
  legalComments: "none",
  plugins: [sideEffectFree(["yaml"]), withoutYamlFastPath, withoutRuleSummaries, withoutDirectiveReport],
  metafile: true,
  write: false,
  logLevel: "warning",
})

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length

/** The package a bundled input belongs to: effect, yaml, @ampkit/core, @ampkit/browser. */
export const packageOf = (input) => {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(input)
  if (m !== null) return m[1]
  if (input.includes("core/src/")) return "@ampkit/core"
  return "@ampkit/browser"
}

/** Minified bytes per package, largest first, from an esbuild metafile. */
export const bytesByPackage = (metafile) => {
  const totals = new Map()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input)
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput)
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes }))
}

/** Build one bundle in memory: its code, sizes, metafile and portability problems. */
export const bundle = async (name, overrides = {}) => {
  const result = await esbuild.build({ ...buildOptions(entries[name]), outfile: `${name}.js`, ...overrides })
  const file = result.outputFiles.find((f) => f.path.endsWith(".js"))
  const code = minifyMore(file.text, `${name}.js`)
  const bytes = new TextEncoder().encode(code)
  return {
    name,
    code,
    bytes: bytes.length,
    gzip: gzipSize(bytes),
    metafile: result.metafile,
    problems: portabilityProblems(code, `${name}.js`),
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`

const main = async () => {
  const args = process.argv.slice(2)
  const outdir = args[0] === "--outdir" && args[1] !== undefined ? args[1] : join(packageDir, "dist")
  mkdirSync(outdir, { recursive: true })
  const sizes = { target: { gzip: gzipTarget }, entries: {} }
  let failed = false
  for (const name of Object.keys(entries)) {
    const b = await bundle(name)
    if (b.problems.length > 0) {
      failed = true
      console.error(`✖ ${name}.js is not portable:\n${describeProblems(b.problems, `${name}.js`)}`)
    }
    writeFileSync(join(outdir, `${name}.js`), b.code)
    writeFileSync(join(outdir, `${name}.meta.json`), JSON.stringify(b.metafile))
    const packages = bytesByPackage(b.metafile)
    sizes.entries[name] = { file: `${name}.js`, bytes: b.bytes, gzip: b.gzip, packages }
    const shares = packages.map((p) => `${p.name} ${kib(p.bytes)}`).join(", ")
    console.log(
      `${`${name}.js`.padEnd(12)} ${kib(b.bytes).padStart(10)} min ${kib(b.gzip).padStart(9)} gzip  (${shares})`,
    )
  }
  const all = sizes.entries.index.gzip
  console.log(
    all <= gzipTarget
      ? `✔ everything is ${kib(all)} gzip, within the ${kib(gzipTarget)} target`
      : `▲ everything is ${kib(all)} gzip, ${kib(all - gzipTarget)} over the ${kib(gzipTarget)} target (see node scripts/size-report.mjs)`,
  )
  writeFileSync(join(outdir, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`)
  console.log(`wrote ${relative(process.cwd(), outdir) || "."}/{index,validate}.js, sizes.json`)
  if (failed) process.exit(1)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main()

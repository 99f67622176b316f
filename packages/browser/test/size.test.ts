/**
 * Sizes: dist/sizes.json is what the files weigh, the bundles use effect only by narrow subpaths
 * (its barrel alone costs ~75 KB gzip), and they stay under a ceiling that catches such a
 * regression. The 60 KiB target for everything is reported by the build, not enforced: see
 * `node scripts/size-report.mjs` for where the bytes go.
 */
import { readFileSync } from "node:fs"
import { gzipSync } from "node:zlib"
import { describe, expect, test } from "vitest"

const read = (file: string): Buffer => readFileSync(new URL(`../dist/${file}`, import.meta.url))

interface Sizes {
  readonly target: { readonly gzip: number }
  readonly entries: Record<string, { file: string; bytes: number; gzip: number; packages: Array<{ name: string }> }>
}
const sizes = (): Sizes => JSON.parse(read("sizes.json").toString("utf8"))

/**
 * Ceilings (gzip bytes) well above today's sizes (Dec 2026: validate 86 KiB, everything 106 KiB), so
 * that core's normal growth does not trip them while a gross regression does: effect's barrel or a
 * second copy of effect adds ~75 KiB.
 */
const ceilings: Record<string, number> = { validate: 110 * 1024, index: 130 * 1024 }

describe.each(["validate", "index"])("%s.js", (name) => {
  test("sizes.json holds its real sizes", () => {
    const entry = sizes().entries[name]!
    const bytes = read(`${name}.js`)
    expect(entry.bytes).toBe(bytes.length)
    expect(entry.gzip).toBe(gzipSync(bytes, { level: 9 }).length)
    expect(sizes().target.gzip).toBe(60 * 1024)
  })

  test("holds effect, yaml and core, and nothing else", () => {
    const names = sizes()
      .entries[name]!.packages.map((p) => p.name)
      .sort()
    expect(names).toEqual(["@ampkit/browser", "@ampkit/core", "effect", "yaml"])
  })

  test("does not bundle effect's barrel (import effect by subpath)", () => {
    const meta = JSON.parse(read(`${name}.meta.json`).toString("utf8")) as { inputs: Record<string, unknown> }
    const barrel = Object.keys(meta.inputs).filter((i) => /effect\/dist\/index\.js$/.test(i))
    expect(barrel).toEqual([])
  })

  test("stays under its size ceiling", () => {
    expect(sizes().entries[name]!.gzip).toBeLessThanOrEqual(ceilings[name]!)
  })
})

/**
 * `ampkit validate <dir>`: a directory stands for the YAML files beneath it; several files end the
 * text output with a total line. Run in-process on a real directory built from corpus samples in a
 * temporary folder, and on the corpus itself.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { validate } from "@ampkit/core"
import { beforeAll, describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const samples = "corpus/ampersand/samples"
const sampleText = (name: string): string => readFileSync(join(repo, samples, name), "utf8")

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

/**
 * A project folder: four manifests (one with errors, `a/amp.yml`), in an order where a per-folder walk
 * and a sort by path differ (`a-b/` sorts before `a/`: `-` < `/`), and what must be skipped:
 * node_modules, hidden folders and files, other extensions, a link to a folder that loops back.
 */
let root = ""
const layout: Record<string, string> = {
  "b/amp.yaml": "hubspot/amp.yaml",
  "a/amp.yml": "netsuiteM2M/amp.yaml",
  "a/nested/deep/amp.yaml": "salesforce/amp.yaml",
  "a-b/amp.yaml": "quickstart/amp.yaml",
  "node_modules/pkg/amp.yaml": "netsuiteM2M/amp.yaml",
  ".github/workflows/ci.yml": "netsuiteM2M/amp.yaml",
  ".amp.yaml": "netsuiteM2M/amp.yaml",
  "a/amp.yaml.bak": "netsuiteM2M/amp.yaml",
  "a/notes.txt": "hubspot/amp.yaml",
}
const expectedOrder = ["a-b/amp.yaml", "a/amp.yml", "a/nested/deep/amp.yaml", "b/amp.yaml", "linked.yaml"]

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ampkit-validate-dir-"))
  for (const [path, sample] of Object.entries(layout)) {
    mkdirSync(join(root, path, ".."), { recursive: true })
    writeFileSync(join(root, path), sampleText(sample))
  }
  mkdirSync(join(root, "empty"))
  symlinkSync(join(root, "a"), join(root, "a", "loop"))
  symlinkSync(join(root, "b", "amp.yaml"), join(root, "linked.yaml"))
  mkdirSync(join(root, "only-skipped", "node_modules"), { recursive: true })
  mkdirSync(join(root, "only-skipped", ".cache"), { recursive: true })
  writeFileSync(join(root, "only-skipped", "node_modules", "x.yaml"), "a: 1\n")
  writeFileSync(join(root, "only-skipped", ".cache", "x.yml"), "a: 1\n")
  writeFileSync(join(root, "only-skipped", "readme.md"), "# no manifests\n")
})

/** What core says of each file, independently of the CLI. */
const reportsOf = (files: ReadonlyArray<string>) =>
  files.map((file) => validate(readFileSync(join(root, file), "utf8"), { syntax: "yaml" }))

describe("a directory argument", () => {
  test("json: every *.yaml / *.yml beneath it, sorted by path, skipping node_modules, hidden and other files", async () => {
    const r = await cli(["validate", "--format", "json", "."], { cwd: root })
    expect(r.err).toBe("")
    const parsed = JSON.parse(r.out) as Array<{ file: string; ok: boolean; errors: number }>
    expect(parsed.map((x) => x.file)).toEqual(expectedOrder.map((f) => `./${f}`))
    const reports = reportsOf(expectedOrder)
    expect(parsed.map((x) => [x.ok, x.errors])).toEqual(reports.map((x) => [x.ok, x.errors]))
    expect(parsed.map((x) => x.ok)).toEqual([true, false, true, true, true])
    expect(r.code).toBe(1)
  })

  test("text: each file in that order, then one total line that adds them up", async () => {
    const r = await cli(["validate", root])
    const verdicts = r.out.split("\n").filter((l) => /^[✔✖] /.test(l))
    expect(verdicts.slice(0, -1)).toEqual(
      expectedOrder.map((f, i) => expect.stringContaining(`${i === 1 ? "✖ invalid" : "✔ valid"} ${root}/${f}: `)),
    )
    const reports = reportsOf(expectedOrder)
    const sum = (key: "errors" | "warnings" | "infos") => reports.reduce((n, x) => n + x[key], 0)
    expect(sum("errors")).toBeGreaterThan(0)
    expect(sum("infos")).toBeGreaterThan(0)
    expect(verdicts.at(-1)).toBe(
      `✖ total: 5 files, 4 valid: ${sum("errors")} errors, ${sum("warnings")} warnings, ${sum("infos")} infos`,
    )
    expect(r.out.endsWith(`${verdicts.at(-1)}\n`)).toBe(true)
    expect(r.out).toMatch(/\n\n✖ total: /)
    expect(r.code).toBe(1)
  })

  test("a directory of valid manifests exits 0; its total is green on a terminal", async () => {
    const b = join(root, "b")
    const plain = await cli(["validate", b, join(root, "a-b")])
    expect(plain.out.trim().split("\n").at(-1)).toMatch(/^✔ total: 2 files, 2 valid: 0 errors, 0 warnings, \d+ infos$/)
    expect(plain.code).toBe(0)
    const tty = await cli(["validate", b, join(root, "a-b")], { tty: true })
    expect(tty.out).toContain("\u001b[32m✔ total\u001b[0m: 2 files")
    const noColor = await cli(["validate", b, join(root, "a-b")], { tty: true, env: { NO_COLOR: "1" } })
    expect(noColor.out).not.toContain("\u001b[")
  })

  test("one directory with one file: still several-files output (array, total), so scripts see one shape", async () => {
    const json = JSON.parse((await cli(["validate", "--format", "json", "b"], { cwd: root })).out)
    expect(json).toEqual([expect.objectContaining({ file: "b/amp.yaml", ok: true })])
    const amp = JSON.parse((await cli(["validate", "--format", "amp", "b/"], { cwd: root })).out)
    expect(amp).toEqual([expect.objectContaining({ file: "b/amp.yaml", valid: true })])
    const text = await cli(["validate", "b"], { cwd: root })
    expect(text.out.trim().split("\n").at(-1)).toMatch(/^✔ total: 1 file, 1 valid: 0 errors/)
  })

  test("one file stays one object with no total line (the contract's single-input output)", async () => {
    const text = await cli(["validate", "b/amp.yaml"], { cwd: root })
    expect(text.out).not.toContain("total")
    const json = JSON.parse((await cli(["validate", "--format", "json", "b/amp.yaml"], { cwd: root })).out)
    expect(Array.isArray(json)).toBe(false)
    expect(json.file).toBe("b/amp.yaml")
  })

  test("files and directories mix; a file a directory brings again is read once", async () => {
    const r = await cli(["validate", "--format", "json", "b/amp.yaml", "a", "a-b/amp.yaml"], { cwd: root })
    expect(JSON.parse(r.out).map((x: { file: string }) => x.file)).toEqual([
      "b/amp.yaml",
      "a/amp.yml",
      "a/nested/deep/amp.yaml",
      "a-b/amp.yaml",
    ])
    const twice = await cli(["validate", "--format", "json", "a", "a/nested"], { cwd: root })
    expect(JSON.parse(twice.out).map((x: { file: string }) => x.file)).toEqual(["a/amp.yml", "a/nested/deep/amp.yaml"])
  })

  test("sarif and github cover every file of the directory", async () => {
    const sarif = JSON.parse((await cli(["validate", "--format", "sarif", "a"], { cwd: root })).out)
    const uris = new Set(
      sarif.runs[0].results.map(
        (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          x.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    )
    expect(uris).toContain("a/amp.yml")
    const github = await cli(["validate", "--format", "github", "a"], { cwd: root })
    expect(github.out).toMatch(/^::error file=a\/amp\.yml,line=\d+/m)
    expect(github.out).not.toContain("total")
    expect(github.code).toBe(1)
  })

  test("--strict and --ignore apply to every file", async () => {
    const r = await cli(["validate", "--format", "json", "--ignore", "backfill-large", "."], { cwd: root })
    for (const file of JSON.parse(r.out) as Array<{ diagnostics: Array<{ rule: string; suppressed: boolean }> }>)
      for (const d of file.diagnostics) if (d.rule === "backfill-large") expect(d.suppressed).toBe(true)
  })
})

describe("a directory with no YAML file is a usage error (exit 2)", () => {
  test.each([["empty"], ["only-skipped"], ["only-skipped/"]])("%s", async (dir) => {
    const r = await cli(["validate", dir], { cwd: root })
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err).toBe(
      `ampkit: ${dir} holds no .yaml or .yml file (node_modules and hidden entries are skipped)\n` +
        "Run ampkit validate --help for usage.\n",
    )
  })
  test("even beside valid inputs", async () => {
    const r = await cli(["validate", "b/amp.yaml", "empty"], { cwd: root })
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
  })
})

describe("the 121 real samples as one directory", () => {
  test("json lists each sample once, in path order; the text total agrees with it", async () => {
    const json = await cli(["validate", "--format", "json", samples])
    const parsed = JSON.parse(json.out) as Array<{
      file: string
      ok: boolean
      errors: number
      warnings: number
      infos: number
    }>
    expect(parsed).toHaveLength(121)
    const files = parsed.map((x) => x.file)
    expect(files).toEqual([...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(files).toContain(`${samples}/monday/amp.yml`)
    expect(files).toContain(`${samples}/zoho/desk/amp.yaml`)
    const text = await cli(["validate", samples])
    const sum = (key: "errors" | "warnings" | "infos") => parsed.reduce((n, x) => n + x[key], 0)
    const valid = parsed.filter((x) => x.ok).length
    expect(text.out.trim().split("\n").at(-1)).toBe(
      `${valid === 121 ? "✔" : "✖"} total: 121 files, ${valid} valid: ${sum("errors")} errors, ` +
        `${sum("warnings")} warnings, ${sum("infos")} infos`,
    )
    expect(valid).toBe(120) // netsuiteM2M breaks the server's enabled: always rules (rules.md)
    expect(text.code).toBe(1)
  })
})

describe("help", () => {
  test("validate --help and ampkit --help name the directory form", async () => {
    const help = await cli(["validate", "--help"])
    expect(help.out).toMatch(/^Usage: ampkit validate \[<file\|dir\|->\.\.\.\] \[options\]/)
    expect(help.out).toContain("A directory stands for every *.yaml and *.yml file beneath it")
    expect((await cli(["--help"])).out).toContain("validate [<file|dir|->...]")
  })
})

/**
 * `ampkit validate` with no input, where ./amp.yml (the other default name) is what is there: the usage
 * error names it, as it names ./amp.yaml. And `--quiet` over the real samples: counts and exit codes
 * as without it, in every format.
 */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const samples = join(repo, "corpus/ampersand/samples")

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

const dir = mkdtempSync(join(tmpdir(), "ampkit-hostile-3-"))
const folder = (name: string): string => {
  const path = join(dir, name)
  mkdirSync(path)
  return path
}

describe("validate with no input: what is wrong with ./amp.yml", () => {
  test("neither file: both names are said", async () => {
    const r = await cli(["validate"], { cwd: folder("none") })
    expect(r.code).toBe(2)
    expect(r.err).toContain("there is no amp.yaml or amp.yml here")
  })

  test("./amp.yml that is a directory is said to be one, not absent", async () => {
    const cwd = folder("yml-dir")
    mkdirSync(join(cwd, "amp.yml"))
    const r = await cli(["validate"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toContain("./amp.yml is a directory")
  })

  test("./amp.yml that is a broken link is said to be one", async () => {
    const cwd = folder("yml-link")
    symlinkSync("nowhere.yaml", join(cwd, "amp.yml"))
    const r = await cli(["validate"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toContain("./amp.yml is a link to no regular file")
  })

  test("./amp.yaml a directory and ./amp.yml a file: amp.yml is validated", async () => {
    const cwd = folder("both")
    mkdirSync(join(cwd, "amp.yaml"))
    copyFileSync(join(samples, "aha/amp.yaml"), join(cwd, "amp.yml"))
    const r = await cli(["validate"], { cwd })
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^✔ valid amp\.yml: /)
  })
})

describe("--quiet over the samples: the same counts and exit code in every format", () => {
  const counts = (format: string, out: string): unknown => {
    if (format === "json")
      return (JSON.parse(out) as Array<Record<string, unknown>>).map((f) => [f.ok, f.errors, f.warnings, f.infos])
    if (format === "text") return out.trimEnd().split("\n").at(-1)
    return undefined
  }
  test.each([
    ["text", []],
    ["text", ["--strict"]],
    ["json", []],
    ["json", ["--strict"]],
    ["sarif", ["--strict"]],
    ["github", []],
    ["amp", ["--strict"]],
  ] as const)("%s %j", async (format, extra) => {
    const args = ["validate", samples, "--format", format, ...extra]
    const [loud, quiet] = [await cli(args), await cli([...args, "--quiet"])]
    expect(quiet.code).toBe(loud.code)
    expect(quiet.code).toBe(1)
    expect(counts(format, quiet.out)).toEqual(counts(format, loud.out))
    expect(quiet.out.length).toBeLessThan(loud.out.length)
  })
})

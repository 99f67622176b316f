/**
 * Hostile inputs for the API-list refusals and `validate` without arguments (session 5): an installation
 * given alone, a wrapped list's key cut inside an astral character, ./amp.yaml that is a directory or a
 * broken link.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const fixtures = join(repo, "packages/core/test/fixtures/plan/installations")
const desired = join(fixtures, "desired.yaml")
const integrations = JSON.parse(readFileSync(join(fixtures, "current.json"), "utf8")) as Array<unknown>
const installations = JSON.parse(readFileSync(join(fixtures, "installations.json"), "utf8")) as Array<unknown>

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

const dir = mkdtempSync(join(tmpdir(), "ampkit-hostile-2-"))
const file = (name: string, value: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value))
  return path
}

describe("list-installations refused by shape", () => {
  test("one installation alone (not in an array) is named as an installation, as --current and as a diff side", async () => {
    const one = file("one-installation.json", installations[0])
    const plan = await cli(["plan", "--current", one, desired])
    expect(plan.code).toBe(2)
    expect(plan.out).toBe("")
    expect(plan.err).toContain("this is one installation (an item of list-installations)")
    for (const args of [
      ["diff", one, desired],
      ["diff", desired, one],
    ]) {
      const diff = await cli(args)
      expect(diff.code).toBe(2)
      expect(diff.err).toContain("this is one installation (an item of list-installations)")
      expect(diff.err).not.toContain("closest is a revision")
    }
  })

  test("a wrapped list's long key is cut by code points: no lone surrogate in the message", async () => {
    const key = `${"x".repeat(39)}😀tail`
    const wrapped = file("wrapped-astral.json", { [key]: integrations })
    const r = await cli(["diff", wrapped, desired])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`\`${"x".repeat(39)}😀…\``)
    expect(r.err).not.toMatch(/\\u\{D83D\}/i)
  })

  test("[] stays an empty integration list", async () => {
    const empty = file("empty.json", "[]")
    expect((await cli(["plan", "--current", empty, desired, "--format", "json"])).code).toBe(0)
    expect((await cli(["diff", empty, desired])).code).toBe(0)
  })
})

describe("validate with no input", () => {
  test("./amp.yaml that is a directory is said to be one, not absent", async () => {
    const cwd = join(dir, "amp-dir")
    mkdirSync(join(cwd, "amp.yaml"), { recursive: true })
    const r = await cli(["validate"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toContain("./amp.yaml is a directory")
    expect(r.err).not.toContain("there is no amp.yaml here")
  })

  test("./amp.yaml that is a broken link is said to be one", async () => {
    const cwd = join(dir, "amp-link")
    mkdirSync(cwd)
    symlinkSync("nowhere.yaml", join(cwd, "amp.yaml"))
    const r = await cli(["validate"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toContain("./amp.yaml is a link to no regular file")
  })
})

/**
 * Every JSON the CLI prints is terminal-safe: characters JSON allows raw but a terminal acts on (bidi
 * controls, C1, line separators) come out as \u escapes, and the value is unchanged.
 */
import { copyFileSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { terminalSafe } from "../src/json-output.js"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const hubspot = join(repo, "corpus/ampersand/samples/hubspot/amp.yaml")
const raw = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

describe("terminal-safe JSON", () => {
  test("terminalSafe escapes what a terminal acts on and keeps the value", () => {
    const value = { name: "a\u202eb\u0085c\u2028d\ufeffe", plain: "é ✓" }
    const text = terminalSafe(JSON.stringify(value))
    expect(text).not.toMatch(raw)
    expect(text).toContain("\\u202e")
    expect(JSON.parse(text)).toEqual(value)
  })

  test("diff (json, sarif) and problem --format json print no raw bidi control", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ampkit-json-"))
    const odd = join(dir, "old\u202eamp.yaml")
    copyFileSync(hubspot, odd)
    const diff = await cli(["diff", odd, hubspot, "--format", "json"])
    expect(diff.code).toBe(0)
    expect(diff.out).not.toMatch(raw)
    expect(JSON.parse(diff.out).old).toBe(odd)
    const sarif = await cli(["diff", odd, hubspot, "--format", "sarif"])
    expect(sarif.out).not.toMatch(raw)

    const body = JSON.stringify({ title: "Bad\u202e request", status: 400, detail: "x\u2066y" })
    const problem = await cli(["problem", "-", "--format", "json"], { stdin: body })
    expect(problem.out).not.toMatch(raw)
    expect(JSON.parse(problem.out)).toMatchObject({ title: "Bad\u202e request", detail: "x\u2066y" })
  })
})

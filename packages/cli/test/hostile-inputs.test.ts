/**
 * Hostile file systems and inputs through the CLI, in-process (design/reliability.md: control chars
 * escaped in every text output; nothing hangs or reads without bound):
 * - `validate <dir>`: file names with a newline, ANSI escapes, a bidi override, GitHub workflow
 *   command syntax, bytes that are not UTF-8, a file named `-`; symbolic-link loops, dangling links,
 *   a pipe, a device and a directory named `*.yaml`; 10,000 entries; an unreadable file; `""` (refused);
 * - a device given as a file (`/dev/zero`): refused at the size limit, not read forever;
 * - `diff` with a side that does not parse: exit 1, stderr escaped and bounded.
 */
import { execFileSync } from "node:child_process"
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const good = readFileSync(join(repo, "corpus/ampersand/samples/hubspot/amp.yaml"), "utf8")
/** One identifier-charset error at line 7. */
const bad =
  "specVersion: 1.0.0\nintegrations:\n  - name: a\n    provider: hubspot\n    read:\n      objects:\n" +
  '        - objectName: "x\\u200b"\n          destination: d\n'

const cli = async (args: Array<string>, cwd: string) => {
  const f = fakeIo({ cwd })
  const started = performance.now()
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err(), ms: performance.now() - started }
}

/** What no output line may hold raw: C0 controls but LF, DEL, C1, bidi and zero-width controls, BOM. */
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/

let root = ""
const isRoot = process.getuid?.() === 0

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ampkit-hostile-"))
  const names = join(root, "names")
  mkdirSync(names)
  for (const name of [
    "a\nb.yaml",
    "\u001b[31mred\u001b[0m.yaml",
    "::error file=x::pwned.yaml",
    "-.yaml",
    "\u202eevil.yaml",
  ])
    writeFileSync(join(names, name), bad)
  writeFileSync(join(names, "-"), bad)
  writeFileSync(Buffer.concat([Buffer.from(`${names}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from(".yaml")]), bad)

  const links = join(root, "links")
  mkdirSync(links)
  writeFileSync(join(links, "ok.yaml"), good)
  symlinkSync("/dev/null", join(links, "device.yaml"))
  execFileSync("mkfifo", [join(links, "pipe.yaml")])
  mkdirSync(join(links, "dir.yaml"))
  symlinkSync("..", join(links, "up"))
  const loop = join(root, "loop")
  mkdirSync(loop)
  writeFileSync(join(loop, "ok.yaml"), good)
  symlinkSync("b.yaml", join(loop, "a.yaml"))
  symlinkSync("a.yaml", join(loop, "b.yaml"))
  const dangling = join(root, "dangling")
  mkdirSync(dangling)
  symlinkSync("missing.yaml", join(dangling, "amp.yaml"))

  const many = join(root, "many")
  mkdirSync(many)
  for (let i = 0; i < 10_000; i++) writeFileSync(join(many, i % 50 === 0 ? `m${i}.yaml` : `n${i}.txt`), bad)
})

describe("validate <dir>: file names are shown escaped, in every format", () => {
  // Sorted by code unit: ESC (U+001B) < `-` < `:` < `a` < `b` < U+202E.
  const expected = [
    "names/\\u{1B}[31mred\\u{1B}[0m.yaml",
    "names/-.yaml",
    "names/::error file=x::pwned.yaml",
    "names/a\\nb.yaml",
    "names/bad\\xFF\\xFE.yaml",
    "names/\\u{202E}evil.yaml",
  ]

  test("text: every file validated (none lost to its name), names escaped, no raw control character", async () => {
    const r = await cli(["validate", "names"], root)
    expect(r.err).toBe("")
    expect(r.code).toBe(1)
    const verdicts = r.out.split("\n").filter((l) => l.startsWith("✖ invalid "))
    expect(verdicts.map((l) => l.replace(/^✖ invalid (.*): 1 error, 0 warnings, 0 infos$/, "$1"))).toEqual(expected)
    expect(r.out).not.toMatch(raw)
    expect(r.out).toMatch(/✖ total: 6 files, 0 valid: 6 errors/)
  })

  test("github: one command per line, a name cannot start a line nor forge a command", async () => {
    const r = await cli(["validate", "--format", "github", "names"], root)
    const lines = r.out.trimEnd().split("\n")
    expect(lines.length).toBe(6)
    for (const line of lines)
      expect(line).toMatch(/^::error file=names\/[^:,]*,line=7,col=23,title=identifier-charset::/)
    expect(r.out).not.toMatch(raw)
  })

  test("json: the names as JSON strings (escapes by JSON), the non-UTF-8 bytes as \\xNN", async () => {
    const r = await cli(["validate", "--format", "json", "names"], root)
    const files = (JSON.parse(r.out) as Array<{ file: string }>).map((x) => x.file)
    expect(files).toEqual([
      "names/\u001b[31mred\u001b[0m.yaml",
      "names/-.yaml",
      "names/::error file=x::pwned.yaml",
      "names/a\nb.yaml",
      "names/bad\\xFF\\xFE.yaml",
      "names/\u202eevil.yaml",
    ])
    expect(r.out).not.toMatch(raw)
  })

  test("a file named `-` given as a path is that file, not stdin", async () => {
    const r = await cli(["validate", "names/-"], root)
    expect(r.code).toBe(1)
    expect(r.out).toContain("✖ invalid names/-: 1 error")
  })

  test('an empty argument ("", an unset variable) is refused, not read as the working directory', async () => {
    const r = await cli(["validate", "--format", "json", ""], join(root, "links"))
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err).toBe('ampkit: <file|dir|-> needs a non-empty path (got "")\nRun ampkit validate --help for usage.\n')
  })
})

describe("validate <dir>: links, pipes, devices, many entries, unreadable files", () => {
  test("a pipe, a device and a directory named *.yaml are skipped (pipe and device with a note); a link to a parent folder is not followed", async () => {
    const r = await cli(["validate", "--format", "json", "links"], root)
    expect(r.err).toBe(
      "ampkit: skipped links/device.yaml: not a regular file (a link to a device)\n" +
        "ampkit: skipped links/pipe.yaml: not a regular file (a pipe)\n",
    )
    expect((JSON.parse(r.out) as Array<{ file: string }>).map((x) => x.file)).toEqual(["links/ok.yaml"])
    expect(r.code).toBe(0)
  })

  test("a loop of symbolic links named *.yaml is unreadable input: exit 2, saying so", async () => {
    const r = await cli(["validate", "loop"], root)
    expect(r.code).toBe(2)
    expect(r.err).toBe("ampkit: cannot read loop/a.yaml: a loop of symbolic links\n")
    const direct = await cli(["validate", "loop/b.yaml"], root)
    expect(direct.err).toBe("ampkit: cannot read loop/b.yaml: a loop of symbolic links\n")
  })

  test("a dangling link named amp.yaml is not silently skipped: exit 2", async () => {
    const r = await cli(["validate", "dangling"], root)
    expect(r.code).toBe(2)
    expect(r.err).toBe("ampkit: cannot read dangling/amp.yaml: no such file\n")
  })

  test("a directory of 10,000 entries (200 manifests): listed and validated in bounded time", async () => {
    const r = await cli(["validate", "--format", "json", "many"], root)
    const files = (JSON.parse(r.out) as Array<{ file: string; errors: number }>).map((x) => x.file)
    expect(files.length).toBe(200)
    expect(files[0]).toBe("many/m0.yaml")
    expect(r.ms).toBeLessThan(10_000)
  })

  test.skipIf(isRoot)("an unreadable file beneath the directory: exit 2, naming it", async () => {
    const dir = join(root, "locked")
    mkdirSync(dir)
    writeFileSync(join(dir, "amp.yaml"), good)
    chmodSync(join(dir, "amp.yaml"), 0o000)
    const r = await cli(["validate", "locked"], root)
    expect(r.code).toBe(2)
    expect(r.err).toBe("ampkit: cannot read locked/amp.yaml: permission denied\n")
  })

  test("a device given as a file (/dev/zero) is refused at the 64 MiB limit, not read forever", async () => {
    const r = await cli(["validate", "/dev/zero"], root)
    expect(r.code).toBe(2)
    expect(r.err).toBe("ampkit: cannot read /dev/zero: larger than 64 MiB\n")
  })
})

describe("diff with a side that does not parse: exit 1, stderr escaped and bounded", () => {
  beforeAll(() => {
    const d = join(root, "diff")
    mkdirSync(d)
    writeFileSync(join(d, "good.yaml"), good)
    writeFileSync(join(d, "\u001b[31mbad\nname.yaml"), "a: [\u001b[2J\n")
    writeFileSync(join(d, "controls.yaml"), `a: \u0000\u001b[2J${"\u0007".repeat(5000)}`)
    writeFileSync(
      join(d, "dups.yaml"),
      `specVersion: 1.0.0\n${Array.from({ length: 20_000 }, () => "k: v").join("\n")}\n`,
    )
    writeFileSync(join(d, "deep.yaml"), "[".repeat(100_000))
    writeFileSync(join(d, "long.yaml"), `${"x".repeat(2_000_000)}: [`)
  })

  test.each([
    ["\u001b[31mbad\nname.yaml", "\\u{1B}[31mbad\\nname.yaml", 2_000],
    ["controls.yaml", "controls.yaml", 20_000],
    ["dups.yaml", "dups.yaml", 5_000],
    ["deep.yaml", "deep.yaml", 2_000],
    ["long.yaml", "long.yaml", 2_000],
  ])("new side %j", async (file, shown, bound) => {
    for (const args of [
      ["diff", "good.yaml", file],
      ["diff", file, "good.yaml"],
      ["diff", "--format", "json", "good.yaml", file],
    ]) {
      const r = await cli(args, join(root, "diff"))
      expect(r.code, r.err).toBe(1)
      expect(r.out).toBe("")
      expect(r.err).toContain(`ampkit: ${shown} `)
      expect(r.err).not.toMatch(raw)
      expect(r.err.length).toBeLessThan(bound)
      expect(r.ms).toBeLessThan(5_000)
    }
  })
})

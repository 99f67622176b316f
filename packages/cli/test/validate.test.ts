import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const samples = "corpus/ampersand/samples"
const netsuiteM2M = `${samples}/netsuiteM2M/amp.yaml`
const hubspot = `${samples}/hubspot/amp.yaml`

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

describe("ampkit validate", () => {
  test("a clean real sample exits 0 with a summary line", async () => {
    const r = await cli(["validate", hubspot])
    expect(r.err).toBe("")
    expect(r.out).toMatch(/✔ valid .*hubspot\/amp\.yaml: 0 errors/)
    expect(r.code).toBe(0)
  })

  test("a real sample with errors exits 1 and shows the source line with a caret", async () => {
    const r = await cli(["validate", netsuiteM2M])
    expect(r.code).toBe(1)
    expect(r.out).toContain("always-enabled-fields")
    const m = /netsuiteM2M\/amp\.yaml:(\d+):(\d+) error always-enabled-fields/.exec(r.out)
    expect(m).not.toBeNull()
    const line = Number(m![1])
    const column = Number(m![2])
    const source = readFileSync(new URL(`../../../${netsuiteM2M}`, import.meta.url), "utf8").split("\n")[line - 1]!
    const block = r.out.slice(m!.index).split("\n")
    expect(block[2]).toBe(`${line} | ${source}`)
    expect(block[3]!.indexOf("^") - `${line} | `.length).toBe(column - 1)
    expect(r.out).not.toContain("\u001b[")
  })

  test("with no input, the amp.yaml of the working directory; none there is a usage error that says so", async () => {
    const dir = new URL(`../../../${samples}/netsuiteM2M`, import.meta.url).pathname
    const r = await cli(["validate"], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^amp\.yaml:13:19 error always-enabled-fields/)
    expect(r.out).toContain("✖ invalid amp.yaml: 2 errors")
    const json = await cli(["validate", "--format", "json"], { cwd: dir })
    expect(JSON.parse(json.out).file).toBe("amp.yaml")
    const yml = await cli(["validate"], { cwd: new URL(`../../../${samples}/monday`, import.meta.url).pathname })
    expect(yml.out).toMatch(/^✔ valid amp\.yml: /)
    const none = await cli(["validate"], { cwd: new URL("../../../packages", import.meta.url).pathname })
    expect(none.code).toBe(2)
    expect(none.err).toBe(
      "ampkit: validate needs at least one file or directory (or - for stdin); there is no amp.yaml or amp.yml here\n" +
        "Run ampkit validate --help for usage.\n",
    )
  })

  test("--format json gives the contract's object; several files give an array", async () => {
    const one = await cli(["validate", "--format", "json", netsuiteM2M])
    const parsed = JSON.parse(one.out)
    expect(parsed).toMatchObject({ file: netsuiteM2M, ok: false })
    expect(parsed.errors).toBeGreaterThan(0)
    for (const d of parsed.diagnostics) {
      expect(Object.keys(d).sort()).toEqual(
        expect.arrayContaining(["column", "line", "message", "pointer", "rule", "severity", "suppressed"]),
      )
    }
    const two = await cli(["validate", "--format", "json", netsuiteM2M, hubspot])
    const arr = JSON.parse(two.out)
    expect(Array.isArray(arr)).toBe(true)
    expect(arr.map((x: { file: string }) => x.file)).toEqual([netsuiteM2M, hubspot])
    expect(two.code).toBe(1)
  })

  test("--format amp mirrors Ampersand's validator JSON with $-paths", async () => {
    const r = await cli(["validate", "--format", "amp", netsuiteM2M])
    const parsed = JSON.parse(r.out)
    expect(parsed.valid).toBe(false)
    expect(parsed.errors[0].path).toMatch(/^\$\.integrations\[\d+\]/)
    expect(Object.keys(parsed.errors[0])).toEqual(expect.arrayContaining(["message", "line", "column", "path", "rule"]))
  })

  test("--format sarif is SARIF 2.1.0 with rule ids and regions", async () => {
    const r = await cli(["validate", "--format", "sarif", netsuiteM2M])
    const sarif = JSON.parse(r.out)
    expect(sarif.version).toBe("2.1.0")
    const result = sarif.runs[0].results[0]
    expect(result.ruleId).toBeTypeOf("string")
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0)
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain(result.ruleId)
  })

  test("--format github prints workflow commands", async () => {
    const r = await cli(["validate", "--format", "github", netsuiteM2M])
    const lines = r.out.trim().split("\n")
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=.*,line=\d+,col=\d+,title=[a-z0-9-]+::/)
  })

  test("stdin with -", async () => {
    const yaml =
      "specVersion: 1.0.0\nintegrations:\n  - name: x\n    provider: hubspot\n    proxy:\n      enabled: true\n"
    const r = await cli(["validate", "-"], { stdin: yaml })
    expect(r.out).toContain("<stdin>")
    expect(r.code).toBe(0)
  })

  test("--strict fails on warnings; --ignore suppresses a warning but keeps it listed", async () => {
    const yaml =
      "specVersion: 1.0.0\nintegrations:\n  - name: x\n    provider: hubspot\n    colour: red\n    proxy:\n      enabled: true\n"
    expect((await cli(["validate", "-"], { stdin: yaml })).code).toBe(0)
    expect((await cli(["validate", "--strict", "-"], { stdin: yaml })).code).toBe(1)
    const ignored = await cli(["validate", "--strict", "--ignore", "unknown-key", "--format", "json", "-"], {
      stdin: yaml,
    })
    expect(ignored.code).toBe(0)
    const d = JSON.parse(ignored.out).diagnostics.find((x: { rule: string }) => x.rule === "unknown-key")
    expect(d.suppressed).toBe(true)
  })

  test("--ignore of a rule that only reports errors says it has no effect (errors are never suppressed)", async () => {
    const netsuite = new URL("../../../corpus/ampersand/samples/netsuiteM2M/amp.yaml", import.meta.url).pathname
    const r = await cli(["validate", "--ignore", "always-enabled-fields", "--ignore", "unknown-key", netsuite])
    expect(r.code).toBe(1)
    expect(r.err).toBe(
      "ampkit: --ignore always-enabled-fields has no effect: its findings are errors, and errors are never suppressed\n",
    )
    expect(r.out).toMatch(/error always-enabled-fields/)
    const compat = await cli(["validate", "--ignore", "yaml-compat", netsuite])
    expect(compat.err).toBe("")
  })

  test("--ignore of an id of Ampersand's validator is accepted with a note of why it does nothing", async () => {
    const plain = await cli(["validate", "--format", "json", hubspot])
    const r = await cli([
      "validate",
      "--format",
      "json",
      "--ignore",
      "destination-exists",
      "--ignore",
      "large-backfill-risk",
      "--ignore",
      "destination-exists",
      hubspot,
    ])
    expect(r.code).toBe(0)
    expect(r.out).toBe(plain.out)
    expect(r.err).toBe(
      "ampkit: --ignore destination-exists has no effect: ampkit cannot check it without the project's destinations, which only Ampersand's server knows\n" +
        "ampkit: --ignore large-backfill-risk has no effect: ampkit names that check backfill-large (use --ignore backfill-large)\n",
    )
    const typo = await cli(["validate", "--ignore", "destination-exist", hubspot])
    expect(typo.code).toBe(2)
    expect(typo.err).toMatch(/unknown rule destination-exist \(did you mean destination-exists\?\)/)
  })

  test("--quiet lists only what fails the run, and of several files only those that fail; counts stay whole", async () => {
    const all = await cli(["validate", samples])
    const quiet = await cli(["validate", "--quiet", samples])
    expect(quiet.code).toBe(all.code)
    expect(quiet.code).toBe(1)
    const total = all.out.trimEnd().split("\n").at(-1)!
    expect(total).toMatch(/^✖ total: 121 files, 120 valid: 2 errors, \d+ warnings, \d+ infos$/)
    expect(quiet.out.trimEnd().split("\n").at(-1)).toBe(total)
    expect(quiet.out).not.toMatch(/ (warning|info) /)
    expect(quiet.out).not.toContain("✔ valid")
    expect(quiet.out.match(/ error always-enabled-fields /g)).toHaveLength(2)
    // One file: its verdict line is shown even when it passes; json keeps the counts, lists the failures.
    const one = await cli(["validate", "--quiet", hubspot])
    expect(one.out).toMatch(/^✔ valid .*hubspot\/amp\.yaml: 0 errors, 0 warnings, 3 infos\n$/)
    const json = JSON.parse((await cli(["validate", "--quiet", "--format", "json", netsuiteM2M])).out)
    expect(json).toMatchObject({ ok: false, errors: 2, infos: 2 })
    expect(json.diagnostics.map((d: { severity: string }) => d.severity)).toEqual(["error", "error"])
    // Under --strict, warnings fail the run, so they are listed too.
    const yaml =
      "specVersion: 1.0.0\nintegrations:\n  - name: a\n    provider: hubspot\n    colour: red\n    proxy: {enabled: true}\n"
    const strict = await cli(["validate", "--quiet", "--strict", "--format", "json", "-"], { stdin: yaml })
    expect(strict.code).toBe(1)
    expect(JSON.parse(strict.out).diagnostics.map((d: { rule: string }) => d.rule)).toEqual(["unknown-key"])
    const lax = await cli(["validate", "--quiet", "--format", "json", "-"], { stdin: yaml })
    expect(lax.code).toBe(0)
    expect(JSON.parse(lax.out)).toMatchObject({ warnings: 1, diagnostics: [] })
  })

  test("invalid UTF-8 is a syntax finding (exit 1), not a crash", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("specVersion: 1.0.0\nx: "), 0xff, 0x0a])
    const r = await cli(["validate", "--format", "json", "-"], { stdin: bytes })
    expect(r.code).toBe(1)
    const d = JSON.parse(r.out).diagnostics[0]
    expect(d).toMatchObject({ rule: "syntax", line: 2, column: 4 })
  })

  test("a parse failure (duplicate key) is a finding with exit 1", async () => {
    const r = await cli(["validate", "--format", "json", "-"], { stdin: "specVersion: 1.0.0\nspecVersion: 1.0.0\n" })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).diagnostics.map((d: { rule: string }) => d.rule)).toContain("duplicate-key")
  })

  test("colour only on a TTY without NO_COLOR", async () => {
    expect((await cli(["validate", netsuiteM2M], { tty: true })).out).toContain("\u001b[")
    expect((await cli(["validate", netsuiteM2M], { tty: true, env: { NO_COLOR: "1" } })).out).not.toContain("\u001b[")
  })

  test("control characters from the input never reach the terminal", async () => {
    const yaml =
      'specVersion: 1.0.0\nintegrations:\n  - name: "bad\\u001b[31mname"\n    provider: hubspot\n    proxy: {enabled: true}\n'
    const r = await cli(["validate", "-"], { stdin: yaml, tty: false })
    expect(r.out).not.toContain("\u001b")
    expect(r.code).toBe(1)
  })
})

describe("usage and input errors exit 2 without a stack trace", () => {
  test.each([
    [["validate"], /needs at least one file/],
    [["validate", "--frobnicate", "x"], /unknown option --frobnicate/],
    [["validate", "--fromat", "json", "x"], /unknown option --fromat \(did you mean --format\?\)/],
    [["validate", "x", "--format"], /--format needs a value/],
    [["--versoin"], /unknown option "--versoin" \(did you mean --version\?\)/],
    [["validate", "-", "-"], /- \(stdin\) can be given only once/],
    [["validate", "--format", "xml", "x"], /--format must be one of/],
    [["validate", "--ignore", "unknwn-key", "x"], /did you mean unknown-key/],
    [["validate", "does/not/exist.yaml"], /cannot read does\/not\/exist.yaml: no such file/],
    [["validate", "packages/cli/src"], /packages\/cli\/src holds no \.yaml or \.yml file/],
    [["valdate", "x"], /unknown command "valdate" \(did you mean validate\?\)/],
  ])("%j", async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err).not.toMatch(/\n\s+at /)
  })
})

describe("inputs of another kind and undecodable bytes", () => {
  test("an API integration list given to validate is one finding naming what it looks like", async () => {
    const list = JSON.stringify([
      {
        id: "i1",
        projectId: "p",
        name: "x",
        provider: "hubspot",
        createTime: "2024-01-15T10:30:00Z",
        latestRevision: { id: "r1", specVersion: "1.0.0", createTime: "2024-01-15T10:30:00Z", content: {} },
      },
    ])
    const r = await cli(["validate", "--format", "json", "-"], { stdin: list })
    expect(r.code).toBe(1)
    const diagnostics = JSON.parse(r.out).diagnostics
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].message).toMatch(/looks like an integration list/)
    expect(diagnostics[0].hint).toMatch(/ampkit diff/)
  })

  test("a file that is not UTF-8 shows no empty source excerpt", async () => {
    const r = await cli(["validate", "-"], { stdin: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0xd0, 0x0a]) })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/error syntax {2}invalid UTF-8: byte 0xd0 at offset 4/)
    expect(r.out).not.toContain(" | ")
  })

  test("--format amp with several files names each file", async () => {
    const r = await cli(["validate", "--format", "amp", netsuiteM2M, hubspot])
    const parsed = JSON.parse(r.out)
    expect(parsed.map((x: { file: string; valid: boolean }) => [x.file, x.valid])).toEqual([
      [netsuiteM2M, false],
      [hubspot, true],
    ])
  })
})

describe("help, version, schema, defects", () => {
  test("bare ampkit prints usage on stderr and exits 2", async () => {
    const r = await cli([])
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err).toMatch(/Usage: ampkit/)
  })

  test("--help on every command and --version", async () => {
    for (const args of [["--help"], ["validate", "--help"], ["schema", "--help"]]) {
      const r = await cli(args)
      expect(r.code).toBe(0)
      expect(r.out).toMatch(/Usage: ampkit/)
    }
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
    expect((await cli(["--version"])).out.trim()).toBe(pkg.version)
  })

  test("schema prints a JSON Schema document", async () => {
    const r = await cli(["schema"])
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.out)
    expect(schema.$schema).toMatch(/json-schema\.org/)
  })

  test("an internal defect exits 70 with a one-line apology", async () => {
    const f = fakeIo()
    const io = {
      ...f.io,
      readStdin: async () => {
        throw new TypeError("boom")
      },
    }
    const code = await run(["validate", "-"], io)
    expect(code).toBe(70)
    expect(f.err()).toMatch(/^ampkit: internal error \(sorry, this is a bug in ampkit [\d.]+\): TypeError: boom\n/)
  })
})

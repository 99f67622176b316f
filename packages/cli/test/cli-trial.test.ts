/**
 * What a first trial of the CLI ran into: `--strict` verdicts that said "valid" while exiting 1, one
 * input-syntax rule for every command (a trailing comma is a JSON error wherever JSON comes from),
 * a list wrapped in an object given as `--current` / `--installations`, and what `plan --help` says.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseSource } from "@ampkit/core"
import { inputSyntax } from "@ampkit/core/Decode"
import { beforeAll, describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const plans = join(repo, "packages/core/test/fixtures/plan")
const hubspot = join(repo, "corpus/ampersand/samples/hubspot/amp.yaml")

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

/** A manifest with exactly one finding, a warning (an unknown key). */
const oneWarning =
  "specVersion: 1.0.0\nintegrations:\n  - name: x\n    provider: hubspot\n    colour: red\n    proxy:\n      enabled: true\n"
/** A manifest with an error (no provider). */
const oneError = "specVersion: 1.0.0\nintegrations:\n  - name: x\n    proxy:\n      enabled: true\n"
/** A manifest with no finding. */
const clean = "specVersion: 1.0.0\nintegrations:\n  - name: x\n    provider: hubspot\n    proxy:\n      enabled: true\n"

/** JSON text of a value with a trailing comma after the last item of its outermost array or object. */
const trailingComma = (value: unknown): string => {
  const text = JSON.stringify(value, null, 2)
  const close = text.lastIndexOf("\n")
  return `${text.slice(0, close)},${text.slice(close)}\n`
}

/** The message the JSON parser gives for a text: what every command must show for it. */
const jsonError = (text: string): string => {
  const finding = parseSource(text, { syntax: "json" }).findings.find((f) => f.rule === "syntax")
  if (finding === undefined) throw new Error("the text parses as JSON")
  return finding.message
}

let dir = ""
let manifestJson = ""
let currentJson = ""
let installationsJson = ""
const desired = join(plans, "installations/desired.yaml")
const current = join(plans, "installations/current.json")

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ampkit-trial-"))
  for (const [name, text] of Object.entries({ "warn.yaml": oneWarning, "error.yaml": oneError, "clean.yaml": clean }))
    writeFileSync(join(dir, name), text)
  // The comma after the last integration, before the `]` of the list (the trial's `unexpected ]`).
  manifestJson = `${JSON.stringify(parseSource(readFileSync(hubspot, "utf8")).document?.value, null, 2).replace(/\n {2}\]\n\}$/, ",\n  ]\n}")}\n`
  currentJson = trailingComma(JSON.parse(readFileSync(current, "utf8")))
  installationsJson = trailingComma(JSON.parse(readFileSync(join(plans, "installations/installations.json"), "utf8")))
  for (const [name, text] of Object.entries({
    "tc.json": manifestJson,
    "tc.yaml": manifestJson,
    "tc.txt": manifestJson,
    "current-tc.json": currentJson,
    "current-tc": currentJson,
    "installations-tc.json": installationsJson,
  }))
    writeFileSync(join(dir, name), text)
})

describe("validate --strict: the verdict says what the exit code does", () => {
  test("a file with a warning and no error fails --strict, and its summary line says so", async () => {
    const strict = await cli(["validate", "warn.yaml", "--strict"], { cwd: dir })
    expect(strict.code).toBe(1)
    expect(strict.out.trim().split("\n").at(-1)).toBe("✖ fails --strict warn.yaml: 0 errors, 1 warning, 0 infos")
    const plain = await cli(["validate", "warn.yaml"], { cwd: dir })
    expect(plain.code).toBe(0)
    expect(plain.out.trim().split("\n").at(-1)).toBe("✔ valid warn.yaml: 0 errors, 1 warning, 0 infos")
    const coloured = await cli(["validate", "warn.yaml", "--strict"], { cwd: dir, tty: true })
    expect(coloured.out).toContain("\u001b[31m✖ fails --strict\u001b[0m warn.yaml")
  })

  test("errors stay `invalid` and a clean file `valid` under --strict", async () => {
    const error = await cli(["validate", "error.yaml", "--strict"], { cwd: dir })
    expect(error.code).toBe(1)
    expect(error.out.trim().split("\n").at(-1)).toMatch(/^✖ invalid error\.yaml: 1 error, /)
    const ok = await cli(["validate", "clean.yaml", "--strict"], { cwd: dir })
    expect(ok.code).toBe(0)
    expect(ok.out).toBe("✔ valid clean.yaml: 0 errors, 0 warnings, 0 infos\n")
  })

  test("the total line of several files counts the files that pass --strict", async () => {
    const strict = await cli(["validate", "--strict", "clean.yaml", "warn.yaml"], { cwd: dir })
    expect(strict.code).toBe(1)
    expect(strict.out.trim().split("\n").at(-1)).toBe(
      "✖ total: 2 files, 1 passing --strict: 0 errors, 1 warning, 0 infos",
    )
    const plain = await cli(["validate", "clean.yaml", "warn.yaml"], { cwd: dir })
    expect(plain.code).toBe(0)
    expect(plain.out.trim().split("\n").at(-1)).toBe("✔ total: 2 files, 2 valid: 0 errors, 1 warning, 0 infos")
    const all = await cli(["validate", "--strict", "clean.yaml", "warn.yaml", "error.yaml"], { cwd: dir })
    expect(all.out.trim().split("\n").at(-1)).toMatch(/^✖ total: 3 files, 1 passing --strict: 1 error, 1 warning, /)
    const passing = await cli(["validate", "--strict", "clean.yaml", "clean.yaml"], { cwd: dir })
    expect(passing.code).toBe(0)
    expect(passing.out.trim().split("\n").at(-1)).toBe(
      "✔ total: 2 files, 2 passing --strict: 0 errors, 0 warnings, 0 infos",
    )
  })

  test("json: ok is the run's verdict under --strict (with strict: true); amp: valid too", async () => {
    const strict = await cli(["validate", "warn.yaml", "--strict", "--format", "json"], { cwd: dir })
    expect(strict.code).toBe(1)
    const object = JSON.parse(strict.out)
    expect(object).toMatchObject({ file: "warn.yaml", ok: false, strict: true, errors: 0, warnings: 1 })
    expect(Object.keys(object).slice(0, 4)).toEqual(["file", "ok", "strict", "errors"])
    const plain = JSON.parse((await cli(["validate", "warn.yaml", "--format", "json"], { cwd: dir })).out)
    expect(plain.ok).toBe(true)
    expect(plain).not.toHaveProperty("strict")
    const several = JSON.parse(
      (await cli(["validate", "--strict", "--format", "json", "clean.yaml", "warn.yaml"], { cwd: dir })).out,
    )
    expect(several.map((x: { ok: boolean }) => x.ok)).toEqual([true, false])
    const amp = await cli(["validate", "warn.yaml", "--strict", "--format", "amp"], { cwd: dir })
    expect(JSON.parse(amp.out)).toMatchObject({ valid: false, errors: [], warnings: [{ rule: "unknown-key" }] })
    expect(JSON.parse((await cli(["validate", "warn.yaml", "--format", "amp"], { cwd: dir })).out).valid).toBe(true)
  })

  test("github annotations carry no verdict: the same under --strict, only the exit code differs", async () => {
    const strict = await cli(["validate", "warn.yaml", "--strict", "--format", "github"], { cwd: dir })
    const plain = await cli(["validate", "warn.yaml", "--format", "github"], { cwd: dir })
    expect(strict.out).toBe(plain.out)
    expect(strict.out).toMatch(/^::warning file=warn\.yaml,/)
    expect([strict.code, plain.code]).toEqual([1, 0])
  })
})

describe("one input-syntax rule: .json → JSON, .yaml/.yml → YAML, else by the first character", () => {
  test("the rule", () => {
    expect(inputSyntax("a.json", "specVersion: 1.0.0")).toBe("json")
    expect(inputSyntax("a.yaml", "[1,]")).toBe("yaml")
    expect(inputSyntax("a.yml", "{}")).toBe("yaml")
    expect(inputSyntax("<stdin>", " \t\r\n[1,]")).toBe("json")
    expect(inputSyntax("<stdin>", "\uFEFF\n{")).toBe("json")
    expect(inputSyntax("<stdin>", "# a comment\n{}")).toBe("yaml")
    expect(inputSyntax("<stdin>", "")).toBe("yaml")
    expect(inputSyntax(undefined, "{")).toBe("json")
    expect(inputSyntax("amp.txt", "specVersion: 1.0.0")).toBe("yaml")
    expect(inputSyntax("git:main:live.json", "x: 1")).toBe("json")
    expect(inputSyntax("git:main:live", "[")).toBe("json")
  })

  test("validate: a trailing comma is a JSON error in a .json file, on stdin and under another name", async () => {
    const message = jsonError(manifestJson)
    expect(message).toMatch(/^unexpected `]`/)
    for (const [args, name] of [
      [["validate", "tc.json"], "tc.json"],
      [["validate", "-"], "<stdin>"],
      [["validate", "tc.txt"], "tc.txt"],
    ] as const) {
      const r = await cli([...args], { cwd: dir, stdin: manifestJson })
      expect(r.code).toBe(1)
      expect(r.out).toContain(`error syntax  ${message}`)
      expect(r.out.trim().split("\n").at(-1)).toBe(`✖ invalid ${name}: 1 error, 0 warnings, 0 infos`)
    }
    // A .yaml name is read as YAML, whose flow lists allow the comma.
    const yaml = await cli(["validate", "tc.yaml"], { cwd: dir })
    expect(yaml.out).not.toContain("error syntax")
    expect(yaml.code).toBe(0)
  })

  test("diff: the same JSON error (exit 1) for a .json file and for stdin, on either side", async () => {
    const message = jsonError(manifestJson)
    for (const [args, name] of [
      [["diff", "tc.json", hubspot], "tc.json"],
      [["diff", hubspot, "-"], "<stdin>"],
      [["diff", "-", hubspot], "<stdin>"],
    ] as const) {
      const r = await cli([...args], { cwd: dir, stdin: manifestJson })
      expect(r.code).toBe(1)
      expect(r.out).toBe("")
      expect(r.err).toContain(`ampkit: ${name} does not parse, so there is nothing to compare:\n`)
      expect(r.err).toContain(`error syntax  ${message}`)
    }
  })

  test("plan: --current, --installations and the manifest read by the same rule (exit 1)", async () => {
    const currentMessage = jsonError(currentJson)
    for (const args of [
      ["plan", "--current", "current-tc.json", desired],
      ["plan", "--current", "-", desired],
      ["plan", "--current", "current-tc", desired],
    ]) {
      const r = await cli(args, { cwd: dir, stdin: currentJson })
      expect(r.code).toBe(1)
      expect(r.out).toBe("")
      expect(r.err).toMatch(/^ampkit: --current \S+ does not parse, so there is nothing to plan:\n/)
      expect(r.err).toContain(`error syntax  ${currentMessage}`)
    }
    const installationsMessage = jsonError(installationsJson)
    for (const spec of ["installations-tc.json", "-"]) {
      const r = await cli(["plan", "--current", current, desired, "--installations", spec], {
        cwd: dir,
        stdin: installationsJson,
      })
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/^ampkit: --installations \S+ does not parse, so there is nothing to plan:\n/)
      expect(r.err).toContain(`error syntax  ${installationsMessage}`)
    }
    for (const spec of ["tc.json", "-"]) {
      const r = await cli(["plan", "--current", current, spec], { cwd: dir, stdin: manifestJson })
      expect(r.code).toBe(1)
      expect(r.out).toContain(`error syntax  ${jsonError(manifestJson)}`)
      expect(r.err).toMatch(/^ampkit: no plan: \S+ has errors; fix them first\n$/)
    }
  })

  test("plan --current with truncated JSON gets the JSON parser's message, not YAML's", async () => {
    const truncated = readFileSync(current, "utf8").slice(0, 300)
    writeFileSync(join(dir, "truncated.json"), truncated)
    for (const spec of ["truncated.json", "-"]) {
      const r = await cli(["plan", "--current", spec, desired], { cwd: dir, stdin: truncated })
      expect(r.code).toBe(1)
      expect(r.err).toContain(`error syntax  ${jsonError(truncated)}`)
    }
    const verify = await cli(["plan", "verify", "tc.json", "--current", "truncated.json"], { cwd: dir })
    expect(verify.code).toBe(1)
    expect(verify.err).toContain(`error syntax  ${jsonError(truncated)}`)
  })

  test("problem --manifest reads the manifest by the same rule", async () => {
    for (const name of ["tc.json", "tc.txt"]) {
      const r = await cli(["problem", "-", "--manifest", name], { cwd: dir, stdin: '{"status": 400}' })
      expect(r.code).toBe(0)
      expect(r.err).toBe(`ampkit: issues are not mapped to ${name}: ${jsonError(manifestJson)}\n`)
    }
    const yaml = await cli(["problem", "-", "--manifest", "tc.yaml"], { cwd: dir, stdin: '{"status": 400}' })
    expect(yaml.err).toBe("")
  })

  test("git:<rev>:<path>: <path> is relative to the current directory, and its name picks the syntax", async () => {
    const git = mkdtempSync(join(tmpdir(), "ampkit-git-"))
    mkdirSync(join(git, "sub"))
    writeFileSync(join(git, "sub/live"), currentJson)
    writeFileSync(join(git, "sub/amp.yaml"), readFileSync(hubspot))
    const sh = (...args: Array<string>) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: git, stdio: "pipe" })
    sh("init", "-q")
    sh("add", ".")
    sh("commit", "-q", "-m", "x")
    const sub = join(git, "sub")
    const same = await cli(["diff", "git:HEAD:amp.yaml", "amp.yaml"], { cwd: sub })
    expect(same.err).toBe("")
    expect(same.code).toBe(0)
    expect((await cli(["diff", "git:HEAD:/sub/amp.yaml", "amp.yaml"], { cwd: sub })).code).toBe(0)
    const live = await cli(["diff", "git:HEAD:live", "amp.yaml"], { cwd: sub })
    expect(live.code).toBe(1)
    expect(live.err).toContain("ampkit: git:HEAD:live does not parse, so there is nothing to compare:\n")
    expect(live.err).toContain(`error syntax  ${jsonError(currentJson)}`)
  })
})

describe("a list wrapped in an object is the wrong kind (exit 2), said plainly", () => {
  test('--current {"integrations": [...]} and {"results": [...]}', async () => {
    const list = JSON.parse(readFileSync(current, "utf8"))
    for (const key of ["integrations", "results"]) {
      const r = await cli(["plan", "--current", "-", desired], { stdin: JSON.stringify({ [key]: list }) })
      expect(r.code).toBe(2)
      expect(r.err).toBe(
        `ampkit: --current <stdin>: expected the JSON array of list-integrations, got an object with key \`${key}\`` +
          ` (pass the array itself, e.g. jq '.${key}')\n`,
      )
    }
    const empty = await cli(["plan", "--current", "-", desired], { stdin: '{"results": []}' })
    expect(empty.err).toContain("got an object with key `results`")
    // A manifest is still named as one.
    const manifest = await cli(["plan", "--current", hubspot, desired])
    expect(manifest.code).toBe(2)
    expect(manifest.err).toMatch(/looks like a manifest \(amp\.yaml\)\n$/)
  })

  test('--installations {"installations": [...]}', async () => {
    const list = JSON.parse(readFileSync(join(plans, "installations/installations.json"), "utf8"))
    const r = await cli(["plan", "--current", current, desired, "--installations", "-"], {
      stdin: JSON.stringify({ installations: list, next: null }),
    })
    expect(r.code).toBe(2)
    expect(r.err).toBe(
      "ampkit: --installations <stdin>: expected the JSON array of list-installations, got an object with key" +
        " `installations` (pass the array itself, e.g. jq '.installations')\n",
    )
  })
})

describe("the two API lists mixed up are the wrong kind (exit 2), said in their names", () => {
  const installations = join(plans, "installations/installations.json")

  test("list-installations given as --current (plan and plan verify)", async () => {
    const r = await cli(["plan", "--current", installations, desired])
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err).toBe(
      `ampkit: --current ${installations}: expected the JSON array of list-integrations, but item 0 looks like an` +
        " installation (list-installations): give it as --installations, and the integrations as --current\n",
    )
    const planned = await cli(["plan", "--current", current, desired, "--format", "json"])
    expect(planned.code).toBe(0)
    const plan = join(mkdtempSync(join(tmpdir(), "ampkit-lists-")), "plan.json")
    writeFileSync(plan, planned.out)
    const verify = await cli(["plan", "verify", plan, "--current", installations])
    expect(verify.code).toBe(2)
    expect(verify.err).toContain("but item 0 looks like an installation (list-installations)")
  })

  test("an integration list holding one installation among integrations names that item", async () => {
    const list = JSON.parse(readFileSync(current, "utf8"))
    const one = JSON.parse(readFileSync(installations, "utf8"))[0]
    const r = await cli(["plan", "--current", "-", desired], { stdin: JSON.stringify([...list, one]) })
    expect(r.code).toBe(2)
    expect(r.err).toContain(`but item ${list.length} looks like an installation`)
  })

  test("list-installations given as the desired amp.yaml", async () => {
    const r = await cli(["plan", "--current", current, installations])
    expect(r.code).toBe(2)
    expect(r.err).toBe(
      `ampkit: ${installations}: expected an amp.yaml, but item 0 looks like an installation (list-installations): give it as --installations\n`,
    )
  })

  test("list-installations wrapped in an object, where integrations are expected", async () => {
    const list = JSON.parse(readFileSync(installations, "utf8"))
    for (const wrapped of [{ results: list, next: null }, { integrations: list }]) {
      const key = Object.keys(wrapped)[0]
      const plan = await cli(["plan", "--current", "-", desired], { stdin: JSON.stringify(wrapped) })
      expect(plan.code).toBe(2)
      expect(plan.err).toBe(
        `ampkit: --current <stdin>: expected the JSON array of list-integrations, but this holds list-installations under \`${key}\`: give it as --installations, and the integrations as --current\n`,
      )
      const diff = await cli(["diff", "-", desired], { stdin: JSON.stringify(wrapped) })
      expect(diff.code).toBe(2)
      expect(diff.err).toContain(`but this holds list-installations under \`${key}\``)
    }
    // An empty wrapped list is still read as a wrapped list of integrations.
    const empty = await cli(["plan", "--current", "-", desired], { stdin: '{"results": []}' })
    expect(empty.err).toContain("got an object with key `results`")
  })

  test("diff: list-installations on either side, and a wrapped list of integrations", async () => {
    for (const args of [
      [installations, hubspot],
      [hubspot, installations],
    ]) {
      const r = await cli(["diff", ...args])
      expect(r.code).toBe(2)
      expect(r.err).toBe(
        `ampkit: ${installations}: expected an amp.yaml or the JSON array of list-integrations, but item 0 looks` +
          " like an installation (list-installations): the diff compares manifests and integrations, not installations\n",
      )
    }
    const list = JSON.parse(readFileSync(current, "utf8"))
    const wrapped = await cli(["diff", "-", desired], { stdin: JSON.stringify({ integrations: list }) })
    expect(wrapped.code).toBe(2)
    expect(wrapped.err).toBe(
      "ampkit: <stdin>: expected an amp.yaml or the JSON array of list-integrations, got an object with key" +
        " `integrations` (pass the array itself, e.g. jq '.integrations')\n",
    )
    // A manifest without specVersion keeps the core's findings (exit 1), not a wrong-kind error.
    const noVersion = await cli(["diff", "-", desired], {
      stdin: readFileSync(desired, "utf8").replace(/^specVersion:.*$/m, ""),
    })
    expect(noVersion.code).toBe(1)
    expect(noVersion.err).toContain("specVersion")
  })
})

describe("the README's plan example", () => {
  test("plans hubspotIntegration destructive, the other two in a non-destructive request", async () => {
    const f = join(plans, "installations")
    const r = await cli([
      "plan",
      "--current",
      `${f}/current.json`,
      `${f}/desired.yaml`,
      "--installations",
      `${f}/installations.json`,
      "--stop-reads",
      "hubspotIntegration",
      "--stop-reads",
      "readAndWriteSalesforce",
      "--format",
      "json",
    ])
    expect(r.code).toBe(0)
    const plan = JSON.parse(r.out)
    expect(
      plan.batches.map((b: { destructive: boolean; integrations: Array<string> }) => [b.destructive, b.integrations]),
    ).toEqual([
      [false, ["readAndWriteSalesforce", "readAndWriteZoom"]],
      [true, ["hubspotIntegration"]],
    ])
    expect(plan.integrations.map((i: { readRemoval: string }) => i.readRemoval)).toEqual([
      "stop-reads",
      "no-installations",
      "keep-reading",
    ])
  })
})

describe("plan --help", () => {
  test("--installations is the project-wide list; plan is not a gate", async () => {
    const help = (await cli(["plan", "--help"])).out
    expect(help).toContain("GET /projects/{projectIdOrName}/installations")
    expect(help).toMatch(/Not one\s+integration's list/)
    expect(help).toMatch(/plan exits 0 whatever the levels of the changes/)
    expect(help).toContain("ampkit diff --fail-on")
  })
})

/**
 * Regressions of a hostile-input review of the CLI's arguments and its window on the system
 * (design/contract.md: exit 2 for usage and input errors, never a stack trace for a user error):
 * a single-valued option given twice, an empty path, a git path with glob characters, output to a full
 * disk, parseArgs' own messages, i/o errors without words, a `--out` under /proc, skipped pipes, and
 * the size limits of files and stdin.
 */
import { execFileSync, spawnSync } from "node:child_process"
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, test } from "vitest"
import { reason } from "../src/io.js"
import { outputFailure, run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const repo = new URL("../../../", import.meta.url).pathname
const bin = new URL("../bin/ampkit.js", import.meta.url).pathname
const manifest = "corpus/ampersand/samples/accuLynx/amp.yaml"
const current = "packages/core/test/fixtures/plan/every-action/current.json"
const desired = "packages/core/test/fixtures/plan/every-action/desired.yaml"
const linux = process.platform === "linux"

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

/** The first line of stderr must be ours: no parseArgs wording, no stack trace. */
const ours = /^ampkit: (?!.*(Option '|ambiguous|ERR_))/

let root = ""
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ampkit-hostile-args-"))
})

describe("a single-valued option given twice is a usage error, not the last value silently kept", () => {
  test.each([
    [["plan", "--current", "/nonexistent", "--current", "dup.json", manifest], "--current"],
    [["diff", manifest, manifest, "--fail-on", "none", "--fail-on", "breaking"], "--fail-on"],
    [["diff", manifest, manifest, "--format", "json", "--format=text"], "--format"],
    [["validate", manifest, "--format", "json", "--format", "text"], "--format"],
    [["plan", "--current", current, desired, "--project", "a", "--project", "b"], "--project"],
    [["plan", "--current", current, desired, "--max-batch", "1", "--max-batch", "2"], "--max-batch"],
    [
      ["plan", "--current", current, desired, "--installations", current, "--installations", current],
      "--installations",
    ],
    [["plan", "--current", current, desired, "--out", "a", "--out", "b"], "--out"],
    [["plan", "verify", "plan.json", "--current", current, "--current", current], "--current"],
    [["problem", "-", "--manifest", manifest, "--manifest", manifest], "--manifest"],
    [["problem", "-", "--status", "400", "--status", "500"], "--status"],
  ])("%j", async (args, flag) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err.split("\n")[0]).toBe(`ampkit: ${flag} given twice: it takes one value`)
    expect(r.err).not.toContain("cannot read")
  })

  test("repeatable options stay repeatable: --ignore, --accept, --stop-reads", async () => {
    expect((await cli(["validate", manifest, "--ignore", "backfill-large", "--ignore", "backfill-large"])).code).toBe(0)
    const accept = join(root, "accept.txt")
    writeFileSync(accept, "# none\n")
    const diff = await cli(["diff", manifest, manifest, "--accept", accept, "--accept", accept])
    expect(diff.code).toBe(0)
    const name = "readAndWriteSalesforce"
    const plan = await cli(["plan", "--current", current, desired, "--stop-reads", name, "--stop-reads", name])
    expect(plan.err).not.toContain("given twice")
    expect(plan.code).toBe(0)
  })
})

describe('an empty path ("", an unset variable) is a usage error, never the working directory', () => {
  test.each([
    [["validate", ""], "<file|dir|->"],
    [["validate", manifest, ""], "<file|dir|->"],
    [["diff", "", manifest], "<old>"],
    [["diff", manifest, ""], "<new>"],
    [["diff", manifest, manifest, "--accept", ""], "--accept"],
    [["plan", "--current", current, ""], "<amp.yaml>"],
    [["plan", "--current", "", desired], "--current"],
    [["plan", "--current=", desired], "--current"],
    [["plan", "--current", current, desired, "--installations", ""], "--installations"],
    [["plan", "--current", current, desired, "--out", ""], "--out"],
    [["plan", "verify", "", "--current", current], "<plan.json>"],
    [["plan", "verify", "plan.json", "--current", ""], "--current"],
    [["problem", ""], "<file|->"],
    [["problem", "-", "--manifest", ""], "--manifest"],
  ])("%j", async (args, what) => {
    const r = await cli(args, { cwd: repo })
    expect(r.code).toBe(2)
    expect(r.out).toBe("")
    expect(r.err.split("\n")[0]).toBe(`ampkit: ${what} needs a non-empty path (got "")`)
  })

  test('plan --out "" leaves the batch files of the working directory alone', async () => {
    const dir = join(root, "out-empty")
    mkdirSync(dir)
    writeFileSync(join(dir, "plan.json"), "{}")
    writeFileSync(join(dir, "batch-1.amp.yaml"), "keep")
    const r = await cli(["plan", "--current", join(repo, current), join(repo, desired), "--out", ""], { cwd: dir })
    expect(r.code).toBe(2)
    expect(readdirSync(dir).sort()).toEqual(["batch-1.amp.yaml", "plan.json"])
  })
})

describe("git:<rev>:<path>: a path that is not in <rev> is an error, whatever its characters", () => {
  let git = ""
  beforeAll(() => {
    git = join(root, "git")
    mkdirSync(join(git, "sub"), { recursive: true })
    writeFileSync(join(git, "sub/amp[1].yaml"), readFileSync(join(repo, manifest)))
    writeFileSync(join(git, "sub/amp.yaml"), readFileSync(join(repo, manifest)))
    const sh = (...args: Array<string>) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: git, stdio: "pipe" })
    sh("init", "-q")
    sh("add", ".")
    sh("commit", "-q", "-m", "x")
  })

  test.each(["nonexist[1].yaml", "non*.yaml", "non?.yaml", "amp[2].yaml"])(
    "a missing %s with glob characters is not read as an empty input (exit 2)",
    async (path) => {
      const r = await cli(["diff", `git:HEAD:${path}`, "amp.yaml"], { cwd: join(git, "sub") })
      expect(r.code).toBe(2)
      expect(r.err).toBe(`ampkit: cannot read git:HEAD:${path}: path 'sub/${path}' does not exist in 'HEAD'\n`)
    },
  )

  test("a path with glob characters that exists is read literally; relative and /-rooted paths as before", async () => {
    const sub = join(git, "sub")
    for (const spec of ["git:HEAD:amp[1].yaml", "git:HEAD:./amp[1].yaml", "git:HEAD:/sub/amp[1].yaml"]) {
      const r = await cli(["diff", spec, "amp.yaml"], { cwd: sub })
      expect(r.err).toBe("")
      expect(r.code).toBe(0)
    }
  })

  test("a directory is not a file (git show would print its listing)", async () => {
    const r = await cli(["diff", "git:HEAD:sub", "sub/amp.yaml"], { cwd: git })
    expect(r.code).toBe(2)
    expect(r.err).toBe("ampkit: cannot read git:HEAD:sub: sub is not a file in HEAD (a directory?)\n")
  })
})

describe.skipIf(!linux || !existsSync("/dev/full"))(
  "output that cannot be written: one line, exit 2, no stack trace",
  () => {
    test("stdout to a full disk (/dev/full)", () => {
      const full = openSync("/dev/full", "w")
      try {
        const r = spawnSync(process.execPath, [bin, "validate", manifest], {
          cwd: repo,
          stdio: ["ignore", full, "pipe"],
          encoding: "utf8",
          timeout: 20_000,
        })
        expect(r.stderr).toBe("ampkit: cannot write the output: no space left on device (ENOSPC)\n")
        expect(r.status).toBe(2)
      } finally {
        closeSync(full)
      }
    })

    test("stderr to a full disk: exit 2, not the 0 of a plan that was written", () => {
      const full = openSync("/dev/full", "w")
      try {
        const out = join(root, "full-stderr")
        const r = spawnSync(process.execPath, [bin, "plan", "--current", current, desired, "--out", out], {
          cwd: repo,
          stdio: ["ignore", "pipe", full],
          encoding: "utf8",
          timeout: 20_000,
        })
        expect(r.stdout).toContain("readAndWriteSalesforce")
        expect(r.status).toBe(2)
      } finally {
        closeSync(full)
      }
    })
  },
)

test("outputFailure: a closed pipe ends quietly with the exit code so far; other errors are one line, exit 2", () => {
  expect(outputFailure(Object.assign(new Error("x"), { code: "EPIPE" }), "stdout", 1)).toEqual({ exit: 1 })
  expect(outputFailure(Object.assign(new Error("x"), { code: "EPIPE" }), "stdout", undefined)).toEqual({ exit: 0 })
  expect(outputFailure(Object.assign(new Error("x"), { code: "EIO", errno: -5 }), "stdout", 0)).toEqual({
    exit: 2,
    message: "ampkit: cannot write the output: i/o error (EIO)\n",
  })
  expect(outputFailure(Object.assign(new Error("x"), { code: "ENOSPC" }), "stderr", 0)).toEqual({ exit: 2 })
})

describe("parseArgs' own messages do not leak: each says what the option needs", () => {
  test.each([
    [["plan", "--current", current, desired, "--max-batch", "-1"], "--max-batch needs an integer ≥ 1, got -1"],
    [["plan", "--current", current, desired, "--max-batch=-1"], "--max-batch needs an integer ≥ 1, got -1"],
    [["plan", "--current", current, desired, "--max-batch", "1.5"], "--max-batch needs an integer ≥ 1, got 1.5"],
    [["plan", "--current", current, desired, "--max-batch", "0"], "--max-batch needs an integer ≥ 1, got 0"],
    [["problem", "-", "--status", "-1"], "--status must be an HTTP error status 400–599 (got -1)"],
    [
      ["plan", "--current", "--format", "json", desired],
      "--current needs a value, but --format looks like an option (if it is the value, write --current=--format)",
    ],
    [
      ["diff", "--format", "-x", manifest, manifest],
      "--format needs a value, but -x looks like an option (if it is the value, write --format=-x)",
    ],
    [["validate", "--strict=yes", manifest], "--strict takes no value (got --strict=yes)"],
    [["plan", "--current", current, desired, "--verbose=1"], "--verbose takes no value (got --verbose=1)"],
    [["validate", "--help=1"], "--help takes no value (got --help=1)"],
    [["validate", manifest, "--format"], "--format needs a value"],
    [["validate", "--formt=json", manifest], "unknown option --formt (did you mean --format?)"],
    [["validate", "-x", manifest], "unknown option -x"],
  ])("%j", async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.err.split("\n")[0]).toBe(`ampkit: ${message}`)
    expect(r.err).toMatch(ours)
  })

  test("after --, an argument that starts with - is a positional (a file named -x.yaml)", async () => {
    const dir = join(root, "dash")
    mkdirSync(dir)
    writeFileSync(join(dir, "-x.yaml"), readFileSync(join(repo, manifest)))
    const r = await cli(["validate", "--", "-x.yaml"], { cwd: dir })
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
  })
})

describe("an i/o error says what failed and why, in words", () => {
  test("reason(): the system's text and its code, never a bare code", () => {
    expect(reason(Object.assign(new Error("x"), { code: "EIO", errno: -5 }))).toBe("i/o error (EIO)")
    expect(reason(Object.assign(new Error("x"), { code: "ENOSPC" }))).toBe("no space left on device (ENOSPC)")
    expect(reason(Object.assign(new Error("x"), { code: "ENOENT" }))).toBe("no such file")
    expect(reason(Object.assign(new Error("x"), { code: "EWHATEVER" }))).toBe("error EWHATEVER")
    expect(reason(new Error("x"))).toBe("unreadable")
  })

  test.skipIf(!linux || !existsSync("/proc/self/mem"))("/proc/self/mem: i/o error (EIO), not a bare EIO", async () => {
    const r = await cli(["validate", "/proc/self/mem"])
    expect(r.code).toBe(2)
    expect(r.err).toBe("ampkit: cannot read /proc/self/mem: i/o error (EIO)\n")
  })

  test.skipIf(!linux || !existsSync("/proc/self"))("plan --out /proc/nope/x does not hang: exit 2, saying why", () => {
    const started = performance.now()
    const r = spawnSync(process.execPath, [bin, "plan", "--current", current, desired, "--out", "/proc/nope/x"], {
      cwd: repo,
      encoding: "utf8",
      timeout: 20_000,
    })
    expect(r.signal).toBe(null)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe("ampkit: cannot write to --out /proc/nope/x: no such file\n")
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  test("plan --out still makes missing directories, several levels deep", async () => {
    const out = join(root, "deep/er/out")
    const r = await cli(["plan", "--current", join(repo, current), join(repo, desired), "--out", out])
    expect(r.code).toBe(0)
    expect(readdirSync(out)).toContain("plan.json")
    const file = join(root, "a-file")
    writeFileSync(file, "")
    const blocked = await cli(["plan", "--current", join(repo, current), join(repo, desired), "--out", `${file}/x`])
    expect(blocked.code).toBe(2)
    expect(blocked.err).toBe(`ampkit: cannot write to --out ${file}/x: a part of the path is not a directory\n`)
  })
})

describe.skipIf(!linux)("a directory walk says which *.yaml entries it does not read", () => {
  test("a pipe named *.yaml: one line on stderr per skipped entry, in every format", async () => {
    const dir = join(root, "walk")
    mkdirSync(join(dir, "sub"), { recursive: true })
    writeFileSync(join(dir, "ok.yaml"), readFileSync(join(repo, manifest)))
    execFileSync("mkfifo", [join(dir, "pipe.yaml")])
    execFileSync("mkfifo", [join(dir, "sub/pipe.yml")])
    for (const format of ["text", "json", "github"]) {
      const r = await cli(["validate", "--format", format, "walk"], { cwd: root })
      expect(r.code).toBe(0)
      expect(r.err).toBe(
        "ampkit: skipped walk/pipe.yaml: not a regular file (a pipe)\n" +
          "ampkit: skipped walk/sub/pipe.yml: not a regular file (a pipe)\n",
      )
    }
  })

  test("a directory with only a pipe: the skip is named before the usage error", async () => {
    const dir = join(root, "only-pipe")
    mkdirSync(dir)
    execFileSync("mkfifo", [join(dir, "amp.yaml")])
    const r = await cli(["validate", "only-pipe"], { cwd: root })
    expect(r.code).toBe(2)
    expect(r.err.split("\n").slice(0, 2)).toEqual([
      "ampkit: skipped only-pipe/amp.yaml: not a regular file (a pipe)",
      "ampkit: only-pipe holds no .yaml or .yml file (node_modules and hidden entries are skipped)",
    ])
  })
})

describe("size limits are the same for a file and stdin", () => {
  const overDocumentLimit = `a: "${"x".repeat(5_000_000)}"\n`

  test("over the document limit (4 MiB), under the read bound: a document-limit finding, exit 1, file and stdin alike", async () => {
    const file = join(root, "five.yaml")
    writeFileSync(file, overDocumentLimit)
    for (const [args, stdin] of [
      [["validate", file], undefined],
      [["validate", "-"], overDocumentLimit],
      [["diff", file, manifest], undefined],
      [["diff", "-", manifest], overDocumentLimit],
      [["plan", "--current", file, manifest], undefined],
      [["plan", "--current", "-", manifest], overDocumentLimit],
    ] as const) {
      const r = await cli([...args], stdin !== undefined ? { stdin } : {})
      expect(r.code, args.join(" ")).toBe(1)
      expect(r.out + r.err).toContain("error document-limit")
    }
  })

  test("over the read bound (64 MiB): an input error, exit 2, file and stdin alike", async () => {
    const file = join(root, "huge.yaml")
    writeFileSync(file, "")
    truncateSync(file, 64 * 1024 * 1024 + 1)
    const fromFile = await cli(["validate", file])
    expect(fromFile.code).toBe(2)
    expect(fromFile.err).toBe(`ampkit: cannot read ${file}: larger than 64 MiB\n`)
    const fromStdin = await cli(["diff", "-", manifest], { stdin: new Uint8Array(64 * 1024 * 1024 + 1) })
    expect(fromStdin.code).toBe(2)
    expect(fromStdin.err).toBe("ampkit: cannot read <stdin>: larger than 64 MiB\n")
  })
})

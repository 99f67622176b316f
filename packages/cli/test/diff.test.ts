import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const fixtures = "packages/core/test/fixtures/diff"
const pair = (name: string, base = "base.yaml") => [`${fixtures}/${name}/${base}`, `${fixtures}/${name}/revision.yaml`]
const samples = "corpus/ampersand/samples"
const repo = new URL("../../../", import.meta.url).pathname

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

const json = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const r = await cli([...args, "--format", "json"], options)
  return { ...r, result: JSON.parse(r.out) }
}

const tempFile = (name: string, text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), "ampkit-diff-"))
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe("ampkit diff: text", () => {
  test("groups by integration and level, one sentence each with its location; breaking exits 1", async () => {
    const [base, revision] = pair("read-object-removed")
    const r = await cli(["diff", base!, revision!])
    expect(r.code).toBe(1)
    expect(r.err).toBe("")
    const lines = r.out.split("\n")
    expect(lines[0]).toBe("integration readAndWriteSalesforce")
    expect(lines[1]).toBe("  breaking (1)")
    expect(lines[2]).toMatch(
      /^ {4}✖ read object `contact` of `readAndWriteSalesforce` is removed: installations keep reading/,
    )
    expect(lines[3]).toMatch(new RegExp(`^ {6}${base}:25:\\d+  read-object-removed  [0-9a-f]{12}$`))
    expect(r.out).toMatch(/1 breaking, 0 reconfigure, 0 dangerous, 0 safe ✖ fails --fail-on reconfigure\n$/)
    expect(r.out).not.toContain("\u001b[")
  })

  test("no change: exit 0 and says so", async () => {
    const [base, revision] = pair("reorder-only")
    const r = await cli(["diff", base!, revision!])
    expect(r.code).toBe(0)
    expect(r.out).toContain("No semantic changes from")
    expect(r.out).toContain("✔ passes --fail-on reconfigure")
  })

  test("colour only on a TTY without NO_COLOR", async () => {
    const [base, revision] = pair("read-object-removed")
    expect((await cli(["diff", base!, revision!], { tty: true })).out).toContain("\u001b[31m")
    expect((await cli(["diff", base!, revision!], { tty: true, env: { NO_COLOR: "1" } })).out).not.toContain("\u001b[")
  })
})

describe("ampkit diff: json", () => {
  test("the contract's shape, sorted, byte-identical across runs", async () => {
    const [base, revision] = pair("read-removed")
    const one = await json(["diff", base!, revision!])
    const two = await json(["diff", base!, revision!])
    expect(two.out).toBe(one.out)
    expect(Object.keys(one.result)).toEqual(["changes", "summary", "old", "new", "failOn", "ok"])
    expect(one.result).toMatchObject({ old: base, new: revision, failOn: "reconfigure", ok: false })
    expect(one.code).toBe(1)
    expect(one.result.summary).toEqual({ breaking: 4, reconfigure: 0, dangerous: 0, safe: 0, accepted: 0 })
    // ok follows the gate as the exit code does.
    const lax = await json(["diff", base!, revision!, "--fail-on", "none"])
    expect([lax.code, lax.result.failOn, lax.result.ok]).toEqual([0, "none", true])
    const first = one.result.changes[0]
    expect(first).toMatchObject({
      id: "read-removed",
      level: "breaking",
      integration: "netsuite-integration",
      pointer: "/integrations/0/read",
    })
    expect(first.fingerprint).toMatch(/^[0-9a-f]{12}$/)
    expect(one.result.changes.map((c: { pointer: string }) => c.pointer)).toEqual([
      "/integrations/0/read",
      "/integrations/0/read/objects/0",
      "/integrations/0/read/objects/1",
      "/integrations/0/read/objects/2",
    ])
  })

  test("the API's Integration[] as <old> and amp.yaml as <new>", async () => {
    const [base, revision] = pair("api-read-object-removed", "base.json")
    const r = await json(["diff", base!, revision!])
    expect(r.code).toBe(1)
    expect(r.result.changes).toHaveLength(1)
    expect(r.result.changes[0]).toMatchObject({
      id: "read-object-removed",
      pointer: "/0/latestRevision/content/read/objects/1",
      before: { objectName: "contact" },
    })
  })

  test("stdin as one side; JSON recognised by shape whatever the file name", async () => {
    const list = readFileSync(join(repo, fixtures, "api-unchanged/base.json"), "utf8")
    const r = await json(["diff", "-", `${samples}/salesforce/amp.yaml`], { stdin: list })
    expect(r.code).toBe(0)
    expect(r.result.changes).toEqual([])
  })
})

describe("ampkit diff: --fail-on and --accept", () => {
  test("the threshold decides the exit code", async () => {
    const [sb, sr] = pair("integration-added") // safe
    const [db, dr] = pair("read-object-destination-changed") // dangerous
    const [rb, rr] = pair("required-field-added") // reconfigure
    const [bb, br] = pair("read-object-removed") // breaking
    expect((await cli(["diff", sb!, sr!])).code).toBe(0)
    expect((await cli(["diff", sb!, sr!, "--fail-on", "safe"])).code).toBe(1)
    expect((await cli(["diff", db!, dr!])).code).toBe(0)
    expect((await cli(["diff", db!, dr!, "--fail-on", "dangerous"])).code).toBe(1)
    expect((await cli(["diff", rb!, rr!])).code).toBe(1)
    expect((await cli(["diff", rb!, rr!, "--fail-on", "breaking"])).code).toBe(0)
    expect((await cli(["diff", bb!, br!, "--fail-on", "breaking"])).code).toBe(1)
    expect((await cli(["diff", bb!, br!, "--fail-on", "none"])).code).toBe(0)
  })

  test("accepted fingerprints are reported, flagged and not counted", async () => {
    const [base, revision] = pair("read-object-removed")
    const first = await json(["diff", base!, revision!])
    const fingerprint = first.result.changes[0].fingerprint as string
    const accept = tempFile(
      "accept.txt",
      `# reviewed in PR 42\n${fingerprint.toUpperCase()}   # contact is gone on purpose\n\n`,
    )
    const r = await json(["diff", base!, revision!, "--accept", accept])
    expect(r.code).toBe(0)
    expect(r.result.changes[0]).toMatchObject({ fingerprint, accepted: true })
    expect(r.result.summary).toMatchObject({ breaking: 0, accepted: 1 })
    const text = await cli(["diff", base!, revision!, "--accept", accept])
    expect(text.out).toContain("(accepted)")
    expect(text.out).toContain("(1 accepted change not counted)")
    expect(text.code).toBe(0)
  })

  test("an accept file entry that matches nothing is noted on stderr", async () => {
    const [base, revision] = pair("read-object-removed")
    const accept = tempFile("accept.txt", "0123456789ab\n")
    const r = await cli(["diff", base!, revision!, "--accept", accept])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/note: 1 accepted fingerprint matched no change \(0123456789ab\)/)
  })

  test("a malformed accept file is an input error", async () => {
    const [base, revision] = pair("read-object-removed")
    const accept = tempFile("accept.txt", "# ok\nread-object-removed\n")
    const r = await cli(["diff", base!, revision!, "--accept", accept])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/accept\.txt:2: not a change fingerprint \(12 hex digits\): read-object-removed/)
  })
})

describe("ampkit diff: markdown, github, sarif", () => {
  test("markdown: summary table, verdict, details per integration, collapsible when long", async () => {
    const [base, revision] = pair("read-removed")
    const short = await cli(["diff", base!, revision!, "--format", "markdown"])
    expect(short.out).toMatch(/^### ampkit diff\n/)
    expect(short.out).toContain("| level | changes | accepted | means |")
    expect(short.out).toContain("| 🔴 breaking | 4 | 0 |")
    expect(short.out).toContain("**Fails** `--fail-on reconfigure`")
    expect(short.out).toContain("#### integration `netsuite-integration` (4 breaking)")
    expect(short.out).not.toContain("<details>")

    const unified = readFileSync(join(repo, samples, "unifiedCRM/amp.yaml"), "utf8")
    const edited = tempFile("amp.yaml", unified.replace(/\n\s+inheritMapping: true/g, ""))
    const long = await cli(["diff", `${samples}/unifiedCRM/amp.yaml`, edited, "--format", "markdown"])
    expect(long.out).toContain("<details>\n<summary>integration salesforce_unified: 3 breaking</summary>")
    expect(long.out.match(/<\/details>/g)?.length).toBe(long.out.match(/<details>/g)?.length)
    expect(long.out.match(/write-inherit-mapping-changed/g)?.length).toBeGreaterThan(10)
  })

  test("github: an annotation per change at its line in the new file (a removal at its parent there)", async () => {
    const [base, revision] = pair("read-object-removed")
    const r = await cli(["diff", base!, revision!, "--format", "github"])
    expect(r.out).toBe(
      `::error file=${revision},line=7,col=7,title=read-object-removed (breaking)::` +
        "read object `contact` of `readAndWriteSalesforce` is removed: installations keep reading it unless the " +
        `deploy is destructive, then its reads stop [${(await json(["diff", base!, revision!])).result.changes[0].fingerprint}]\n`,
    )
    const [sb, sr] = pair("read-object-schedule-changed")
    const dangerous = await cli(["diff", sb!, sr!, "--format", "github"])
    expect(dangerous.out).toMatch(
      new RegExp(`^::warning file=${sr},line=27,col=\\d+,title=read-object-schedule-changed \\(dangerous\\)::`),
    )
  })

  test("github with git:<rev>:<path> annotates <path>", async () => {
    const r = await cli([
      "diff",
      `git:HEAD:${samples}/salesforce/amp.yaml`,
      `${fixtures}/provider-changed/revision.yaml`,
      "--format",
      "github",
    ])
    expect(r.err).toBe("")
    expect(r.out).toMatch(
      /^::error file=packages\/core\/test\/fixtures\/diff\/provider-changed\/revision\.yaml,line=5,/,
    )
    const same = await cli(["diff", `git:HEAD:${samples}/salesforce/amp.yaml`, `${samples}/salesforce/amp.yaml`])
    expect(same.code).toBe(0)
  })

  test("sarif: 2.1.0, catalog rules, fingerprints, removals in the new file with the old position related", async () => {
    const [base, revision] = pair("read-object-removed")
    const sarif = JSON.parse((await cli(["diff", base!, revision!, "--format", "sarif"])).out)
    expect(sarif.version).toBe("2.1.0")
    const run = sarif.runs[0]
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["read-object-removed"])
    const result = run.results[0]
    expect(result).toMatchObject({ ruleId: "read-object-removed", ruleIndex: 0, level: "error" })
    expect(result.partialFingerprints["ampkitChange/v1"]).toMatch(/^[0-9a-f]{12}$/)
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: revision },
      region: { startLine: 7 },
    })
    expect(result.relatedLocations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: base },
      region: { startLine: 25 },
    })
  })
})

describe("ampkit diff: usage and input errors exit 2 without a stack trace", () => {
  const manifest = `${samples}/salesforce/amp.yaml`
  test.each([
    [["diff"], /diff needs two inputs/],
    [["diff", manifest], /diff needs two inputs/],
    [["diff", manifest, manifest, manifest], /diff takes two inputs, got 3/],
    [["diff", "-", "-"], /only one of <old> and <new> can be -/],
    [["diff", manifest, manifest, "--format", "html"], /--format must be one of text, json, markdown, github, sarif/],
    [
      ["diff", manifest, manifest, "--fail-on", "warning"],
      /--fail-on must be one of breaking, reconfigure, dangerous, safe, none/,
    ],
    [["diff", manifest, "does/not/exist.yaml"], /cannot read does\/not\/exist.yaml: no such file/],
    [["diff", manifest, "git:no-such-rev:amp.yaml"], /cannot read git:no-such-rev:amp.yaml/],
  ])("%j", async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err).not.toMatch(/\n\s+at /)
  })

  test("an input that does not parse: a finding (exit 1, as validate), its diagnostics on stderr", async () => {
    const r = await cli(["diff", "-", `${samples}/salesforce/amp.yaml`], {
      stdin: "specVersion: 1.0.0\nintegrations:\n  - name: a\n    name: b\n",
    })
    expect(r.code).toBe(1)
    expect(r.err).toContain("ampkit: <stdin> does not parse, so there is nothing to compare:\n")
    // The diagnostics are rendered as ampkit validate renders them, on their own lines.
    expect(r.err).toMatch(/^<stdin>:4:5 error duplicate-key .*$/m)
    expect(r.err).toMatch(/^4 \| {5}name: b$/m)
    expect(r.err).not.toContain("\\n")
    expect(r.out).toBe("")
  })

  test("an input with more than ten defects lists ten and counts the rest", async () => {
    const items = Array.from({ length: 12 }, (_, i) => `  - name: n${i}\n    name: m${i}\n`).join("")
    const r = await cli(["diff", "-", `${samples}/salesforce/amp.yaml`], {
      stdin: `specVersion: 1.0.0\nintegrations:\n${items}`,
    })
    expect(r.code).toBe(1)
    expect(r.err.match(/error duplicate-key/g)).toHaveLength(10)
    expect(r.err).toContain("(2 more are not listed here; ampkit validate lists them all)")
    // The summary counts every defect, not only the ten listed.
    expect(r.err).toMatch(/✖ invalid <stdin>: 12 errors/)
  })

  test("an input of no document kind: exit 2 naming the kinds expected", async () => {
    const problem = '{"type":"about:blank","title":"Unprocessable Entity","status":422}'
    const r = await cli(["diff", "-", `${samples}/salesforce/amp.yaml`], { stdin: problem })
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^ampkit: <stdin>: expected a manifest \(amp\.yaml\), .*but this looks like a problem/)
  })

  test("an input of the right kind that does not decode: exit 1 with the failing spot", async () => {
    const bad =
      "specVersion: 1.0.0\nintegrations:\n  - name: x\n    provider: hubspot\n    read:\n      objects:\n        - objectName: 5\n          destination: d\n"
    const r = await cli(["diff", "-", `${samples}/salesforce/amp.yaml`], { stdin: bad })
    expect(r.code).toBe(1)
    expect(r.err).toContain("<stdin> is not a valid document, so there is nothing to compare:")
    expect(r.err).toMatch(/<stdin>:7:\d+ /)
  })

  test("invalid UTF-8 is a finding at the first bad byte (exit 1), as in ampkit validate", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("specVersion: 1.0.0\nx: "), 0xff, 0x0a])
    const r = await cli(["diff", "-", `${samples}/salesforce/amp.yaml`], { stdin: bytes })
    expect(r.code).toBe(1)
    expect(r.err).toContain("ampkit: <stdin> is not UTF-8 text, so there is nothing to compare:\n")
    expect(r.err).toMatch(/^<stdin>:2:4 error syntax {2}invalid UTF-8: byte 0xff at offset 22$/m)
    expect(r.err).toContain("hint: save the file as UTF-8")
    expect(r.out).toBe("")
  })

  test("help", async () => {
    const r = await cli(["diff", "--help"])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Usage: ampkit diff <old> <new>/)
    expect(r.out).toContain("--accept <file>")
    expect((await cli(["--help"])).out).toContain("diff <old> <new>")
  })
})

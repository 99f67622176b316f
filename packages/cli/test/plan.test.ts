import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { parseSource } from "@ampkit/core"
import { describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const fixtures = "packages/core/test/fixtures/plan"
const at = (scenario: string, file: string) => `${fixtures}/${scenario}/${file}`
const root = new URL("../../../", import.meta.url)

/** YAML text → data, as ampkit reads it. */
const parse = (text: string) => parseSource(text).document?.value as { integrations: Array<{ name: string }> }

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

describe("ampkit plan", () => {
  test("text reads like terraform plan: + ~ ! entries, = counted, requests, summary", async () => {
    const r = await cli(["plan", "--current", at("every-action", "current.json"), at("every-action", "desired.yaml")])
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    const lines = r.out.split("\n")
    expect(lines[0]).toBe("Integrations:")
    expect(lines[1]).toMatch(/^ {2}~ readAndWriteSalesforce +update, 2 changes {2}packages\/core\/.*desired\.yaml:4$/)
    expect(lines[2]).toMatch(/^ {6}reconfigure required field `email` is added to read object `contact`/)
    expect(lines[3]).toMatch(/^ {6}dangerous {3}schedule of read object `contact` .* \(line 28\)$/)
    expect(r.out).toMatch(/\n {2}\+ readAndWriteZoom +create/)
    expect(r.out).toMatch(/\n {2}! readNetsuite +orphan: live but not in the manifest; never sent, never deleted\n/)
    expect(r.out).toContain("  = 1 integration unchanged (--verbose lists them)\n")
    expect(r.out).not.toMatch(/= hubspotIntegration/)
    expect(r.out).toContain(
      "Requests (1), in this order:\n  1. PUT /projects/{projectIdOrName}/integrations:batch?destructive=false\n" +
        "     2 integrations: readAndWriteSalesforce, readAndWriteZoom\n",
    )
    expect(lines.at(-2)).toMatch(
      /^Plan: 1 to create, 1 to update, 1 unchanged, 1 orphan; 1 request\. Plan [0-9a-f]{16}\.$/,
    )
    expect(r.out).not.toContain("\u001b[")
  })

  test("--verbose lists unchanged integrations", async () => {
    const r = await cli([
      "plan",
      "--verbose",
      "--current",
      at("every-action", "current.json"),
      at("every-action", "desired.yaml"),
    ])
    expect(r.out).toMatch(/\n {2}= hubspotIntegration +unchanged\n/)
  })

  test("--format json is the contract's plan, byte-identical across runs", async () => {
    const args = [
      "plan",
      "--format",
      "json",
      "--current",
      at("destructive-split", "current.json"),
      at("destructive-split", "desired.yaml"),
    ]
    const a = await cli([...args, "--stop-reads", "salesforce_unified"])
    const b = await cli([...args, "--stop-reads", "salesforce_unified"])
    expect(a.code).toBe(0)
    expect(b.out).toBe(a.out)
    const plan = JSON.parse(a.out)
    expect(Object.keys(plan)).toEqual(["planId", "integrations", "batches", "summary", "notes"])
    expect(plan.integrations[0]).toMatchObject({
      name: "salesforce_unified",
      action: "update",
      removedReadObjects: ["opportunity"],
      readRemoval: "stop-reads",
    })
    expect(plan.batches.map((x: { destructive: boolean }) => x.destructive)).toEqual([false, true])
    expect(plan.batches[1].request).toMatchObject({
      method: "PUT",
      path: "/projects/{projectIdOrName}/integrations:batch",
      query: { destructive: "true" },
    })
    expect(parse(plan.batches[1].request.body.sourceYaml).integrations.map((i: { name: string }) => i.name)).toEqual([
      "salesforce_unified",
    ])
    expect(plan.summary).toEqual({ create: 0, update: 3, unchanged: 1, orphan: 0 })
  })

  test("--max-batch and --installations shape the requests", async () => {
    const r = await cli([
      "plan",
      "--format",
      "json",
      "--current",
      at("installations", "current.json"),
      "--installations",
      at("installations", "installations.json"),
      "--stop-reads",
      "hubspotIntegration",
      "--stop-reads",
      "readAndWriteSalesforce",
      "--max-batch",
      "1",
      at("installations", "desired.yaml"),
    ])
    expect(r.code).toBe(0)
    const plan = JSON.parse(r.out)
    expect(
      plan.batches.map((b: { destructive: boolean; integrations: Array<string> }) => [b.destructive, b.integrations]),
    ).toEqual([
      [false, ["readAndWriteSalesforce"]],
      [false, ["readAndWriteZoom"]],
      [true, ["hubspotIntegration"]],
    ])
  })

  test("--out writes plan.json and each request's sourceYaml and JSON, replacing an earlier plan's batches", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ampkit-plan-"))
    writeFileSync(join(dir, "batch-9.amp.yaml"), "stale")
    writeFileSync(join(dir, "notes.txt"), "mine")
    const r = await cli([
      "plan",
      "--out",
      dir,
      "--current",
      at("max-batch", "current.json"),
      at("max-batch", "desired.yaml"),
      "--max-batch",
      "2",
      "--stop-reads",
      "invoicing-integration",
    ])
    expect(r.code).toBe(0)
    expect(r.err).toContain("max-batch/desired.yaml has 1 warning (ampkit validate shows it)\n")
    expect(r.err).toContain(`ampkit: wrote 9 files to ${dir}\n`)
    expect(readdirSync(dir).sort()).toEqual([
      "batch-1.amp.yaml",
      "batch-1.request.json",
      "batch-2.amp.yaml",
      "batch-2.request.json",
      "batch-3.amp.yaml",
      "batch-3.request.json",
      "batch-4.amp.yaml",
      "batch-4.request.json",
      "notes.txt",
      "plan.json",
    ])
    const request = JSON.parse(readFileSync(join(dir, "batch-4.request.json"), "utf8"))
    expect(request.query).toEqual({ destructive: "true" })
    expect(request.body.sourceYaml).toBe(readFileSync(join(dir, "batch-4.amp.yaml"), "utf8"))
    expect(parse(request.body.sourceYaml).integrations[0].name).toBe("invoicing-integration")
    expect(existsSync(join(dir, "batch-9.amp.yaml"))).toBe(false)
  })

  test("a desired manifest with errors: diagnostics, no plan, exit 1", async () => {
    const broken = readFileSync(new URL(at("every-action", "desired.yaml"), root), "utf8").replace(
      'schedule: "*/30 * * * *"',
      'schedule: "* * * * *"',
    )
    const r = await cli(["plan", "--current", at("every-action", "current.json"), "-"], { stdin: broken })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/<stdin>:\d+:\d+ error schedule-/)
    expect(r.out).not.toContain("Requests")
    expect(r.err).toBe("ampkit: no plan: <stdin> has errors; fix them first\n")
    const json = await cli(["plan", "--format", "json", "--current", at("every-action", "current.json"), "-"], {
      stdin: "a: [",
    })
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({ file: "<stdin>", ok: false })
  })

  test("--current or --installations of another kind is an input error (exit 2)", async () => {
    const manifest = await cli([
      "plan",
      "--current",
      at("every-action", "desired.yaml"),
      at("every-action", "desired.yaml"),
    ])
    expect(manifest.code).toBe(2)
    expect(manifest.err).toMatch(
      /^ampkit: --current .*desired\.yaml: expected an integration list \(from the API\), but this looks like a manifest/,
    )
    const desiredWrongKind = await cli([
      "plan",
      "--current",
      at("every-action", "current.json"),
      at("every-action", "current.json"),
    ])
    expect(desiredWrongKind.code).toBe(2)
    expect(desiredWrongKind.err).toMatch(/expected a manifest \(amp\.yaml\), but this looks like an integration list/)
    const integrationsAsInstallations = await cli([
      "plan",
      "--current",
      at("every-action", "current.json"),
      "--installations",
      at("every-action", "current.json"),
      at("every-action", "desired.yaml"),
    ])
    expect(integrationsAsInstallations.code).toBe(2)
    expect(integrationsAsInstallations.err).toMatch(
      /^ampkit: --installations .*current\.json: expected a list of installations \(list-installations\), but item 0 looks like an integration \(from the API\)\n$/,
    )
    expect(integrationsAsInstallations.out).toBe("")
  })

  test("--current or --installations that does not parse or has defects: diagnostics on stderr, exit 1", async () => {
    const desired = at("every-action", "desired.yaml")
    const notJson = await cli(["plan", "--current", "-", desired], { stdin: "[{" })
    expect(notJson.code).toBe(1)
    expect(notJson.out).toBe("")
    expect(notJson.err).toMatch(
      /^ampkit: --current <stdin> does not parse, so there is nothing to plan:\n<stdin>:1:\d+ error syntax /,
    )
    expect(notJson.err).toContain("✖ invalid <stdin>: 1 error")

    const notUtf8 = await cli(["plan", "--current", "-", desired], { stdin: new Uint8Array([0x5b, 0xff, 0x5d]) })
    expect(notUtf8.code).toBe(1)
    expect(notUtf8.err).toMatch(
      /^ampkit: --current <stdin> is not UTF-8 text, so there is nothing to plan:\n<stdin>:1:2 error syntax {2}invalid UTF-8/,
    )

    const duplicate = await cli(["plan", "--current", "-", desired], { stdin: '[{"name": 1, "name": 2}]' })
    expect(duplicate.code).toBe(1)
    expect(duplicate.err).toMatch(/\n<stdin>:1:\d+ error duplicate-key /)

    const live = JSON.parse(readFileSync(new URL(at("every-action", "current.json"), root), "utf8"))
    delete live[0].latestRevision
    const defects = await cli(["plan", "--current", "-", desired], { stdin: JSON.stringify(live, null, 2) })
    expect(defects.code).toBe(1)
    expect(defects.err).toMatch(
      /^ampkit: --current <stdin> is not a valid integration list, so there is nothing to plan:\n<stdin>:2:3 error missing-key .*`latestRevision`/,
    )

    const badInstallations = await cli(
      ["plan", "--current", at("every-action", "current.json"), "--installations", "-", desired],
      {
        stdin: '[{"id": 1}]',
      },
    )
    expect(badInstallations.code).toBe(1)
    expect(badInstallations.err).toMatch(
      /^ampkit: --installations <stdin> is not a valid list of installations, so there is nothing to plan:\n/,
    )
    expect(badInstallations.err).toContain(
      "<stdin>:1:2 error missing-key  installation is missing required key `config`",
    )
    expect(badInstallations.err).toContain("<stdin>:1:9 error wrong-type  `id` must be a string, got `1`")
  })

  test("--project fills the requests' path in text, JSON and --out files; without it the text says how", async () => {
    const args = ["plan", "--current", at("every-action", "current.json"), at("every-action", "desired.yaml")]
    const text = await cli([...args, "--project", "acme prod"])
    expect(text.code).toBe(0)
    expect(text.out).toContain("  1. PUT /projects/acme%20prod/integrations:batch?destructive=false\n")
    expect(text.out).not.toContain("{projectIdOrName}")
    const json = await cli([...args, "--project", "acme prod", "--format", "json"])
    expect(JSON.parse(json.out).batches[0].request.path).toBe("/projects/acme%20prod/integrations:batch")
    const dir = mkdtempSync(join(tmpdir(), "ampkit-project-"))
    expect((await cli([...args, "--project", "4f0e…/x", "--out", dir])).code).toBe(0)
    const request = JSON.parse(readFileSync(join(dir, "batch-1.request.json"), "utf8"))
    expect(request.path).toBe("/projects/4f0e%E2%80%A6%2Fx/integrations:batch")
    expect(JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")).batches[0].request.path).toBe(request.path)

    const open = await cli(args)
    expect(open.out).toContain(
      "     2 integrations: readAndWriteSalesforce, readAndWriteZoom\n" +
        "  {projectIdOrName}: your project's ID or name (ampkit plan --project <idOrName> fills it in)\n",
    )
    for (const bad of ["", ".."]) {
      const r = await cli([...args, "--project", bad])
      expect(r.code).toBe(2)
      expect(r.err).toContain("--project: the project must be its ID or name")
    }
  })

  test("usage errors exit 2", async () => {
    const desired = at("every-action", "desired.yaml")
    const current = at("every-action", "current.json")
    expect((await cli(["plan", desired])).err).toContain("plan needs --current <file>")
    expect((await cli(["plan", "--current", current])).code).toBe(2)
    expect((await cli(["plan", "--current", current, desired, "--max-batch", "0"])).err).toContain(
      "--max-batch needs an integer ≥ 1, got 0",
    )
    expect((await cli(["plan", "--current", current, desired, "--format", "yaml"])).code).toBe(2)
    const typo = await cli(["plan", "--current", current, desired, "--stop-reads", "readAndWriteSalesfroce"])
    expect(typo.code).toBe(2)
    expect(typo.err).toContain("--stop-reads: no integration readAndWriteSalesfroce in")
    expect(typo.err).toContain("(did you mean readAndWriteSalesforce?)")
    expect((await cli(["plan", "--current", "no/such.json", desired])).code).toBe(2)
  })

  test("--help", async () => {
    const r = await cli(["plan", "--help"])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Usage: ampkit plan --current <file> <amp\.yaml>/)
  })
})

describe("ampkit plan verify", () => {
  const planFile = async (): Promise<string> => {
    const dir = mkdtempSync(join(tmpdir(), "ampkit-verify-"))
    const r = await cli(["plan", "--out", dir, "--current", at("stale", "current.json"), at("stale", "desired.yaml")])
    expect(r.code).toBe(0)
    return join(dir, "plan.json")
  }

  test("a plan checked against the list it was made from is current: exit 0", async () => {
    const r = await cli(["plan", "verify", await planFile(), "--current", at("stale", "current.json")])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^✔ plan [0-9a-f]{16} is current: no planned integration moved since planning\.\n$/)
  })

  test("live revisions moved: exit 1, naming the integrations and both revisions", async () => {
    const r = await cli(["plan", "verify", await planFile(), "--current", at("stale", "later.json")])
    expect(r.code).toBe(1)
    expect(r.out).toContain("is stale: 2 integrations moved since planning:")
    expect(r.out).toContain(
      "  readAndWriteSalesforce: planned against revision 52cdf6f7-874f-57a5-8e5c-38b0e35d7c45, live is revision 574d5a92-300c-5c2e-a1cb-b1e49de6a4aa\n",
    )
    expect(r.out).toContain(
      "  readAndWriteZoom: planned against absent, live is revision bc7b4586-4352-512b-a056-3375a5193cb3\n",
    )
    const json = await cli([
      "plan",
      "verify",
      "--format",
      "json",
      await planFile(),
      "--current",
      at("stale", "later.json"),
    ])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      moved: JSON.parse(readFileSync(new URL(at("stale", "expected-verify.json"), root), "utf8")).moved,
    })
  })

  test("a --current that does not parse: diagnostics, exit 1", async () => {
    const r = await cli(["plan", "verify", await planFile(), "--current", "-"], { stdin: '[{"a": [' })
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      /^ampkit: --current <stdin> does not parse, so there is nothing to plan:\n<stdin>:1:\d+ error syntax /,
    )
  })

  test("inputs that are not a plan or not an integration list: exit 2", async () => {
    const notPlan = await cli(["plan", "verify", at("stale", "current.json"), "--current", at("stale", "current.json")])
    expect(notPlan.code).toBe(2)
    expect(notPlan.err).toContain("expected a plan (ampkit plan --format json)")
    expect((await cli(["plan", "verify", await planFile()])).err).toContain("plan verify needs --current <file>")
    expect((await cli(["plan", "verify", await planFile(), "--current", at("stale", "desired.yaml")])).code).toBe(2)
  })

  test("a plan edited by hand (an integration twice, an update without its revision): exit 2, not a verdict", async () => {
    const file = await planFile()
    const plan = JSON.parse(readFileSync(file, "utf8")) as { integrations: Array<Record<string, unknown>> }
    const twice = join(dirname(file), "twice.json")
    writeFileSync(twice, JSON.stringify({ ...plan, integrations: [...plan.integrations, plan.integrations[0]] }))
    const r = await cli(["plan", "verify", twice, "--current", at("stale", "current.json")])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(
      /the plan cannot be verified: integrations\[\d+\] lists `[^`]+` again \(first at integrations\[0\]\)/,
    )
    const update = plan.integrations.find((e) => e.action === "update")!
    const bare = join(dirname(file), "bare.json")
    const { revision: _, ...withoutRevision } = update
    writeFileSync(
      bare,
      JSON.stringify({ ...plan, integrations: plan.integrations.map((e) => (e === update ? withoutRevision : e)) }),
    )
    const b = await cli(["plan", "verify", bare, "--current", at("stale", "current.json")])
    expect(b.code).toBe(2)
    expect(b.err).toContain("update) has no `revision`")
  })
})

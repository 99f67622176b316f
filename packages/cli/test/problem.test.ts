import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { run } from "../src/main.js"
import { fakeIo } from "./fake-io.js"

const fixtures = "packages/core/test/fixtures/problem"
const salesforce = "corpus/ampersand/samples/salesforce/amp.yaml"

const cli = async (args: Array<string>, options: Parameters<typeof fakeIo>[0] = {}) => {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, out: f.out(), err: f.err() }
}

describe("ampkit problem", () => {
  test("explains an InputValidationProblem and maps body issues to manifest lines", async () => {
    const r = await cli(["problem", `${fixtures}/batch-upsert-422.json`, "--manifest", salesforce])
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    expect(r.out.split("\n")[0]).toBe("✖ 422 Unprocessable Content: Unprocessable Entity")
    expect(r.out).toContain(`at ${salesforce}:27:21\n`)
    expect(r.out).toContain("Retry: Do not retry")
    expect(r.out).not.toContain("\u001b[")
  })

  test("reads stdin with -", async () => {
    const body = readFileSync(new URL(`../../../${fixtures}/service-unavailable.json`, import.meta.url), "utf8")
    const r = await cli(["problem", "-"], { stdin: body })
    expect(r.code).toBe(0)
    expect(r.out).toContain("Retry: Retry after 2024-04-22T19:00:00Z")
  })

  test("--format json prints the decoded problem, with manifest locations when mapped", async () => {
    const r = await cli(["problem", "--format", "json", `${fixtures}/batch-upsert-422.json`, "--manifest", salesforce])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out)
    expect(json).toMatchObject({ type: "about:blank", status: 422, time: "2024-04-22T18:55:28.456076Z" })
    expect(json.issues[1].manifestLocation).toEqual({
      file: salesforce,
      pointer: "/integrations/0/subscribe/objects/0/destination",
      line: 38,
      column: 24,
      exact: true,
    })
  })

  test("--format json carries the verdict the text gives, under ampkit", async () => {
    const r = await cli(["problem", "--format", "json", `${fixtures}/batch-upsert-422.json`])
    const text = await cli(["problem", `${fixtures}/batch-upsert-422.json`])
    const json = JSON.parse(r.out)
    expect(json.ampkit).toMatchObject({ body: "problem", reason: "Unprocessable Content" })
    expect(["retry", "wait", "fix", "unknown"]).toContain(json.ampkit.retry.verdict)
    expect(text.out).toContain(`Retry: ${json.ampkit.retry.sentence}`)
    const html = await cli(["problem", "--format", "json", `${fixtures}/bad-gateway.html`, "--status", "502"])
    expect(JSON.parse(html.out).ampkit).toMatchObject({
      body: "not-json",
      reason: "Bad Gateway",
      retry: { verdict: "retry", basis: "status" },
    })
  })

  test("a non-JSON body with --status explains the status; never a crash", async () => {
    const r = await cli(["problem", `${fixtures}/bad-gateway.html`, "--status", "502"])
    expect(r.code).toBe(0)
    expect(r.out).toContain("✖ 502 Bad Gateway")
    expect(r.out).not.toMatch(/\u001b|\u202e/)
  })

  test("invalid UTF-8 in the body is still explained", async () => {
    const r = await cli(["problem", "-"], { stdin: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) })
    expect(r.code).toBe(0)
    expect(r.out).toContain("not JSON")
  })

  test("a --manifest of another kind is reported on stderr, not used; the body is still explained", async () => {
    const body = `${fixtures}/batch-upsert-422.json`
    const r = await cli(["problem", body, "--manifest", body])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(
      /^ampkit: issues are not mapped to .*batch-upsert-422\.json: it looks like a problem \(RFC 9457 error body\)/,
    )
    expect(r.err).toContain("not the amp.yaml that was sent")
    expect(r.out).not.toMatch(/amp\.yaml:\d+/)
  })

  test("a manifest that does not parse is reported on stderr; the body is still explained", async () => {
    const r = await cli(["problem", `${fixtures}/batch-upsert-422.json`, "--manifest", "-"], { stdin: "a: [" })
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/^ampkit: issues are not mapped to <stdin>: /)
    expect(r.out).toContain("Issues (4):")
    expect(r.out).not.toMatch(/\n {5}at /)
  })

  test("usage errors exit 2", async () => {
    expect((await cli(["problem"])).code).toBe(2)
    expect((await cli(["problem", "a", "b"])).code).toBe(2)
    expect((await cli(["problem", `${fixtures}/json-array.json`, "--format", "xml"])).code).toBe(2)
    const bad = await cli(["problem", `${fixtures}/json-array.json`, "--status", "200"])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain("--status must be an HTTP error status 400–599")
    const missing = await cli(["problem", "no/such/file.json"])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain("cannot read no/such/file.json: no such file")
  })

  test("--help", async () => {
    const r = await cli(["problem", "--help"])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Usage: ampkit problem <file\|->/)
    expect((await cli(["--help"])).out).toContain("problem <file|->")
  })
})

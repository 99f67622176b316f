import { ruleDescriptions } from "@ampkit/core/RuleCatalog"
import { describe, expect, it } from "vitest"
import { makeHandler } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { diagnostic, fakeCore, post, reportOf } from "./FakeCore.js"

const manifest = "specVersion: 1.0.0\nintegrations:\n  - name: syncCRM\n    provider: salesforce\n"

describe("POST /v1/validate", () => {
  it("answers 200 { ok: true, diagnostics } with the warnings and infos, passing the text unchanged", async () => {
    const warning = diagnostic()
    const info = diagnostic({ rule: "backfill-large", severity: "info", message: "backfill of 365 days", line: 9 })
    const suppressed = diagnostic({ rule: "delivery-deprecated", suppressed: true, line: 12 })
    const core = fakeCore({ validate: () => reportOf([warning, info, suppressed]) })
    const response = await makeHandler(core)(post("/v1/validate", manifest, "application/yaml"))
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("application/json")
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(await response.json()).toEqual({ ok: true, diagnostics: [warning, info, suppressed] })
    expect(core.validateCalls).toEqual([{ text: manifest, options: { syntax: "yaml", ignore: [] } }])
  })

  it("takes the syntax from the media type, with an optional charset=utf-8", async () => {
    const cases: Array<[string, "yaml" | "json"]> = [
      ["application/yaml", "yaml"],
      ["application/x-yaml", "yaml"],
      ["text/yaml", "yaml"],
      ["application/json", "json"],
      ["application/yaml; charset=utf-8", "yaml"],
      ["Application/JSON;charset=UTF-8", "json"],
      ['text/yaml ; charset="utf-8"', "yaml"],
      ["application/json; charset=utf-8;", "json"],
      ["text/yaml; charset=utf8", "yaml"],
      ["application/json; charset=UTF8", "json"],
      ["application/yaml; charset=unicode-1-1-utf-8", "yaml"],
    ]
    for (const [contentType, syntax] of cases) {
      const core = fakeCore()
      const response = await makeHandler(core)(post("/v1/validate", "{}", contentType))
      expect(response.status, contentType).toBe(200)
      expect(core.validateCalls[0]?.options.syntax, contentType).toBe(syntax)
    }
  })

  it("answers 415 for any other content type, without calling the core", async () => {
    const cases: Array<string | null> = [
      null,
      "",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/yaml; charset=latin1",
      "application/yaml; charset=utf-16",
      'application/yaml; charset=" utf-8"',
      "application/yaml; charset=utf-9",
      "application/json; charset=utf-8; charset=utf-8",
      "application/json; version=2",
      "application/json+yaml",
      "yaml",
      "application/",
      "application/json garbage",
    ]
    for (const contentType of cases) {
      const core = fakeCore()
      const response = await makeHandler(core)(post("/v1/validate", manifest, contentType))
      expect(response.headers.get("accept-post")).toBe(
        "application/yaml, application/x-yaml, text/yaml, application/json",
      )
      const body = await expectProblem(response, 415)
      expect(body.type).toBe("urn:problem-type:ampkit:unsupported-media-type")
      expect(body.accepted).toEqual(["application/yaml", "application/x-yaml", "text/yaml", "application/json"])
      expect(core.validateCalls).toHaveLength(0)
    }
  })

  it("answers 422 InputValidationProblem with errors in issues and warnings in `warnings`", async () => {
    const error = diagnostic({
      rule: "duplicate-read-object",
      severity: "error",
      message: "read object `contact` is defined twice in integration `syncCRM`",
      pointer: "/integrations/0/read/objects/2/objectName",
      line: 21,
      column: 23,
      hint: "remove one of the two definitions",
    })
    const noHint = diagnostic({ rule: "schedule-syntax", severity: "error", message: "bad cron", line: 30 })
    const { hint: _, ...noHintFields } = noHint
    const warning = diagnostic()
    const suppressed = diagnostic({ rule: "delivery-deprecated", suppressed: true })
    const core = fakeCore({ validate: () => reportOf([error, warning, noHintFields, suppressed]) })
    const body = await expectProblem(await makeHandler(core)(post("/v1/validate", manifest, "text/yaml")), 422)
    expect(body).toEqual({
      type: "urn:problem-type:ampkit:manifest-invalid",
      title: "Unprocessable Content",
      status: 422,
      detail: "the manifest has 2 errors and 1 warning",
      issues: [
        {
          in: "body",
          name: "/integrations/0/read/objects/2/objectName",
          detail: "read object `contact` is defined twice in integration `syncCRM`",
          rule: "duplicate-read-object",
          line: 21,
          column: 23,
          severity: "error",
          hint: "remove one of the two definitions",
        },
        {
          in: "body",
          name: noHint.pointer,
          detail: "bad cron",
          rule: "schedule-syntax",
          line: 30,
          column: 9,
          severity: "error",
        },
      ],
      warnings: [
        {
          in: "body",
          name: warning.pointer,
          detail: warning.message,
          rule: "unknown-key",
          line: 7,
          column: 9,
          severity: "warning",
          hint: warning.hint,
        },
      ],
    })
  })

  it("answers 400 when the manifest does not parse or breaks a limit", async () => {
    for (const rule of ["syntax", "duplicate-key", "alias-limit", "document-limit"]) {
      const error = diagnostic({ rule, severity: "error", message: `${rule} here`, pointer: "", line: 3, column: 5 })
      const other = diagnostic({ rule: "missing-key", severity: "error", message: "missing", line: 1, column: 1 })
      const core = fakeCore({ validate: () => reportOf([other, error]) })
      const body = await expectProblem(await makeHandler(core)(post("/v1/validate", "a: [", "application/yaml")), 400)
      expect(body.type).toBe("urn:problem-type:ampkit:manifest-unparseable")
      expect(body.detail).toBe(`the manifest does not parse: ${rule} here (line 3, column 5)`)
      expect((body.issues as Array<{ rule: string }>).map((i) => i.rule)).toEqual(["missing-key", rule])
      // Still a 400 when the parser's error is past the listed ones.
      const one = await expectProblem(
        await makeHandler({ ...core, limits: { maxIssues: 1 } })(post("/v1/validate", "a: [", "application/yaml")),
        400,
      )
      expect(one.detail).toBe(`the manifest does not parse: ${rule} here (line 3, column 5)`)
      expect((one.issues as Array<{ rule: string }>).map((i) => i.rule)).toEqual(["missing-key"])
      expect(one.omittedIssues).toBe(1)
    }
  })

  it("says where a parse error is once, not again after a message that already says it", async () => {
    const cases: Array<[string, string]> = [
      [
        "unexpected `,` at line 3, column 5; expected a string key",
        "the manifest does not parse: unexpected `,` at line 3, column 5; expected a string key",
      ],
      // A message naming another position keeps the diagnostic's own.
      [
        "duplicate key `a` (first at line 1): the first value is kept",
        "the manifest does not parse: duplicate key `a` (first at line 1): the first value is kept (line 3, column 5)",
      ],
      [
        "flow collection at line 3, column 50 is not closed",
        "the manifest does not parse: flow collection at line 3, column 50 is not closed (line 3, column 5)",
      ],
    ]
    for (const [message, detail] of cases) {
      const error = diagnostic({ rule: "syntax", severity: "error", message, pointer: "", line: 3, column: 5 })
      const core = fakeCore({ validate: () => reportOf([error]) })
      const body = await expectProblem(await makeHandler(core)(post("/v1/validate", "a: [", "application/yaml")), 400)
      expect(body.detail).toBe(detail)
    }
  })

  it("reports infos as well as warnings beside a 422's errors, and counts both", async () => {
    const error = diagnostic({ rule: "schedule-syntax", severity: "error", message: "bad cron", line: 3 })
    const warning = diagnostic({ line: 5 })
    const info = diagnostic({ rule: "backfill-large", severity: "info", message: "backfill of 400 days", line: 9 })
    const core = fakeCore({ validate: () => reportOf([error, warning, info]) })
    const body = await expectProblem(await makeHandler(core)(post("/v1/validate", manifest, "text/yaml")), 422)
    expect(body.detail).toBe("the manifest has 1 error, 1 warning and 1 info")
    expect((body.warnings as Array<{ rule: string; severity: string }>).map((w) => [w.rule, w.severity])).toEqual([
      ["unknown-key", "warning"],
      ["backfill-large", "info"],
    ])
  })

  it("folds the core's per-rule cap into its own: every finding listed or counted once", async () => {
    // The core lists N findings of a rule, then ONE finding that counts the rest (Validate.ts capPerRule).
    const capped = (rule: string, severity: "error" | "warning", listed: number, more: number, line: number) => [
      ...Array.from({ length: listed }, (_, i) => diagnostic({ rule, severity, line: line + i })),
      diagnostic({
        rule,
        severity,
        message: `${more} more \`${rule}\` findings are not listed (the first ${listed} are)`,
        hint: "fix the ones listed and validate again",
        line: line + listed,
        notListed: more,
      }),
    ]
    const diagnostics = [
      ...capped("missing-key", "error", 5, 7, 1),
      // Only `notListed` makes a closing finding: not its wording.
      diagnostic({
        rule: "missing-key",
        severity: "error",
        message: "3 more `missing-key` findings are not listed (the first 5 are)",
        hint: "fix the ones listed and validate again",
        line: 50,
      }),
      ...capped("unknown-key", "warning", 4, 1000, 100),
    ]
    const core = fakeCore({ validate: () => reportOf(diagnostics) })
    const handler = makeHandler({ ...core, limits: { maxIssues: 3 } })
    const body = await expectProblem(await handler(post("/v1/validate", manifest, "text/yaml")), 422)
    expect(body.detail).toBe("the manifest has 13 errors and 1004 warnings")
    const issues = body.issues as Array<{ detail: string }>
    expect(issues).toHaveLength(3)
    expect(body.omittedIssues).toBe(13 - 3)
    expect((body.warnings as Array<unknown>).length).toBe(3)
    expect(body.omittedWarnings).toBe(1004 - 3)
    expect(JSON.stringify(body)).not.toContain("not listed")

    // The same with room for everything: the closing findings are still counted, never listed.
    const roomy = await expectProblem(
      await makeHandler({ ...core, limits: { maxIssues: 10_000 } })(post("/v1/validate", manifest, "text/yaml")),
      422,
    )
    expect((roomy.issues as Array<unknown>).length).toBe(6)
    expect(roomy.omittedIssues).toBe(7)
    expect((roomy.warnings as Array<unknown>).length).toBe(4)
    expect(roomy.omittedWarnings).toBe(1000)

    // 200: the diagnostics list and `omitted` follow the same count.
    const ok = fakeCore({ validate: () => reportOf(capped("unknown-key", "warning", 4, 1000, 100)) })
    const response = await makeHandler({ ...ok, limits: { maxIssues: 2 } })(post("/v1/validate", manifest, "text/yaml"))
    const okBody = (await response.json()) as { diagnostics: Array<unknown>; omitted: number }
    expect(okBody.diagnostics).toHaveLength(2)
    expect(okBody.omitted).toBe(1004 - 2)
    const all = await makeHandler(ok)(post("/v1/validate", manifest, "text/yaml"))
    const allBody = (await all.json()) as { diagnostics: Array<{ message: string }>; omitted: number }
    expect(allBody.diagnostics).toHaveLength(4)
    expect(allBody.omitted).toBe(1000)
  })

  it("bounds issues and warnings to maxIssues and counts the rest", async () => {
    const errors = Array.from({ length: 7 }, (_, i) =>
      diagnostic({ severity: "error", rule: "missing-key", line: i + 1 }),
    )
    const warnings = Array.from({ length: 4 }, (_, i) => diagnostic({ line: i + 100 }))
    const core = fakeCore({ validate: () => reportOf([...errors, ...warnings]) })
    const body = await expectProblem(
      await makeHandler({ ...core, limits: { maxIssues: 3 } })(post("/v1/validate", manifest, "application/yaml")),
      422,
    )
    expect((body.issues as Array<{ line: number }>).map((i) => i.line)).toEqual([1, 2, 3])
    expect(body.omittedIssues).toBe(4)
    expect((body.warnings as Array<unknown>).length).toBe(3)
    expect(body.omittedWarnings).toBe(1)
    expect(body.detail).toBe("the manifest has 7 errors and 4 warnings")

    const ok = fakeCore({ validate: () => reportOf(warnings) })
    const response = await makeHandler({ ...ok, limits: { maxIssues: 2 } })(
      post("/v1/validate", manifest, "application/yaml"),
    )
    expect(await response.json()).toEqual({ ok: true, diagnostics: warnings.slice(0, 2), omitted: 2 })
  })

  it("clips an overlong core message in issues and in the detail", async () => {
    const long = diagnostic({ rule: "syntax", severity: "error", message: "x".repeat(5000), hint: "h".repeat(5000) })
    const core = fakeCore({ validate: () => reportOf([long]) })
    const body = await expectProblem(await makeHandler(core)(post("/v1/validate", "a", "application/yaml")), 400)
    const [issue] = body.issues as Array<{ detail: string; hint: string }>
    expect(issue?.detail.length).toBe(301)
    expect(issue?.hint.length).toBe(301)
    expect((body.detail as string).length).toBeLessThan(400)
  })

  it("passes ?ignore= rule ids (comma-separated, repeatable, deduplicated) to the core", async () => {
    const core = fakeCore()
    const path = "/v1/validate?ignore=unknown-key,delivery-deprecated&ignore=backfill-large&ignore=unknown-key"
    expect((await makeHandler(core)(post(path, manifest, "application/yaml"))).status).toBe(200)
    expect(core.validateCalls[0]?.options.ignore).toEqual(["unknown-key", "delivery-deprecated", "backfill-large"])
  })

  it("accepts the ids of Ampersand's validator in ?ignore= and passes none of them on (they do nothing)", async () => {
    const core = fakeCore()
    const path = "/v1/validate?ignore=destination-exists,unknown-key&ignore=large-backfill-risk"
    expect((await makeHandler(core)(post(path, manifest, "application/yaml"))).status).toBe(200)
    expect(core.validateCalls[0]?.options.ignore).toEqual(["unknown-key"])
    const typo = await expectProblem(
      await makeHandler(core)(post("/v1/validate?ignore=destination-exist", manifest, "application/yaml")),
      400,
    )
    expect(typo.issues).toEqual([
      expect.objectContaining({ detail: 'unknown rule "destination-exist" (did you mean "destination-exists"?)' }),
    ])
  })

  it("answers 400 for an ignore value that is not a rule id, naming the query parameter", async () => {
    for (const bad of ["Unknown_Key", "a b", "-x", "x".repeat(65), "\u202eevil"]) {
      const core = fakeCore()
      const url = `/v1/validate?ignore=${encodeURIComponent(bad)}`
      const body = await expectProblem(await makeHandler(core)(post(url, manifest, "application/yaml")), 400)
      expect(body.issues).toEqual([expect.objectContaining({ in: "query", name: "ignore" })])
      expect(JSON.stringify(body)).not.toContain("\u202e")
      expect(core.validateCalls).toHaveLength(0)
    }
  })

  it("answers 400 for an ignore id that is no rule of the catalog, naming it with a did-you-mean", async () => {
    const core = fakeCore()
    const url = "/v1/validate?ignore=unknown-key,nosuch&ignore=unknown-kye"
    const body = await expectProblem(await makeHandler(core)(post(url, manifest, "application/yaml")), 400)
    expect(body.type).toBe("urn:problem-type:ampkit:request-invalid")
    expect(body.issues).toEqual([
      { in: "query", name: "ignore", detail: 'unknown rule "nosuch"', severity: "error" },
      {
        in: "query",
        name: "ignore",
        detail: 'unknown rule "unknown-kye" (did you mean "unknown-key"?)',
        severity: "error",
      },
    ])
    expect(core.validateCalls).toHaveLength(0)
    // A malformed id gets the suggestion too.
    const malformed = await expectProblem(
      await makeHandler(core)(post("/v1/validate?ignore=Unknown_Key", manifest, "application/yaml")),
      400,
    )
    expect(malformed.issues).toEqual([
      expect.objectContaining({ detail: '"Unknown_Key" is not a rule id (did you mean "unknown-key"?)' }),
    ])
  })

  it("lists at most 10 unknown ignore ids and counts the rest", async () => {
    const core = fakeCore()
    const ids = Array.from({ length: 25 }, (_, i) => `nosuch-${i}`)
    const url = `/v1/validate?ignore=${ids.join(",")}`
    const body = await expectProblem(await makeHandler(core)(post(url, manifest, "application/yaml")), 400)
    expect((body.issues as Array<unknown>).length).toBe(10)
    expect(body.omittedIssues).toBe(15)
  })

  it("accepts every rule id of the core's catalog in ?ignore=", async () => {
    const core = fakeCore()
    const ids = ruleDescriptions.map((r) => r.id)
    const response = await makeHandler(core)(post(`/v1/validate?ignore=${ids.join(",")}`, manifest, "application/yaml"))
    expect(response.status).toBe(200)
    expect(core.validateCalls[0]?.options.ignore).toEqual(ids)
  })

  it("validates an empty body as the empty text (the core decides what that means)", async () => {
    const core = fakeCore()
    expect((await makeHandler(core)(post("/v1/validate", null, "application/yaml"))).status).toBe(200)
    expect(core.validateCalls[0]?.text).toBe("")
  })

  it("keeps a leading UTF-8 BOM for the core to judge", async () => {
    const core = fakeCore()
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a: 1")])
    await makeHandler(core)(post("/v1/validate", bytes, "application/yaml"))
    expect(core.validateCalls[0]?.text).toBe("\ufeffa: 1")
  })
})

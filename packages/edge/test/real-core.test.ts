/**
 * The handler with the real core, on Node: the same wiring as apps/worker, on real corpus samples. (The
 * full corpus runs inside workerd in apps/worker/test; this proves the handler is runtime-neutral.)
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { manifestJsonSchema, validate } from "@ampkit/core"
import { describe, expect, it } from "vitest"
import { makeHandler } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { post } from "./FakeCore.js"

const samples = join(import.meta.dirname, "..", "..", "..", "corpus", "ampersand", "samples")
const sample = (name: string) => readFileSync(join(samples, name, "amp.yaml"), "utf8")
const handler = makeHandler({ validate, schema: () => manifestJsonSchema() })

describe("with the real core on Node", () => {
  it("answers real samples exactly as the core validates them", async () => {
    for (const name of ["hubspot", "salesforce", "netsuiteM2M", "fireflies", "sendGrid", "unifiedCRM"]) {
      const text = sample(name)
      const report = validate(text, { syntax: "yaml", ignore: [] })
      const response = await handler(post("/v1/validate", text, "application/yaml"))
      const errors = report.diagnostics.filter((d) => d.severity === "error")
      if (errors.length === 0) {
        expect(response.status, name).toBe(200)
        expect(await response.json()).toEqual({ ok: true, diagnostics: report.diagnostics })
      } else {
        const body = await expectProblem(response, 422)
        expect(
          (body.issues as Array<{ rule: string }>).map((i) => i.rule),
          name,
        ).toEqual(errors.map((d) => d.rule))
      }
    }
  })

  it("reports netsuiteM2M's known always-enabled-fields errors as a 422", async () => {
    const body = await expectProblem(await handler(post("/v1/validate", sample("netsuiteM2M"), "text/yaml")), 422)
    expect((body.issues as Array<{ rule: string }>).map((i) => i.rule)).toContain("always-enabled-fields")
  })

  it("counts every finding of a rule the core caps at 10,000 exactly once", async () => {
    // 10,050 integrations with only a name: each has two errors (missing provider, no read/write/…), and the
    // core lists 10,000 of each rule, then one finding counting the other 50.
    const items = Array.from({ length: 10_050 }, (_, i) => `  - name: i${i}\n`).join("")
    const text = `specVersion: 1.0.0\nintegrations:\n${items}`
    const core = validate(text, { syntax: "yaml", ignore: [] })
    expect(core.diagnostics.filter((d) => d.message.includes("not listed")).map((d) => d.message)).toEqual([
      "50 more `integration-structure` findings are not listed (the first 10000 are)",
      "50 more `missing-key` findings are not listed (the first 10000 are)",
    ])
    const big = makeHandler({ validate, schema: () => ({}), limits: { maxBodyBytes: 1_000_000 } })
    const body = await expectProblem(await big(post("/v1/validate", text, "application/yaml")), 422)
    expect(body.detail).toBe("the manifest has 20100 errors")
    expect((body.issues as Array<unknown>).length).toBe(100)
    expect(body.omittedIssues).toBe(20_100 - 100)
    expect(JSON.stringify(body)).not.toContain("not listed")
  })

  it("counts the refused characters past the core's 10 once", async () => {
    const text = `specVersion: 1.0.0\n${Array.from({ length: 15 }, (_, i) => `k${i}: "a\u0001"\n`).join("")}`
    const body = await expectProblem(await handler(post("/v1/validate", text, "application/yaml")), 400)
    expect((body.issues as Array<{ rule: string }>).map((i) => i.rule)).toEqual(Array(10).fill("syntax"))
    expect(body.omittedIssues).toBe(5)
    expect(JSON.stringify(body)).not.toContain("not listed")
  })

  it("says where the text stops parsing once in a 400's detail", async () => {
    const body = await expectProblem(await handler(post("/v1/validate", "a: 1\nb: [\n  c: d: e\n", "text/yaml")), 400)
    expect(body.detail).toBe(
      "the manifest does not parse: Block collections are not allowed within flow collections at line 3, column 6",
    )
    const json = await expectProblem(await handler(post("/v1/validate", '{"a": 1,,}', "application/json")), 400)
    expect(json.detail).toBe("the manifest does not parse: unexpected `,` at line 1, column 9; expected a string key")
    expect(json.issues).toEqual([expect.objectContaining({ line: 1, column: 9 })])
  })

  it("reports a 422's infos beside its warnings", async () => {
    const text = [
      "specVersion: 1.0.0",
      "integrations:",
      "  - name: x",
      "    provider: salesforce",
      "    read:",
      "      objects:",
      "        - objectName: account",
      "          destination: d",
      "          schedule: '*/10 * * * *'",
      "          backfill:",
      "            defaultPeriod:",
      "              days: 400",
      "        - objectName: account",
      "          destination: d",
      "          schedule: '*/10 * * * *'",
      "",
    ].join("\n")
    const body = await expectProblem(await handler(post("/v1/validate", text, "text/yaml")), 422)
    expect(body.detail).toBe("the manifest has 1 error and 1 info")
    expect(body.warnings).toEqual([expect.objectContaining({ rule: "backfill-large", severity: "info", line: 12 })])
  })

  it("serves the core's JSON Schema", async () => {
    const response = await handler(new Request("https://edge.test/v1/schema"))
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(manifestJsonSchema())))
  })
})

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

  it("serves the core's JSON Schema", async () => {
    const response = await handler(new Request("https://edge.test/v1/schema"))
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(manifestJsonSchema())))
  })
})

import { manifestJsonSchema } from "@ampkit/core/JsonSchema"
import { describe, expect, it } from "vitest"
import { call, expectProblem, postText } from "./call.js"
import { sample } from "./samples.js"

describe("the Worker in workerd", () => {
  it("runs inside workerd, not Node", () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers")
    // Workers-only globals (the pool adds nodejs_compat for vitest itself, so `process` proves nothing).
    expect(typeof (globalThis as { HTMLRewriter?: unknown }).HTMLRewriter).toBe("function")
    expect(typeof (globalThis as { WebSocketPair?: unknown }).WebSocketPair).toBe("function")
  })
})

describe("routes and statuses", () => {
  it("GET /v1/schema: 200, the core's JSON Schema", async () => {
    const response = await call("/v1/schema")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("application/schema+json")
    const schema = (await response.json()) as Record<string, unknown>
    expect(schema.$schema).toMatch(/json-schema\.org/)
    expect(JSON.stringify(schema)).toContain("specVersion")
    // The pregenerated text the Worker serves is what the Effect schemas generate.
    expect(schema).toEqual(manifestJsonSchema())
    const head = await call("/v1/schema", { method: "HEAD" })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe("")
  })

  it("POST /v1/validate: 200 { ok: true, diagnostics } for a valid manifest", async () => {
    const manifest = [
      "specVersion: 1.0.0",
      "integrations:",
      "  - name: readContacts",
      "    provider: hubspot",
      "    read:",
      "      objects:",
      "        - objectName: contacts",
      "          destination: webhook",
      "          schedule: '*/30 * * * *'",
      "          requiredFields:",
      "            - fieldName: email",
      "",
    ].join("\n")
    const response = await postText("/v1/validate", manifest, "application/yaml")
    const body = (await response.json()) as { ok: boolean; diagnostics: Array<{ severity: string }> }
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body.ok).toBe(true)
    expect(body.diagnostics.every((d) => d.severity !== "error")).toBe(true)
  })

  it("POST /v1/validate: 422 with issues at the right line for a manifest that breaks rules", async () => {
    const manifest = [
      "specVersion: 1.0.0",
      "integrations:",
      "  - name: readContacts",
      "    provider: hubspot",
      "    read:",
      "      objects:",
      "        - objectName: contacts",
      "          destination: webhook",
      "          schedule: '*/30 * * * *'",
      "        - objectName: contacts",
      "          destination: webhook",
      "          schedule: '*/30 * * * *'",
      "",
    ].join("\n")
    const body = await expectProblem(await postText("/v1/validate", manifest, "text/yaml"), 422)
    const issues = body.issues as Array<{ rule: string; line: number; in: string; name: string; severity: string }>
    const duplicate = issues.find((i) => i.rule === "duplicate-read-object")
    expect(duplicate, JSON.stringify(issues)).toBeDefined()
    expect(duplicate).toMatchObject({ in: "body", severity: "error" })
    expect(duplicate?.name).toMatch(/^\/integrations\/0\/read\/objects\/1/)
    expect(duplicate?.line).toBe(10)
    expect(Array.isArray(body.warnings)).toBe(true)
  })

  it("POST /v1/validate: 400 for text that does not parse, with the position", async () => {
    const body = await expectProblem(
      await postText("/v1/validate", "specVersion: [1.0.0\nintegrations: x\n", "application/yaml"),
      400,
    )
    expect(body.type).toBe("urn:problem-type:ampkit:manifest-unparseable")
    expect((body.issues as Array<{ rule: string }>)[0]?.rule).toBe("syntax")
    const json = await expectProblem(
      await postText("/v1/validate", '{"specVersion": "1.0.0",}', "application/json"),
      400,
    )
    expect((json.issues as Array<{ rule: string; line: number }>)[0]).toMatchObject({ rule: "syntax", line: 1 })
  })

  it("POST /v1/validate: 400 duplicate-key at the second key", async () => {
    const text = "specVersion: 1.0.0\nspecVersion: 1.0.0\nintegrations: []\n"
    const body = await expectProblem(await postText("/v1/validate", text, "application/yaml"), 400)
    expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "duplicate-key", line: 2 })]))
  })

  it("POST /v1/validate: JSON bodies are validated as JSON", async () => {
    const manifest = {
      specVersion: "1.0.0",
      integrations: [{ name: "x", provider: "hubspot", proxy: { enabled: true } }],
    }
    const response = await postText(
      "/v1/validate",
      JSON.stringify(manifest, null, 2),
      "application/json; charset=utf-8",
    )
    expect([200, 422]).toContain(response.status)
    await response.arrayBuffer()
  })

  it("404 / 405 with Allow / 415", async () => {
    await expectProblem(await call("/nope"), 404)
    const wrong = await call("/v1/validate")
    expect(wrong.headers.get("allow")).toBe("POST, OPTIONS")
    await expectProblem(wrong, 405)
    await expectProblem(await postText("/v1/validate", sample("hubspot"), "text/plain"), 415)
    await expectProblem(await postText("/v1/validate", sample("hubspot"), null), 415)
    await expectProblem(await postText("/v1/diff", JSON.stringify({ old: "a", new: "b" }), "application/yaml"), 415)
  })

  it("400 for a broken diff / plan envelope", async () => {
    const diff = await expectProblem(await postText("/v1/diff", JSON.stringify({ old: 1 }), "application/json"), 400)
    expect((diff.issues as Array<{ name: string }>).map((i) => i.name)).toEqual(["/old", "/new"])
    const plan = await expectProblem(
      await postText("/v1/plan", JSON.stringify({ current: [], desired: "", maxBatch: 0 }), "application/json"),
      400,
    )
    expect((plan.issues as Array<{ name: string }>).map((i) => i.name)).toEqual(["/maxBatch"])
    await expectProblem(await postText("/v1/plan", "{", "application/json"), 400)
  })
})

describe("CORS with the deployed configuration (ALLOWED_ORIGINS=*)", () => {
  it("answers a preflight and marks responses readable cross-origin", async () => {
    const preflight = await call("/v1/validate", {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*")
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS")
    const error = await postText("/v1/validate", "x", "text/plain", { origin: "https://app.example.com" })
    expect(error.headers.get("access-control-allow-origin")).toBe("*")
    await error.arrayBuffer()
  })
})

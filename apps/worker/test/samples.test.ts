/**
 * Every real Ampersand sample through POST /v1/validate inside workerd, as YAML and as JSON. The HTTP
 * answer must be exactly what the core says about the same text (errors → 422 issues, the rest → warnings
 * or the 200 diagnostics), and the corpus's documented quirks must show up.
 */
import { type Diagnostic, parseSource, validate } from "@ampkit/core"
import { describe, expect, it } from "vitest"
import { postText } from "./call.js"
import { sample, samples } from "./samples.js"

const issueOf = (d: Diagnostic) => ({
  in: "body",
  name: d.pointer,
  detail: d.message,
  rule: d.rule,
  line: d.line,
  column: d.column,
  severity: d.severity,
  ...(d.hint !== undefined ? { hint: d.hint } : {}),
})

/** What the Worker must answer for this text, computed from the core directly. */
const expected = (text: string, syntax: "yaml" | "json") => {
  const report = validate(text, { syntax, ignore: [] })
  const errors = report.diagnostics.filter((d) => d.severity === "error")
  if (errors.length === 0) return { status: 200, body: { ok: true, diagnostics: report.diagnostics } }
  const unparseable = errors.some((d) => ["syntax", "duplicate-key", "alias-limit", "document-limit"].includes(d.rule))
  return {
    status: unparseable ? 400 : 422,
    body: {
      issues: errors.map(issueOf),
      warnings: report.diagnostics.filter((d) => d.severity !== "error" && !d.suppressed).map(issueOf),
    },
  }
}

describe("the corpus samples through /v1/validate", () => {
  it("embeds the corpus", () => {
    expect(samples.length).toBe(121)
    expect(samples.map((s) => s.name)).toEqual(expect.arrayContaining(["hubspot", "zoho/crm", "quickbooks/sandbox"]))
  })

  it("answers every sample, as YAML, exactly as the core validates it (200 or 422, never 400 or 5xx)", async () => {
    const statuses: Record<number, number> = {}
    for (const { name, text } of samples) {
      const response = await postText("/v1/validate", text, "application/yaml")
      const body = (await response.json()) as Record<string, unknown>
      const want = expected(text, "yaml")
      expect(response.status, name).toBe(want.status)
      expect([200, 422], name).toContain(response.status)
      expect(body, name).toMatchObject(want.body)
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
    }
    // Both outcomes occur in the real corpus (netsuiteM2M is known to break always-enabled-fields).
    expect(statuses[200]).toBeGreaterThan(0)
    expect(statuses[422]).toBeGreaterThan(0)
  })

  it("answers every sample, converted to JSON, exactly as the core validates that JSON", async () => {
    for (const { name, text } of samples) {
      const value = parseSource(text).document?.value
      expect(value, name).toBeDefined()
      const json = JSON.stringify(value, null, 2)
      const response = await postText("/v1/validate", json, "application/json")
      const want = expected(json, "json")
      expect(response.status, name).toBe(want.status)
      expect(await response.json(), name).toMatchObject(want.body)
    }
  })

  it("shows the corpus's documented quirks", async () => {
    const netsuite = (await (await postText("/v1/validate", sample("netsuiteM2M"), "text/yaml")).json()) as {
      status: number
      issues: Array<{ rule: string }>
    }
    expect(netsuite.status).toBe(422)
    expect(netsuite.issues.map((i) => i.rule)).toContain("always-enabled-fields")

    const rulesOf = async (name: string) => {
      const body = (await (await postText("/v1/validate", sample(name), "text/yaml")).json()) as {
        diagnostics?: Array<{ rule: string; pointer: string }>
        warnings?: Array<{ rule: string; name: string }>
        issues?: Array<{ rule: string; name: string }>
      }
      return [
        ...(body.diagnostics ?? []).map((d) => `${d.rule} ${d.pointer}`),
        ...[...(body.warnings ?? []), ...(body.issues ?? [])].map((d) => `${d.rule} ${d.name}`),
      ]
    }
    expect(await rulesOf("fireflies")).toEqual(expect.arrayContaining([expect.stringMatching(/^field-duplicate /)]))
    expect(await rulesOf("sendGrid")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^unknown-key .*\/delete$/)]),
    )
  })
})

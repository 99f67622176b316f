/** The plain decode (internal/model-decode.ts) on hand-picked cases; model-decode.prop.test.ts holds it to Effect's. */
import { describe, expect, test } from "vitest"
import { models } from "../../src/internal/model.generated.js"
import { decodeModel, decodeModelExact } from "../../src/internal/model-decode.js"
import { formatDateTime } from "../../src/internal/rfc3339.js"
import { planFromText } from "../../src/Plan.js"

const installation = {
  id: "inst-1",
  projectId: "project-456",
  integrationId: "int-1",
  healthStatus: "healthy",
  connection: { id: "connection-123", provider: "salesforce", apiKey: "secret" },
  createTime: "2023-07-13T21:34:44.816354Z",
  createdBy: "consumer:consumer-123",
  config: {
    id: "config-123",
    revisionId: "revision-123",
    createTime: "2023-07-13T21:34:44.816354Z",
    createdBy: "builder:builder-123",
    content: { provider: "salesforce", read: { objects: { account: { objectName: "account" } } } },
  },
}

describe("decodeModel", () => {
  test("dates become Dates that encode back to their text; excess keys are dropped; keys in schema order", () => {
    const decoded = decodeModelExact(models.installationList, [{ extra: 1, ...installation }])
    if (!decoded.ok) throw new Error(decoded.message)
    const [first] = decoded.value as Array<Record<string, unknown>>
    expect(first?.createTime).toBeInstanceOf(Date)
    expect(formatDateTime(first?.createTime as Date)).toBe("2023-07-13T21:34:44.816354Z")
    expect(first?.connection).toEqual({ id: "connection-123", provider: "salesforce" })
    expect(Object.keys(first ?? {})).toEqual([
      "id",
      "projectId",
      "integrationId",
      "healthStatus",
      "connection",
      "createTime",
      "createdBy",
      "config",
    ])
  })

  test("record keys stay data, `__proto__` included", () => {
    const value = JSON.parse(
      '[{"id":"i","projectId":"p","integrationId":"x","healthStatus":"healthy","connection":{"id":"c","provider":"p"},' +
        '"createTime":"2024-01-01T00:00:00Z","createdBy":"b","config":{"id":"c","revisionId":"r",' +
        '"createTime":"2024-01-01T00:00:00Z","createdBy":"b","content":{"provider":"p","read":{"objects":' +
        '{"__proto__":{"objectName":"evil"}}}}}}]',
    )
    const decoded = decodeModelExact(models.installationList, value)
    if (!decoded.ok) throw new Error(decoded.message)
    const objects = (decoded.value as Array<{ config: { content: { read: { objects: object } } } }>)[0]?.config.content
      .read.objects
    expect(Object.keys(objects ?? {})).toEqual(["__proto__"])
    expect(Object.getPrototypeOf(objects)).toBe(Object.prototype)
  })

  test("case variants of keys are read as the server reads them by decodeModel, not by decodeModelExact", () => {
    const manifest = { SpecVersion: "1.0.0", integrations: [{ NAME: "a", provider: "p" }] }
    expect(decodeModel(models.manifest, manifest)).toEqual({
      ok: true,
      value: { specVersion: "1.0.0", integrations: [{ name: "a", provider: "p" }] },
    })
    expect(decodeModelExact(models.manifest, manifest)).toEqual({
      ok: false,
      pointer: "/specVersion",
      message: "missing required key `specVersion`",
    })
  })

  test("failures say where: a wrong type, a bad date, a problem that is not an object", () => {
    expect(decodeModel(models.manifest, { specVersion: "1.0.0", integrations: [{ name: 1, provider: "p" }] })).toEqual({
      ok: false,
      pointer: "/integrations/0/name",
      message: "expected a string, got a number",
    })
    const revision = { id: "r", specVersion: "1.0.0", createTime: "Jan 2 2026", content: { name: "a", provider: "p" } }
    expect(decodeModel(models.revision, revision)).toMatchObject({ ok: false, pointer: "/createTime" })
    expect(decodeModel(models.apiProblem, "text")).toEqual({
      ok: false,
      pointer: "",
      message: "a problem must be an object, got a string",
    })
  })
})

describe("planFromText reads installations with the plain decode", () => {
  const live = "[]"
  const desired =
    "specVersion: 1.0.0\nintegrations:\n  - name: a\n    provider: salesforce\n    proxy:\n      enabled: true\n"

  test("a valid list plans", () => {
    const outcome = planFromText({ current: live, desired, installations: JSON.stringify([installation]) })
    expect(outcome.ok).toBe(true)
  })

  test("a bad list is a bad input naming the defect and where it is", () => {
    const outcome = planFromText({
      current: live,
      desired,
      installations: JSON.stringify([{ ...installation, healthStatus: "meh" }]),
    })
    expect(outcome).toMatchObject({ ok: false, reason: "bad-input", input: "installations" })
    expect(outcome.ok === false && outcome.reason === "bad-input" && outcome.message).toMatch(
      /^expected a list of installations \(list-installations\), but .*healthStatus.* \(at \/0\/healthStatus\)$/,
    )
  })
})

import { describe, expect, it } from "vitest"
import { failureTable, makeHandler, problemType, schemaContentType } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { fakeCore, fakeSchema, post } from "./FakeCore.js"

const handlerOf = (core = fakeCore()) => makeHandler({ validate: core.validate, schema: core.schema })
const request = (method: string, path: string) => new Request(`https://edge.test${path}`, { method })

describe("routing", () => {
  it("answers 404 problem+json for an unknown path, listing the routes", async () => {
    for (const path of ["/", "/v1", "/v1/validate/", "/v2/validate", "/V1/VALIDATE", "/v1/validate%00"]) {
      const body = await expectProblem(await handlerOf()(request("GET", path)), 404)
      expect(body.type).toBe("urn:problem-type:ampkit:route-not-found")
      expect(body.routes).toEqual(["POST /v1/validate", "POST /v1/diff", "POST /v1/plan", "GET /v1/schema"])
    }
  })

  it("bounds and escapes the path it echoes in a 404", async () => {
    const body = await expectProblem(await handlerOf()(request("GET", `/${"a".repeat(5000)}`)), 404)
    expect((body.detail as string).length).toBeLessThan(120)
  })

  it("answers 405 with Allow for a wrong method on each route", async () => {
    const cases: Array<[string, string, string]> = [
      ["GET", "/v1/validate", "POST, OPTIONS"],
      ["PUT", "/v1/validate", "POST, OPTIONS"],
      ["DELETE", "/v1/diff", "POST, OPTIONS"],
      ["GET", "/v1/plan", "POST, OPTIONS"],
      ["POST", "/v1/schema", "GET, HEAD, OPTIONS"],
      ["PATCH", "/v1/schema", "GET, HEAD, OPTIONS"],
    ]
    for (const [method, path, allow] of cases) {
      const response = await handlerOf()(request(method, path))
      expect(response.headers.get("allow")).toBe(allow)
      const body = await expectProblem(response, 405)
      expect(body.type).toBe("urn:problem-type:ampkit:method-not-allowed")
    }
  })

  it("does not dispatch a method named after an Object.prototype member", async () => {
    for (const method of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      await expectProblem(await handlerOf()(request(method, "/v1/validate")), 405)
    }
  })

  it("serves the JSON Schema on GET, generated once", async () => {
    const core = fakeCore()
    const handler = handlerOf(core)
    for (let i = 0; i < 3; i++) {
      const response = await handler(request("GET", "/v1/schema"))
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toBe(schemaContentType)
      expect(response.headers.get("cache-control")).toBe("public, max-age=3600")
      expect(await response.json()).toEqual(fakeSchema)
    }
    expect(core.schemaCalls).toBe(1)
  })

  it("answers HEAD /v1/schema with the GET headers and no body", async () => {
    const response = await handlerOf()(request("HEAD", "/v1/schema"))
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe(schemaContentType)
    expect(await response.text()).toBe("")
  })

  it("answers OPTIONS without Origin with 204 and Allow", async () => {
    for (const [path, allow] of [
      ["/v1/validate", "POST, OPTIONS"],
      ["/v1/schema", "GET, HEAD, OPTIONS"],
    ] as const) {
      const response = await handlerOf()(request("OPTIONS", path))
      expect(response.status).toBe(204)
      expect(response.headers.get("allow")).toBe(allow)
      expect(response.headers.get("access-control-allow-origin")).toBeNull()
    }
    await expectProblem(await handlerOf()(request("OPTIONS", "/nope")), 404)
  })

  it("ignores the query string when routing", async () => {
    const response = await handlerOf()(post("/v1/validate?x=1", "a: 1", "application/yaml"))
    expect(response.status).toBe(200)
  })
})

describe("failure table", () => {
  it("maps every tag to one status and a problem type", () => {
    expect(Object.fromEntries(Object.entries(failureTable).map(([tag, { status }]) => [tag, status]))).toEqual({
      RequestInvalid: 400,
      BodyUnreadable: 400,
      ManifestUnparseable: 400,
      RouteNotFound: 404,
      MethodNotAllowed: 405,
      BodyTooLarge: 413,
      UnsupportedMediaType: 415,
      ManifestInvalid: 422,
      Defect: 500,
      NotImplemented: 501,
    })
    expect(problemType("BodyTooLarge")).toBe("urn:problem-type:ampkit:body-too-large")
    expect(problemType("Defect")).toBe("urn:problem-type:ampkit:defect")
  })
})

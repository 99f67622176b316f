import { describe, expect, it } from "vitest"
import { type AllowedOrigins, makeHandler } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { fakeCore, post } from "./FakeCore.js"

const handlerFor = (allowedOrigins: AllowedOrigins) => makeHandler({ ...fakeCore(), allowedOrigins })

const preflight = (path: string, origin: string, method: string, headers = "content-type") =>
  new Request(`https://edge.test${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
  })

const corsHeaderNames = (response: Response) =>
  [...response.headers.keys()].filter((k) => k.startsWith("access-control-")).sort()

describe("CORS", () => {
  const list = ["https://app.example.com", "http://localhost:5173"]

  it("answers a preflight from an allowed origin with the route's methods", async () => {
    const response = await handlerFor(list)(preflight("/v1/validate", "https://app.example.com", "POST"))
    expect(response.status).toBe(204)
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com")
    expect(response.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS")
    expect(response.headers.get("access-control-allow-headers")).toBe("Content-Type")
    expect(response.headers.get("access-control-max-age")).toBe("86400")
    expect(response.headers.get("access-control-allow-credentials")).toBeNull()
    expect(response.headers.get("vary")).toContain("Origin")
    expect(await response.text()).toBe("")

    const schema = await handlerFor(list)(preflight("/v1/schema", "http://localhost:5173", "GET", ""))
    expect(schema.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS")
  })

  it("gives a disallowed origin no CORS header at all", async () => {
    for (const origin of [
      "https://evil.example",
      "https://app.example.com.evil.example",
      "null",
      "HTTPS://APP.EXAMPLE.COM",
    ]) {
      const pre = await handlerFor(list)(preflight("/v1/validate", origin, "POST"))
      expect(pre.status).toBe(204)
      expect(corsHeaderNames(pre)).toEqual([])
      const actual = await handlerFor(list)(post("/v1/validate", "a: 1", "application/yaml", { origin }))
      expect(actual.status).toBe(200)
      expect(corsHeaderNames(actual)).toEqual([])
      expect(actual.headers.get("vary")).toBe("Origin")
    }
  })

  it("gives no CORS header to a preflight for a method the route does not have", async () => {
    const response = await handlerFor(list)(preflight("/v1/validate", "https://app.example.com", "DELETE"))
    expect(corsHeaderNames(response)).toEqual([])
  })

  it("allows every origin with * (and never reflects credentials)", async () => {
    const pre = await handlerFor("*")(preflight("/v1/diff", "https://anyone.example", "POST"))
    expect(pre.headers.get("access-control-allow-origin")).toBe("*")
    const actual = await handlerFor("*")(post("/v1/validate", "a: 1", "application/yaml", { origin: "null" }))
    expect(actual.headers.get("access-control-allow-origin")).toBe("*")
    expect(actual.headers.get("vary")).toBeNull()
  })

  it("allows no cross-origin caller by default", async () => {
    const response = await makeHandler(fakeCore())(preflight("/v1/validate", "https://app.example.com", "POST"))
    expect(corsHeaderNames(response)).toEqual([])
  })

  it("adds CORS headers to success and error responses of an allowed origin", async () => {
    const origin = "https://app.example.com"
    const ok = await handlerFor(list)(post("/v1/validate", "a: 1", "application/yaml", { origin }))
    expect(ok.headers.get("access-control-allow-origin")).toBe(origin)
    expect(ok.headers.get("access-control-expose-headers")).toBe("Allow, Accept-Post, Accept-Encoding")
    const unsupported = await handlerFor(list)(post("/v1/validate", "a: 1", "text/plain", { origin }))
    await expectProblem(unsupported, 415)
    expect(unsupported.headers.get("access-control-allow-origin")).toBe(origin)
    const missing = await handlerFor(list)(new Request("https://edge.test/nope", { headers: { origin } }))
    await expectProblem(missing, 404)
    expect(missing.headers.get("access-control-allow-origin")).toBe(origin)
  })
})

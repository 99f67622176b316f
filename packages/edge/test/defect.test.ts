import { describe, expect, it } from "vitest"
import { defectDetail, makeHandler } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { diagnostic, fakeCore, post, reportOf } from "./FakeCore.js"

const secret = "integrations:\n  - name: SECRET-INPUT-VALUE\n"

describe("defects (500)", () => {
  it("answers 500 with no stack, no message and no input when the core throws", async () => {
    const logged: Array<unknown> = []
    const core = fakeCore({
      validate: (text) => {
        throw new TypeError(`cannot read properties of undefined (reading '${text}')`)
      },
    })
    const handler = makeHandler({ ...core, onDefect: (error) => logged.push(error) })
    const response = await handler(post("/v1/validate", secret, "application/yaml"))
    const body = await expectProblem(response, 500)
    expect(body).toEqual({
      type: "urn:problem-type:ampkit:defect",
      title: "Internal Server Error",
      status: 500,
      detail: defectDetail,
    })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toBeInstanceOf(TypeError)
  })

  it("stays a 500 when the logger itself throws, or the core throws a non-Error", async () => {
    const core = fakeCore({
      validate: () => {
        throw "SECRET-INPUT-VALUE"
      },
    })
    const handler = makeHandler({
      ...core,
      onDefect: () => {
        throw new Error("logger down")
      },
    })
    const body = await expectProblem(await handler(post("/v1/validate", secret, "application/yaml")), 500)
    expect(JSON.stringify(body)).not.toContain("SECRET")
  })

  it("answers 500 when the core's answer cannot be serialised", async () => {
    const core = fakeCore({
      validate: () => reportOf([Object.assign(diagnostic({ severity: "info" }), { extra: BigInt(1) })]),
    })
    await expectProblem(await makeHandler(core)(post("/v1/validate", "a: 1", "application/yaml")), 500)
  })

  it("answers 500 problem+json, not a rejected promise, when a 4xx body cannot be serialised", async () => {
    const logged: Array<unknown> = []
    const broken = diagnostic({ severity: "error", rule: "missing-key", line: BigInt(3) as unknown as number })
    const core = fakeCore({ validate: () => reportOf([broken]) })
    const handler = makeHandler({ ...core, onDefect: (error) => logged.push(error) })
    const body = await expectProblem(await handler(post("/v1/validate", secret, "application/yaml")), 500)
    expect(body.detail).toBe(defectDetail)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toBeInstanceOf(TypeError)
    // Per request: the next one is answered normally.
    const next = makeHandler(fakeCore())
    expect((await next(post("/v1/validate", "a: 1", "application/yaml"))).status).toBe(200)
  })

  it("stays a 500 when an async logger rejects, leaving no unhandled rejection", async () => {
    const core = fakeCore({
      validate: () => {
        throw new Error("x")
      },
    })
    let calls = 0
    const handler = makeHandler({
      ...core,
      onDefect: async () => {
        calls++
        throw new Error("logger down")
      },
    })
    await expectProblem(await handler(post("/v1/validate", secret, "application/yaml")), 500)
    expect(calls).toBe(1)
    // Let the logger's rejection settle inside this test: vitest fails the run on an unhandled one.
    await new Promise((resolve) => setTimeout(resolve, 0))
  })

  it("answers 500 when the schema port throws, and keeps working afterwards", async () => {
    let fail = true
    const core = fakeCore()
    const handler = makeHandler({
      ...core,
      schema: () => {
        if (fail) throw new Error("boom")
        return { ok: 1 }
      },
    })
    await expectProblem(await handler(new Request("https://edge.test/v1/schema")), 500)
    fail = false
    expect(await (await handler(new Request("https://edge.test/v1/schema"))).json()).toEqual({ ok: 1 })
  })

  it("echoes a well-formed cf-ray as requestId, and nothing else from headers", async () => {
    const core = fakeCore({
      validate: () => {
        throw new Error("x")
      },
    })
    const ray = "8f1e2d3c4b5a6978-SJC"
    const withRay = await expectProblem(
      await makeHandler(core)(post("/v1/validate", "a", "application/yaml", { "cf-ray": ray })),
      500,
    )
    expect(withRay.requestId).toBe(ray)
    const forged = await expectProblem(
      await makeHandler(core)(post("/v1/validate", "a", "application/yaml", { "cf-ray": "<script>" })),
      500,
    )
    expect(forged.requestId).toBeUndefined()
  })
})

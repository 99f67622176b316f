import { describe, expect, it } from "vitest"
import { makeHandler } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { fakeCore, post } from "./FakeCore.js"

const encoder = new TextEncoder()
const limit = 1_000

/** A body stream of `chunks` chunks of `size` bytes ("a"), counting how many chunks were pulled. */
const counted = (size: number, chunks: number) => {
  const state = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close()
      state.pulled++
      controller.enqueue(encoder.encode("a".repeat(size)))
    },
    cancel() {
      state.cancelled = true
    },
  })
  return { stream, state }
}

const routes = [
  ["/v1/validate", "application/yaml"],
  ["/v1/diff", "application/json"],
  ["/v1/plan", "application/json"],
] as const

describe("body limit, enforced while streaming", () => {
  it("accepts a body of exactly the limit and refuses limit + 1 byte", async () => {
    const core = fakeCore()
    const handler = makeHandler({ ...core, limits: { maxBodyBytes: limit } })
    expect((await handler(post("/v1/validate", "a".repeat(limit), "application/yaml"))).status).toBe(200)
    expect(core.validateCalls[0]?.text.length).toBe(limit)
    const body = await expectProblem(
      await handler(post("/v1/validate", "a".repeat(limit + 1), "application/yaml")),
      413,
    )
    expect(body.type).toBe("urn:problem-type:ampkit:body-too-large")
    expect(body.maxBytes).toBe(limit)
    expect(core.validateCalls).toHaveLength(1)
  })

  it("counts bytes, not characters", async () => {
    const handler = makeHandler({ ...fakeCore(), limits: { maxBodyBytes: 10 } })
    expect((await handler(post("/v1/validate", "é".repeat(5), "application/yaml"))).status).toBe(200)
    await expectProblem(await handler(post("/v1/validate", `${"é".repeat(5)}a`, "application/yaml")), 413)
  })

  it("stops reading at the chunk that passes the limit when Content-Length is missing", async () => {
    for (const [path, type] of routes) {
      const core = fakeCore()
      const { stream, state } = counted(100, 1_000_000)
      const response = await makeHandler({ ...core, limits: { maxBodyBytes: limit } })(post(path, stream, type))
      await expectProblem(response, 413)
      expect(state.pulled).toBeLessThanOrEqual(Math.ceil((limit + 1) / 100) + 2)
      expect(state.cancelled).toBe(true)
      expect(core.validateCalls.length + core.diffCalls.length + core.planCalls.length).toBe(0)
    }
  })

  it("is not fooled by a Content-Length that lies low", async () => {
    const { stream, state } = counted(100, 1_000_000)
    const request = post("/v1/validate", stream, "application/yaml", { "content-length": "10" })
    expect(request.headers.get("content-length")).toBe("10")
    await expectProblem(await makeHandler({ ...fakeCore(), limits: { maxBodyBytes: limit } })(request), 413)
    expect(state.pulled).toBeLessThanOrEqual(13)
  })

  it("is not fooled by a malformed Content-Length", async () => {
    for (const length of ["abc", "-1", "1e3", "", "10, 10"]) {
      const { stream } = counted(100, 50)
      const request = post("/v1/validate", stream, "application/yaml", { "content-length": length })
      await expectProblem(await makeHandler({ ...fakeCore(), limits: { maxBodyBytes: limit } })(request), 413)
    }
  })

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, state } = counted(100, 5)
    const request = post("/v1/validate", stream, "application/yaml", { "content-length": String(limit + 1) })
    const body = await expectProblem(
      await makeHandler({ ...fakeCore(), limits: { maxBodyBytes: limit } })(request),
      413,
    )
    expect(body.detail).toBe(`the request body declares a length over the limit of ${limit} bytes`)
    expect(request.bodyUsed).toBe(false)
    expect(request.body?.locked).toBe(false)
    expect(state.pulled).toBeLessThanOrEqual(1) // a stream may pre-pull one chunk when created
  })

  it("reads a small body whose Content-Length lies high (the stream decides)", async () => {
    const core = fakeCore()
    const { stream } = counted(10, 3)
    const request = post("/v1/validate", stream, "application/yaml", { "content-length": "500" })
    expect((await makeHandler({ ...core, limits: { maxBodyBytes: limit } })(request)).status).toBe(200)
    expect(core.validateCalls[0]?.text).toBe("a".repeat(30))
  })

  it("joins many small chunks in order", async () => {
    const core = fakeCore()
    const parts = ["spec", "Version: ", "1.0.0", "\n", "é"]
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(encoder.encode(p))
        c.close()
      },
    })
    expect((await makeHandler(core)(post("/v1/validate", stream, "application/yaml"))).status).toBe(200)
    expect(core.validateCalls[0]?.text).toBe(parts.join(""))
  })

  it("joins a multi-byte character split across chunks", async () => {
    const core = fakeCore()
    const bytes = encoder.encode("name: Zoë")
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.subarray(0, bytes.length - 1))
        c.enqueue(bytes.subarray(bytes.length - 1))
        c.close()
      },
    })
    await makeHandler(core)(post("/v1/validate", stream, "application/yaml"))
    expect(core.validateCalls[0]?.text).toBe("name: Zoë")
  })

  it("answers 400 when the body stream fails mid-way", async () => {
    let sent = false
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (!sent) {
          sent = true
          c.enqueue(encoder.encode("a: 1\n"))
        } else c.error(new Error("connection reset at /home/user/secret.ts:12"))
      },
    })
    const body = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/validate", stream, "application/yaml")),
      400,
    )
    expect(body.type).toBe("urn:problem-type:ampkit:body-unreadable")
    expect(JSON.stringify(body)).not.toContain("secret")
  })

  it("checks the content type before reading the body", async () => {
    const { stream, state } = counted(100, 1_000)
    await expectProblem(
      await makeHandler({ ...fakeCore(), limits: { maxBodyBytes: limit } })(post("/v1/validate", stream, "text/plain")),
      415,
    )
    expect(state.pulled).toBeLessThanOrEqual(1)
  })
})

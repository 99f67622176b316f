import { describe, expect, it } from "vitest"
import { makeHandler } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { fakeCore, post } from "./FakeCore.js"

const manifest = "specVersion: 1.0.0\nintegrations: []\n"
const routes = [
  ["/v1/validate", "application/yaml", manifest],
  ["/v1/diff", "application/json", '{"old": "a: 1", "new": "a: 2"}'],
  ["/v1/plan", "application/json", '{"current": [], "desired": "a: 1"}'],
] as const

/** A body stream that records whether anything pulled from it (no pre-pull: high water mark 0). */
const watched = (text: string) => {
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled++
        controller.enqueue(new TextEncoder().encode(text))
        controller.close()
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, state }
}

describe("Content-Encoding", () => {
  it("answers 415 naming the coding for a compressed body, on every route, without reading it", async () => {
    for (const [path, type, text] of routes) {
      for (const coding of ["gzip", "GZIP", "br", "deflate", "zstd", "x-gzip", "gzip, identity", "identity, gzip"]) {
        const core = fakeCore()
        const { stream, state } = watched(text)
        const request = post(path, stream, type, { "content-encoding": coding })
        const response = await makeHandler(core)(request)
        const body = await expectProblem(response, 415)
        expect(body.type).toBe("urn:problem-type:ampkit:unsupported-media-type")
        expect(body.detail).toBe(
          `the request body is encoded with Content-Encoding "${coding}", which is not accepted: send it uncompressed, without Content-Encoding`,
        )
        expect(body.acceptedEncodings).toEqual(["identity"])
        expect(response.headers.get("accept-encoding")).toBe("identity")
        expect(state.pulled).toBe(0)
        expect(request.bodyUsed).toBe(false)
        expect(core.validateCalls.length + core.diffCalls.length + core.planCalls.length).toBe(0)
      }
    }
  })

  it("refuses real gzip bytes with that 415, not as text that is not UTF-8", async () => {
    const gzip = new Uint8Array(
      await new Response(new Blob([manifest]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer(),
    )
    const body = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/validate", gzip, "application/yaml", { "content-encoding": "gzip" })),
      415,
    )
    expect(body.detail).toMatch(/"gzip"/)
  })

  it("bounds and escapes the coding it echoes", async () => {
    const coding = `x-${"z".repeat(30)}\x9b${"z".repeat(500)}`
    const body = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/validate", manifest, "application/yaml", { "content-encoding": coding })),
      415,
    )
    expect(body.detail).toContain(`"x-${"z".repeat(30)}\\u009b${"z".repeat(7)}…"`)
    expect(body.detail).not.toContain("\x9b")
  })

  it("accepts identity, in any case, repeated, or an empty header, as no coding", async () => {
    for (const coding of ["identity", "IDENTITY", "identity, identity", " identity ", ""]) {
      const core = fakeCore()
      const response = await makeHandler(core)(
        post("/v1/validate", manifest, "application/yaml", { "content-encoding": coding }),
      )
      expect(response.status, JSON.stringify(coding)).toBe(200)
      expect(core.validateCalls[0]?.text).toBe(manifest)
    }
  })
})

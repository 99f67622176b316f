/** The Worker items of design/reliability.md, inside workerd, with the real core. */
import { makeHandler } from "@ampkit/edge"
import { afterEach, describe, expect, it, vi } from "vitest"
import worker, { handlerFor } from "../src/index.js"
import { base, call, expectProblem, postText } from "./call.js"
import { sample, samples } from "./samples.js"

const encoder = new TextEncoder()

/** An endless body stream of 1000-byte chunks, counting the chunks pulled. */
const endless = () => {
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++
      controller.enqueue(encoder.encode(`#${"a".repeat(998)}\n`))
    },
  })
  return { stream, state }
}

const streamed = (stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(`${base}/v1/validate`, {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/yaml", ...headers },
    duplex: "half",
  } as RequestInit)

afterEach(() => {
  vi.restoreAllMocks()
})

describe("body limit, enforced while streaming", () => {
  it("stops reading an endless body with no Content-Length at the limit", async () => {
    const { stream, state } = endless()
    const response = await worker.fetch(streamed(stream), { MAX_BODY_BYTES: "5000" })
    expect((await expectProblem(response, 413)).maxBytes).toBe(5000)
    expect(state.pulled).toBeLessThanOrEqual(8)
  })

  it("stops reading an endless body whose Content-Length lies low", async () => {
    const { stream, state } = endless()
    const response = await worker.fetch(streamed(stream, { "content-length": "12" }), { MAX_BODY_BYTES: "5000" })
    await expectProblem(response, 413)
    expect(state.pulled).toBeLessThanOrEqual(8)
  })

  it("refuses a body just over the deployed limit through the runtime's own dispatch", async () => {
    const over = `${sample("hubspot")}\n#${"x".repeat(262_144)}\n`
    const body = await expectProblem(await postText("/v1/validate", over, "application/yaml"), 413)
    expect(body.maxBytes).toBe(262_144)
  })

  it("accepts a body of exactly the limit", async () => {
    const text = sample("hubspot")
    const limit = encoder.encode(text).length + 100
    const padded = `${text}${"#".repeat(99)}\n`
    expect(encoder.encode(padded).length).toBe(limit)
    const response = await worker.fetch(streamed(new Blob([padded]).stream()), { MAX_BODY_BYTES: String(limit) })
    expect([200, 422]).toContain(response.status)
    await response.arrayBuffer()
    const over = await worker.fetch(streamed(new Blob([`${padded}#`]).stream()), { MAX_BODY_BYTES: String(limit) })
    await expectProblem(over, 413)
  })
})

describe("what the runtime hands over as it came", () => {
  it("refuses a gzip body with a 415 naming the coding (workerd does not decompress request bodies)", async () => {
    const text = sample("hubspot")
    const gzip = new Uint8Array(
      await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer(),
    )
    for (const body of [gzip, text]) {
      const response = await postText("/v1/validate", body, "application/yaml", { "content-encoding": "gzip" })
      const problem = await expectProblem(response, 415)
      expect(problem.detail).toMatch(/^the request body is encoded with Content-Encoding "gzip", which is not accepted/)
      expect(response.headers.get("accept-encoding")).toBe("identity")
    }
  })

  it("answers 400 when the body stream breaks mid-way (a truncated upload), and the next request normally", async () => {
    let sent = 0
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 2) controller.enqueue(encoder.encode("specVersion: 1.0.0\n"))
        else controller.error(new Error("connection reset"))
      },
    })
    const body = await expectProblem(await worker.fetch(streamed(broken), {}), 400)
    expect(body.type).toBe("urn:problem-type:ampkit:body-unreadable")
    expect(JSON.stringify(body)).not.toContain("connection reset")
    const next = await postText("/v1/validate", sample("hubspot"), "application/yaml")
    expect([200, 422]).toContain(next.status)
    await next.arrayBuffer()
  })

  it("answers concurrent requests each with its own verdict, whatever order their bodies finish in", async () => {
    const texts = [
      ...samples.slice(0, 16).map((s) => s.text),
      sample("netsuiteM2M"),
      "specVersion: 1.0.0\nintegrations: []\n",
      "a: [\n",
      '{"specVersion": "1.0.0", "integrations": [{"name": "x"}]}',
    ]
    const expected = await Promise.all(
      texts.map(async (text) => {
        const response = await postText("/v1/validate", text, "application/yaml")
        return { status: response.status, body: await response.text() }
      }),
    )
    // Every body is held open after its first half; the second halves are released in reverse order.
    const releases: Array<() => void> = []
    const pending = texts.map((text, i) => {
      const bytes = encoder.encode(text)
      const half = bytes.length >> 1
      let step = 0
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (step === 0) controller.enqueue(bytes.slice(0, half))
          else if (step === 1) {
            await new Promise<void>((resolve) => {
              releases[i] = resolve
            })
            controller.enqueue(bytes.slice(half))
          } else controller.close()
          step++
        },
      })
      return worker.fetch(streamed(stream), {})
    })
    while (releases.filter(Boolean).length < texts.length) await new Promise((resolve) => setTimeout(resolve, 1))
    for (let i = texts.length - 1; i >= 0; i--) releases[i]!()
    const answers = await Promise.all(
      pending.map(async (p) => {
        const response = await p
        return { status: response.status, body: await response.text() }
      }),
    )
    expect(answers).toEqual(expected)
    expect(new Set(expected.map((e) => e.status))).toEqual(new Set([200, 400, 422]))
  })
})

describe("strict UTF-8", () => {
  it("refuses invalid UTF-8 with the position of the bad byte (no silent U+FFFD)", async () => {
    const bytes = new Uint8Array([...encoder.encode("specVersion: 1.0.0\nintegrations:\n  - name: caf"), 0xe9, 0x0a])
    const body = await expectProblem(await postText("/v1/validate", bytes, "application/yaml"), 400)
    expect(body.issues).toEqual([expect.objectContaining({ rule: "syntax", line: 3, column: 14 })])
  })

  it("refuses UTF-16 and says so", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(encoder.encode("a: 1"), (b) => [b, 0]).flat()])
    expect((await expectProblem(await postText("/v1/validate", utf16, "application/yaml"), 400)).detail).toMatch(
      /UTF-16/,
    )
  })

  it("accepts one leading UTF-8 BOM: the same answer as without it", async () => {
    const text = sample("hubspot")
    const plain = await postText("/v1/validate", text, "application/yaml")
    const bom = await postText("/v1/validate", `\ufeff${text}`, "application/yaml")
    expect(bom.status).toBe(plain.status)
    expect(await bom.json()).toEqual(await plain.json())
  })
})

describe("hostile documents answer fast with a 400, never a 5xx", () => {
  it("an alias bomb", async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      )
    const started = Date.now()
    const body = await expectProblem(await postText("/v1/validate", `${lines.join("\n")}\n`, "application/yaml"), 400)
    expect((body.issues as Array<{ rule: string }>).map((i) => i.rule)).toContain("alias-limit")
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("deep nesting in YAML and JSON", async () => {
    for (const [text, type] of [
      [`${"[".repeat(5000)}${"]".repeat(5000)}`, "application/yaml"],
      [`${"[".repeat(50_000)}${"]".repeat(50_000)}`, "application/json"],
    ] as const) {
      const body = await expectProblem(await postText("/v1/validate", text, type), 400)
      expect((body.issues as Array<{ rule: string }>).map((i) => i.rule)).toContain("document-limit")
    }
  })

  it("prototype keys stay data", async () => {
    const text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'
    const response = await postText("/v1/validate", text, "application/json")
    expect(response.status).toBe(422)
    await response.arrayBuffer()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("bounds what it echoes of a long value", async () => {
    const secret = `S${"k".repeat(5000)}`
    const text = `specVersion: ${secret}\nintegrations: []\n`
    const body = await expectProblem(await postText("/v1/validate", text, "application/yaml"), 422)
    expect(JSON.stringify(body)).not.toContain("k".repeat(200))
  })
})

describe("defects", () => {
  it("answers 500 problem+json with no stack and no input, and logs the error", async () => {
    const logged: Array<unknown> = []
    const handler = makeHandler({
      validate: (text) => {
        throw new Error(`core bug on ${text}`)
      },
      schema: () => ({}),
      onDefect: (error) => logged.push(error),
    })
    const request = new Request(`${base}/v1/validate`, {
      method: "POST",
      body: "name: TOP-SECRET",
      headers: { "content-type": "application/yaml", "cf-ray": "8f1e2d3c4b5a6978-SJC" },
    })
    const body = await expectProblem(await handler(request), 500)
    expect(JSON.stringify(body)).not.toContain("TOP-SECRET")
    expect(body.requestId).toBe("8f1e2d3c4b5a6978-SJC")
    expect(logged).toHaveLength(1)
  })
})

describe("settings from bindings", () => {
  it("falls back to the defaults on invalid bindings, with one warning each in the log", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    const handler = handlerFor({ MAX_BODY_BYTES: "lots", MAX_ISSUES: "0", ALLOWED_ORIGINS: "not an origin" })
    expect(warn).toHaveBeenCalledTimes(3)
    expect(handlerFor({ MAX_BODY_BYTES: "lots", MAX_ISSUES: "0", ALLOWED_ORIGINS: "not an origin" })).toBe(handler)
    expect(warn).toHaveBeenCalledTimes(3)
    const big = `#${"x".repeat(262_144)}`
    await expectProblem(
      await handler(
        new Request(`${base}/v1/validate`, {
          method: "POST",
          body: big,
          headers: { "content-type": "application/yaml" },
        }),
      ),
      413,
    )
    const preflight = await handler(
      new Request(`${base}/v1/validate`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
      }),
    )
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull()
  })

  it("gives CORS headers only to the listed origins", async () => {
    const env = { ALLOWED_ORIGINS: "https://app.example.com" }
    const allowed = await worker.fetch(
      new Request(`${base}/v1/schema`, { headers: { origin: "https://app.example.com" } }),
      env,
    )
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com")
    const denied = await worker.fetch(
      new Request(`${base}/v1/schema`, { headers: { origin: "https://evil.example" } }),
      env,
    )
    expect([...denied.headers.keys()].filter((k) => k.startsWith("access-control-"))).toEqual([])
    await allowed.arrayBuffer()
    await denied.arrayBuffer()
  })

  it("serves every status from the deployed bindings", async () => {
    for (const [path, status] of [
      ["/v1/schema", 200],
      ["/", 404],
    ] as const) {
      const response = await call(path)
      expect(response.status).toBe(status)
      await response.arrayBuffer()
    }
  })
})

import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, test } from "vitest"
import {
  BODY_EXCERPT_LENGTH,
  decodeProblem,
  decodeProblemText,
  encodeProblem,
  isInputValidationProblem,
} from "../../src/Problem.js"
import { ApiProblem } from "../../src/ProblemSchema.js"

/** The OAS example of an InputValidationProblem (problem/problem.yaml). */
const oasExample = {
  type: "about:blank",
  title: "Bad Request",
  status: 400,
  detail: "The input message is incorrect",
  instance: "123456-1234-1235-4567489798",
  issues: [
    {
      type: "about:blank",
      detail: "exampleNumericProperty should be numeric",
      in: "path",
      name: "exampleNumericProperty",
      value: "abc",
    },
    {
      type: "about:blank",
      title: "Input isn't valid with respect to schema",
      detail: "examplePropertyWithPattern a2345678901 doesn't match pattern '^\\d{11}$'",
      in: "body",
      name: "items[0].examplePropertyWithPattern",
      value: "a2345678901",
    },
  ],
}

describe("decodeProblem", () => {
  test("the OpenAPI example decodes as an input validation problem", () => {
    const problem = decodeProblem(oasExample)
    expect(isInputValidationProblem(problem)).toBe(true)
    expect(problem.status).toBe(400)
    expect(problem.issues?.map((i) => [i.in, i.name, i.value])).toEqual([
      ["path", "exampleNumericProperty", "abc"],
      ["body", "items[0].examplePropertyWithPattern", "a2345678901"],
    ])
    expect(problem.ignored).toEqual([])
    expect(encodeProblem(problem)).toEqual(oasExample)
  })

  test("Ampersand extensions: dates, retry information, causes, context", () => {
    const problem = decodeProblem({
      title: "Service Unavailable",
      status: 503,
      subsystem: "api",
      time: "2024-04-22T18:55:28.456076Z",
      requestId: "89eb1ffb-2a54-4105-aaae-7bf990f1aa69#87715",
      causes: ["database connection failed"],
      remedy: "try again later",
      retryable: true,
      retryAfter: "2024-04-22T18:56:00Z",
      context: { name: "Rick Sanchez" },
      supportEmail: "support@withampersand.com",
    })
    expect(problem.type).toBe("about:blank")
    expect(problem.retryable).toBe(true)
    expect(problem.retryAfter?.toISOString()).toBe("2024-04-22T18:56:00.000Z")
    expect(problem.time?.toISOString()).toBe("2024-04-22T18:55:28.456Z")
    expect(problem.causes).toEqual(["database connection failed"])
    expect(problem.context).toEqual({ name: "Rick Sanchez" })
    expect(isInputValidationProblem(problem)).toBe(false)
    expect(encodeProblem(problem).time).toBe("2024-04-22T18:55:28.456076Z")
  })

  test("members of the wrong type are ignored, not fatal, and listed", () => {
    const problem = decodeProblem({
      type: 42,
      title: ["x"],
      status: "500",
      detail: "still here",
      retryable: "yes",
      retryAfter: "in 5 minutes",
      time: "1",
      causes: ["ok", 3],
      context: [],
    })
    expect(problem.type).toBe("about:blank")
    expect(problem.detail).toBe("still here")
    expect(problem.status).toBeUndefined()
    expect(problem.retryable).toBeUndefined()
    expect(problem.retryAfter).toBeUndefined()
    expect(problem.ignored.map((m) => m.pointer)).toEqual([
      "/causes",
      "/context",
      "/retryAfter",
      "/retryable",
      "/status",
      "/time",
      "/title",
      "/type",
    ])
    expect(problem.ignored.find((m) => m.pointer === "/status")).toEqual({
      pointer: "/status",
      value: "500",
      expected: "an integer 400–599",
    })
  })

  test.each([200, 399, 600, 450.5, -1, Number.NaN])("status %s is not an error status: ignored", (status) => {
    expect(decodeProblem({ status }).status).toBeUndefined()
  })

  test.each([400, 404, 422, 599])("status %s is kept", (status) => {
    expect(decodeProblem({ status }).status).toBe(status)
  })

  test("extension members are kept; __proto__ is dropped and never pollutes", () => {
    const body = JSON.parse(
      '{"title":"x","traceId":"abc","nested":{"a":[1,2]},"__proto__":{"polluted":true},"constructor":"c"}',
    ) as unknown
    const problem = decodeProblem(body)
    expect(problem.extensions).toEqual({ traceId: "abc", nested: { a: [1, 2] }, constructor: "c" })
    expect(Object.hasOwn(problem.extensions, "__proto__")).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(problem.extensions)).toBe(Object.prototype)
    const encoded = encodeProblem(problem)
    expect(Object.hasOwn(encoded, "__proto__")).toBe(false)
    expect(encoded.traceId).toBe("abc")
  })

  test("issues: bad entries are ignored with their index, bad members ignored inside the entry", () => {
    const problem = decodeProblem({
      status: 422,
      issues: [{ in: "body", name: "a" }, "not an issue", { in: "cookie", status: 200, name: 5 }, null],
    })
    expect(problem.issues).toHaveLength(2)
    expect(problem.ignored.map((m) => m.pointer)).toEqual(["/issues/1", "/issues/3"])
    const second = problem.issues?.[1]
    expect(second?.in).toBeUndefined()
    expect(second?.ignored.map((m) => m.pointer)).toEqual(["/in", "/name", "/status"])
    expect(encodeProblem(problem)).toEqual({
      type: "about:blank",
      status: 422,
      issues: [
        { type: "about:blank", in: "body", name: "a" },
        "not an issue",
        { type: "about:blank", in: "cookie", status: 200, name: 5 },
        null,
      ],
    })
    expect(decodeProblem({ issues: "none" }).ignored).toEqual([
      { pointer: "/issues", value: "none", expected: "a list of issue objects" },
    ])
  })

  test("an issue's value may be any JSON, null included", () => {
    const problem = decodeProblem({
      issues: [
        { name: "x", value: null },
        { name: "y", value: { deep: [1] } },
      ],
    })
    expect(problem.issues?.map((i) => i.value)).toEqual([null, { deep: [1] }])
    expect(problem.issues?.every((i) => "value" in i)).toBe(true)
  })

  test("a non-object degrades to the HTTP status and says what the body was", () => {
    expect(decodeProblem([1, 2], 502)).toEqual({
      type: "about:blank",
      title: "Bad Gateway",
      status: 502,
      detail: "The response body is a list, not a problem object.",
      extensions: {},
      ignored: [],
    })
    expect(decodeProblem("oops", 200).status).toBeUndefined()
    expect(decodeProblem(null).title).toBe("Unreadable error response")
  })

  test("the HTTP status fills a missing status, never overrides one", () => {
    expect(decodeProblem({ title: "x" }, 429).status).toBe(429)
    expect(decodeProblem({ status: 400 }, 500).status).toBe(400)
    expect(decodeProblem({ status: "400" }, 500).status).toBe(500)
  })
})

describe("decodeProblemText", () => {
  test("JSON problem text", () => {
    const problem = decodeProblemText(JSON.stringify(oasExample), 400)
    expect(problem.issues).toHaveLength(2)
  })

  test("HTML or other text degrades to status + bounded, escaped excerpt", () => {
    const html = `<html>\u001b[31m${"<p>error</p>".repeat(1000)}</html>`
    const problem = decodeProblemText(html, 503)
    expect(problem.status).toBe(503)
    expect(problem.title).toBe("Service Unavailable")
    expect(problem.detail?.startsWith('The response body is not JSON: "<html>\\u{1B}[31m<p>')).toBe(true)
    expect(problem.detail?.length).toBeLessThan(BODY_EXCERPT_LENGTH + 60)
    expect(problem.detail?.includes("\u001b")).toBe(false)
  })

  test("empty bodies, JSON scalars, truncated JSON", () => {
    expect(decodeProblemText("", 404).detail).toBe("The response body is empty.")
    expect(decodeProblemText("  \n", 404).title).toBe("Not Found")
    expect(decodeProblemText("42", 500).detail).toBe("The response body is a number, not a problem object.")
    expect(decodeProblemText('"text"', 500).detail).toBe(
      'The response body is the string "text", not a problem object.',
    )
    expect(decodeProblemText('{"title": "x"', 500).detail).toMatch(/^The response body is not JSON/)
  })

  test("never throws on hostile text", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`
    expect(() => decodeProblemText(deep, 500)).not.toThrow()
    expect(() => decodeProblemText("\uD800\uFFFF\u0000", 500)).not.toThrow()
  })
})

describe("ApiProblem codec", () => {
  test("decodes objects, refuses non-objects with a clear issue", () => {
    expect(Result.isSuccess(Schema.decodeUnknownResult(ApiProblem)({}))).toBe(true)
    const failure = Schema.decodeUnknownResult(ApiProblem)("nope")
    expect(Result.isFailure(failure) && failure.failure.message).toMatch(/a problem must be an object, got a string/)
  })

  test("encodes to the wire form", () => {
    const decoded = Schema.decodeUnknownSync(ApiProblem)({ status: 404, time: "2024-01-01T00:00:00Z", x: 1 })
    expect(Schema.encodeUnknownSync(ApiProblem)(decoded)).toEqual({
      type: "about:blank",
      status: 404,
      time: "2024-01-01T00:00:00Z",
      x: 1,
    })
  })
})

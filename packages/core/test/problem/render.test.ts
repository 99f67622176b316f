import { readFileSync } from "node:fs"
import { fc, test as fcTest } from "@fast-check/vitest"
import { describe, expect, test } from "vitest"
import { explainProblem } from "../../src/ProblemExplain.js"
import { problemJson } from "../../src/render/problem-json.js"
import { bounded, maxIssues, preview, renderProblemText } from "../../src/render/problem-text.js"
import { parseSource } from "../../src/Source.js"

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/problem/${name}`, import.meta.url), "utf8")
const salesforce = readFileSync(
  new URL("../../../../corpus/ampersand/samples/salesforce/amp.yaml", import.meta.url),
  "utf8",
)

/** Any C0/C1 control except newline, and bidi / zero-width characters: none may reach a terminal. */
const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/

describe("problem text", () => {
  test("an object with none of the problem members asks whether it is an error body; a problem never does", () => {
    const integration = readFileSync(new URL("../fixtures/plan/installations/current.json", import.meta.url), "utf8")
    const first = JSON.stringify(JSON.parse(integration)[0])
    const question =
      "The body holds no title, status or detail, and no type but about:blank: is it an RFC 9457 error body?"
    expect(renderProblemText(explainProblem(first))).toContain(question)
    for (const body of ['{"title":"Bad"}', '{"status":500}', '{"type":"https://x"}', '{"detail":"d"}'])
      expect(renderProblemText(explainProblem(body)), body).not.toContain(question)
    expect(renderProblemText(explainProblem(fixture("batch-upsert-422.json")))).not.toContain(question)
  })

  test("an ApiProblem reads as status, title, detail, remedy, retry and support", () => {
    const text = renderProblemText(explainProblem(fixture("service-unavailable.json")))
    const lines = text.split("\n")
    expect(lines[0]).toBe("✖ 503 Service Unavailable")
    expect(lines[1]).toBe("  The integration service is temporarily overloaded.")
    expect(text).toContain("request    0d7f3b52-9a1c-4e0b-8f57-2c8c4a9e6b11#4410")
    expect(text).toContain(
      "Causes:\n  • database connection failed\n  • database query failed\n  • unable to fetch user",
    )
    expect(text).toContain("Remedy: Wait and send the request again.")
    expect(text).toContain("Retry: Retry after 2024-04-22T19:00:00Z, not before.")
    // Times as the body writes them: microseconds are not cut to milliseconds.
    expect(text).toContain("time       2024-04-22T18:55:28.456076Z")
    expect(text).toContain(
      "Support: email support@withampersand.com, phone +1-555-555-5555, https://withampersand.com/support",
    )
    expect(text).toContain('Context: {"name": "Rick Sanchez"}')
  })

  test("a title that differs from the reason phrase is shown beside it", () => {
    const text = renderProblemText(explainProblem(fixture("batch-upsert-422.json")))
    expect(text.split("\n")[0]).toBe("✖ 422 Unprocessable Content: Unprocessable Entity")
  })

  test("issues are listed with location, value and remedy; with a manifest, the source line", () => {
    const manifest = parseSource(salesforce).document!
    const e = explainProblem(fixture("batch-upsert-422.json"), { manifest })
    const text = renderProblemText(e, { manifest: { name: "amp.yaml", text: salesforce } })
    expect(text).toContain("Issues (4):")
    expect(text).toContain(
      "  1. body integrations[0].read.objects[1].schedule: schedule */5 * * * * is too frequent: reads can run at most every 10 minutes\n" +
        "     Input isn't valid with respect to schema\n" +
        '     value: "*/5 * * * *"\n' +
        "     at amp.yaml:27:21\n" +
        '     27 |           schedule: "*/10 * * * *" # Every 10 minutes\n',
    )
    expect(text).toContain("     remedy: create the destination first, or fix its name\n     at amp.yaml:38:24\n")
    expect(text).toContain("     at amp.yaml:55:9 (nearest existing parent)\n")
    expect(text).toContain("  4. header X-Api-Key: the X-Api-Key header is for another project\n")
  })

  test("members of the wrong type are listed as ignored", () => {
    const text = renderProblemText(explainProblem(fixture("wrong-member-types.json")))
    expect(text.split("\n")[0]).toBe("✖ Error response")
    expect(text).toContain('/status: got "422", expected an integer 400–599')
    expect(text).toContain("Ignored members (wrong type or value, 12):")
    expect(text).toContain(
      '  1. (no location): the issue members are wrong too\n     value: null\n     ignored: /in (got "elsewhere"), /name (got 7)\n',
    )
  })

  test("control and bidi characters are escaped; multi-line text stays indented", () => {
    const text = renderProblemText(explainProblem(fixture("control-characters.json")))
    expect(text).not.toMatch(unsafe)
    expect(text).toContain("Bad \\u{1B}[2JRequest")
    expect(text).toContain("\\u{202E}evil\\u{202C}")
    expect(text).toContain("line one\n     line two\\r\\u{1B}]8;;http://x\\u{7}")
    const html = renderProblemText(explainProblem(fixture("bad-gateway.html"), { status: 502 }))
    expect(html).not.toMatch(unsafe)
    expect(html).toContain("✖ 502 Bad Gateway")
    expect(html).toContain("The body is not an RFC 9457 problem")
  })

  test("a 1 MB detail is cut, saying how much was left out", () => {
    const text = renderProblemText(explainProblem(JSON.stringify({ status: 400, detail: "é".repeat(1_000_000) })))
    expect(text.length).toBeLessThan(4000)
    expect(text).toContain("… (998000 more characters)")
  })

  test("thousands of issues are cut to a count", () => {
    const issues = Array.from({ length: 5000 }, (_, i) => ({ in: "body", name: `integrations[${i}]`, detail: "bad" }))
    const text = renderProblemText(explainProblem(JSON.stringify({ status: 422, issues })))
    expect(text).toContain(`Issues (5000):`)
    expect(text).toContain(`… and ${5000 - maxIssues} more issues`)
    expect(text.split("\n").length).toBeLessThan(maxIssues * 3 + 20)
  })

  test("colour only when asked", () => {
    const e = explainProblem(fixture("operation-not-found.json"))
    expect(renderProblemText(e)).not.toContain("\u001b[")
    expect(renderProblemText(e, { color: true })).toContain("\u001b[31m✖\u001b[0m")
  })

  test("bounded never splits a surrogate pair", () => {
    expect(bounded("a😀b", 2)).toBe("a… (3 more characters)")
    expect(bounded("short")).toBe("short")
  })

  test("preview bounds depth and length and never throws", () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(preview(deep)).toBe(`${"[".repeat(8)}…${"]".repeat(8)}`)
    expect(preview("x".repeat(10_000)).length).toBeLessThanOrEqual(201)
    expect(preview({ a: [1, true, null], b: "\u202e" })).toBe('{"a": [1, true, null], "b": "\\u{202E}"}')
  })
})

describe("problem json", () => {
  test("is the decoded problem: type defaulted, extensions kept, wrong-typed members given back", () => {
    const json = problemJson(explainProblem(fixture("wrong-member-types.json")))
    expect(json.type).toBe(42)
    expect(json.status).toBe("422")
    expect(json.issues).toEqual([
      "not an issue",
      { type: "about:blank", in: "elsewhere", name: 7, detail: "the issue members are wrong too", value: null },
      42,
    ])
    const jwt = problemJson(explainProblem(fixture("jwt-validation-issues.json")))
    expect(jwt.validationIssues).toEqual(JSON.parse(fixture("jwt-validation-issues.json")).validationIssues)
    expect(problemJson(explainProblem('{"title":"x"}')).type).toBe("about:blank")
  })

  test("with a manifest, mapped body issues carry manifestLocation", () => {
    const manifest = parseSource(salesforce).document!
    const json = problemJson(explainProblem(fixture("batch-upsert-422.json"), { manifest }), "amp.yaml") as {
      issues: Array<Record<string, unknown>>
    }
    expect(json.issues[0]!.manifestLocation).toEqual({
      file: "amp.yaml",
      pointer: "/integrations/0/read/objects/1/schedule",
      line: 27,
      column: 21,
      exact: true,
    })
    expect(json.issues[3]!.manifestLocation).toBeUndefined()
  })

  test("ignored non-object issues do not shift the locations of the others", () => {
    const manifest = parseSource(salesforce).document!
    const body = JSON.stringify({ issues: [7, { in: "body", name: "integrations[0].proxy" }] })
    const json = problemJson(explainProblem(body, { manifest }), "amp.yaml") as { issues: Array<unknown> }
    expect(json.issues[0]).toBe(7)
    expect(json.issues[1]).toMatchObject({ manifestLocation: { pointer: "/integrations/0/proxy", line: 59 } })
  })
})

describe("laws", () => {
  fcTest.prop(
    [fc.string({ unit: "binary", maxLength: 300 }), fc.option(fc.integer({ min: 100, max: 700 }), { nil: undefined })],
    {
      numRuns: 300,
    },
  )("any text is explained and rendered without unsafe characters", (text, status) => {
    const e = explainProblem(text, status !== undefined ? { status } : {})
    expect(renderProblemText(e)).not.toMatch(unsafe)
    expect(() => JSON.stringify(problemJson(e))).not.toThrow()
  })

  fcTest.prop([fc.jsonValue({ maxDepth: 4 })], { numRuns: 300 })("any JSON value is explained", (value) => {
    const e = explainProblem(JSON.stringify(value))
    expect(e.body).toBe(
      typeof value === "object" && value !== null && !Array.isArray(value) ? "problem" : "json-not-object",
    )
    expect(renderProblemText(e)).not.toMatch(unsafe)
  })

  fcTest.prop(
    [
      fc.dictionary(
        fc.constantFrom(
          "type",
          "title",
          "status",
          "detail",
          "issues",
          "causes",
          "retryable",
          "retryAfter",
          "__proto__",
          "x",
        ),
        fc.anything({ maxDepth: 3, withNullPrototype: true }),
      ),
    ],
    { numRuns: 300 },
  )("problem-like objects of any member types are explained", (members) => {
    const text = JSON.stringify(members) ?? "{}"
    const e = explainProblem(text)
    expect(renderProblemText(e)).not.toMatch(unsafe)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

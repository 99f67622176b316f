import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { explainProblem, issuePointer } from "../../src/ProblemExplain.js"
import { parseSource } from "../../src/Source.js"

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/problem/${name}`, import.meta.url), "utf8")
const sample = (name: string): string =>
  readFileSync(new URL(`../../../../corpus/ampersand/samples/${name}/amp.yaml`, import.meta.url), "utf8")

const manifestOf = (text: string) => {
  const parsed = parseSource(text)
  if (parsed.document === undefined) throw new Error("sample does not parse")
  return parsed.document
}

describe("issuePointer: issue names to JSON pointers", () => {
  test.each([
    ["integrations[0].read.objects[1]", "/integrations/0/read/objects/1"],
    ["integrations[0].read.objects[1].schedule", "/integrations/0/read/objects/1/schedule"],
    ["items[0].examplePropertyWithPattern", "/items/0/examplePropertyWithPattern"],
    ["$.integrations[2].name", "/integrations/2/name"],
    ["$['integrations'][0]['read']", "/integrations/0/read"],
    ['integrations[0]["a.b"]', "/integrations/0/a.b"],
    ["/integrations/0/read/objects/1", "/integrations/0/read/objects/1"],
    ["#/integrations/0", "/integrations/0"],
    ["/a~1b/c~0d", "/a~1b/c~0d"],
    ["sourceYaml", "/sourceYaml"],
    ["project/tickets", "/project~1tickets"],
    ["integrations[007]", "/integrations/7"],
  ])("%s → %s", (name, pointer) => {
    expect(issuePointer(name)).toBe(pointer)
  })

  test.each(["a..b", ".a", "a.", "a[", "a[x]", "a['x]", "a[0]b", "/a~2", "/a~"])("%s is not a path", (name) => {
    expect(issuePointer(name)).toBeUndefined()
  })

  test("a long hostile name is handled in linear time", () => {
    const name = `${"a[0].".repeat(20_000)}b`
    const started = performance.now()
    expect(issuePointer(name)).toMatch(/^\/a\/0\/a\/0/)
    expect(issuePointer("[".repeat(100_000))).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe("explainProblem on the shapes of the OpenAPI spec", () => {
  test("the RFC 9457 Problem example", () => {
    const e = explainProblem(fixture("problem-example.json"))
    expect(e.body).toBe("problem")
    expect(e.problem.status).toBe(400)
    expect(e.reason).toBe("Bad Request")
    expect(e.problem.type).toBe("urn:problem-type:exampleOrganization:exampleProblem")
    expect(e.problem.instance).toBe("urn:uuid:123e4567-e89b-12d3-a456-426614174000")
    expect(e.issues).toEqual([])
    // no retryable member: inferred from the status
    expect(e.retry).toMatchObject({ verdict: "fix", basis: "status" })
  })

  test("the InputValidationProblem example: both issues, in order, with in/name/value", () => {
    const e = explainProblem(fixture("input-validation-example.json"))
    expect(e.issues).toHaveLength(2)
    expect(e.issues[0]).toMatchObject({
      index: 0,
      in: "path",
      name: "exampleNumericProperty",
      detail: "exampleNumericProperty should be numeric",
      hasValue: true,
      value: "abc",
    })
    // a path parameter is not mapped to the body
    expect(e.issues[0]!.pointer).toBeUndefined()
    expect(e.issues[1]).toMatchObject({
      in: "body",
      name: "items[0].examplePropertyWithPattern",
      title: "Input isn't valid with respect to schema",
      pointer: "/items/0/examplePropertyWithPattern",
    })
  })

  test("an ApiProblem with retryable false says not to retry, from the body", () => {
    const e = explainProblem(fixture("operation-not-found.json"))
    expect(e.retry).toMatchObject({ verdict: "fix", basis: "body" })
    expect(e.problem.requestId).toBe("89eb1ffb-2a54-4105-aaae-7bf990f1aa69#87715")
    expect(e.problem.time?.toISOString()).toBe("2024-04-22T18:55:28.456Z")
    expect(e.problem.remedy).toMatch(/^Verify the operation ID/)
  })

  test("retryable with retryAfter: wait until that time; support contacts and causes kept", () => {
    const e = explainProblem(fixture("service-unavailable.json"))
    expect(e.retry.verdict).toBe("wait")
    expect(e.retry.after?.toISOString()).toBe("2024-04-22T19:00:00.000Z")
    // The time as the body writes it (not re-serialised at millisecond precision).
    expect(e.retry.sentence).toContain("Retry after 2024-04-22T19:00:00Z, not before.")
    expect(e.support).toEqual({
      email: "support@withampersand.com",
      phone: "+1-555-555-5555",
      url: "https://withampersand.com/support",
    })
    expect(e.problem.causes).toHaveLength(3)
    expect(e.problem.context).toEqual({ name: "Rick Sanchez" })
  })

  test("retryable true without a time: retry now with backoff", () => {
    const e = explainProblem(JSON.stringify({ status: 429, retryable: true }))
    expect(e.retry).toMatchObject({ verdict: "retry", basis: "body" })
    expect(e.retry.after).toBeUndefined()
  })

  test("without retry members, a 503 is inferred retryable and a 422 is not", () => {
    expect(explainProblem(JSON.stringify({ status: 503 })).retry).toMatchObject({ verdict: "retry", basis: "status" })
    expect(explainProblem(JSON.stringify({ status: 422 })).retry).toMatchObject({ verdict: "fix", basis: "status" })
    expect(explainProblem(JSON.stringify({ title: "x" })).retry).toMatchObject({ verdict: "unknown", basis: "none" })
  })

  test("the validationIssues form (field/detail/remedy) of some endpoints is explained as issues", () => {
    const e = explainProblem(fixture("jwt-validation-issues.json"))
    expect(e.issues).toEqual([
      expect.objectContaining({
        source: "validationIssues",
        name: "algorithm",
        detail: "only RSA algorithm is supported",
        remedy: "use 'RSA' as the algorithm",
        value: "ECDSA",
      }),
    ])
  })
})

describe("body issues mapped to the manifest", () => {
  const text = sample("salesforce")
  const manifest = manifestOf(text)
  const e = explainProblem(fixture("batch-upsert-422.json"), { manifest })

  test("a dotted path lands on the value's line and column", () => {
    expect(e.issues[0]!.location).toEqual({
      pointer: "/integrations/0/read/objects/1/schedule",
      position: { line: 27, column: 21 },
      exact: true,
    })
  })

  test("a JSON pointer name lands on its line too", () => {
    expect(e.issues[1]!.location).toEqual({
      pointer: "/integrations/0/subscribe/objects/0/destination",
      position: { line: 38, column: 24 },
      exact: true,
    })
  })

  test("a path past the end of the manifest lands on its nearest existing parent, flagged inexact", () => {
    expect(e.issues[2]!.location).toEqual({
      pointer: "/integrations/0/write/objects",
      position: { line: 55, column: 9 },
      exact: false,
    })
  })

  test("header issues are not mapped", () => {
    expect(e.issues[3]!.in).toBe("header")
    expect(e.issues[3]!.location).toBeUndefined()
  })

  test("a sourceYaml wrapper and name-keyed steps are understood", () => {
    const r = explainProblem(
      JSON.stringify({
        status: 422,
        issues: [
          { in: "body", name: "sourceYaml.integrations[0].read.objects[0].destination" },
          { in: "body", name: "integrations.readAndWriteSalesforce.read.objects.contact.schedule" },
          { in: "body", name: "somethingElse.entirely" },
        ],
      }),
      { manifest },
    )
    expect(r.issues[0]!.location?.pointer).toBe("/integrations/0/read/objects/0/destination")
    expect(r.issues[1]!.location).toMatchObject({ pointer: "/integrations/0/read/objects/1/schedule", exact: true })
    expect(r.issues[2]!.location).toBeUndefined()
  })

  test("without a manifest nothing is located but pointers are still read", () => {
    const r = explainProblem(fixture("batch-upsert-422.json"))
    expect(r.issues.map((i) => i.location)).toEqual([undefined, undefined, undefined, undefined])
    expect(r.issues[0]!.pointer).toBe("/integrations/0/read/objects/1/schedule")
  })
})

describe("hostile bodies never crash", () => {
  test("members of the wrong type are ignored, not fatal", () => {
    const e = explainProblem(fixture("wrong-member-types.json"))
    expect(e.body).toBe("problem")
    expect(e.problem.type).toBe("about:blank")
    expect(e.problem.status).toBeUndefined()
    expect(e.problem.title).toBeUndefined()
    expect(e.problem.retryable).toBeUndefined()
    expect(e.problem.ignored.map((m) => m.pointer)).toEqual(
      expect.arrayContaining([
        "/type",
        "/title",
        "/status",
        "/detail",
        "/causes",
        "/retryable",
        "/retryAfter",
        "/time",
      ]),
    )
    // the one object issue survives, with its bad members ignored
    expect(e.issues).toHaveLength(1)
    expect(e.issues[0]).toMatchObject({ detail: "the issue members are wrong too", hasValue: true, value: null })
    expect(e.issues[0]!.in).toBeUndefined()
    expect(e.issues[0]!.name).toBeUndefined()
  })

  test("a status passed by the caller fills a missing one", () => {
    const e = explainProblem(fixture("wrong-member-types.json"), { status: 422 })
    expect(e.problem.status).toBe(422)
    expect(e.reason).toBe("Unprocessable Content")
  })

  test("__proto__ members never reach a prototype", () => {
    const e = explainProblem(fixture("proto-pollution.json"), { manifest: manifestOf(sample("salesforce")) })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(e.problem)).toBe(Object.prototype)
    expect(e.problem.status).toBe(400)
    expect(Object.hasOwn(e.problem.extensions, "__proto__")).toBe(false)
    expect(e.issues[0]!.location).toBeUndefined()
  })

  test("text that is not JSON degrades to the status and a bounded excerpt", () => {
    const e = explainProblem(fixture("bad-gateway.html"), { status: 502 })
    expect(e.body).toBe("not-json")
    expect(e.problem.status).toBe(502)
    expect(e.problem.title).toBe("Bad Gateway")
    expect(e.problem.detail).toMatch(/^The response body is not JSON/)
    expect(e.retry).toMatchObject({ verdict: "retry", basis: "status" })
  })

  test("a JSON array, a string, a number, null and nothing are explained too", () => {
    expect(explainProblem(fixture("json-array.json")).body).toBe("json-not-object")
    expect(explainProblem('"oops"', { status: 500 })).toMatchObject({
      body: "json-not-object",
      reason: "Internal Server Error",
    })
    expect(explainProblem("42").body).toBe("json-not-object")
    expect(explainProblem("null").body).toBe("json-not-object")
    expect(explainProblem("  \n").body).toBe("empty")
    expect(explainProblem("").problem.detail).toBe("The response body is empty.")
  })

  test("a 1 MB detail is explained; 100k-deep nesting is refused at the depth limit, without blowing up", () => {
    const huge = JSON.stringify({ status: 400, detail: "x".repeat(1_000_000) })
    expect(explainProblem(huge).problem.detail).toHaveLength(1_000_000)
    const deep = `{"status":400,"context":${"[".repeat(100_000)}${"]".repeat(100_000)}}`
    const e = explainProblem(deep, { status: 400 })
    expect(e.body).toBe("refused")
    expect(e.problem.status).toBe(400)
    expect(e.findings.map((f) => f.rule)).toEqual(["document-limit"])
  })
})

/**
 * Regressions of the hostile-input review: problem bodies were read with `JSON.parse`, without
 * limits and last-wins on duplicate members. They are now read by the core's JSON reader under
 * `Limits` (Problem.ts `readProblemText`).
 */
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { defaultLimits } from "../../src/Limits.js"
import { decodeProblem, decodeProblemText, readProblemText } from "../../src/Problem.js"
import { explainProblem } from "../../src/ProblemExplain.js"
import { problemJson } from "../../src/render/problem-json.js"
import { renderProblemText } from "../../src/render/problem-text.js"

const fixtures = new URL("../fixtures/problem/", import.meta.url)

const nested = (depth: number): string => `{"status":400,"x":${"[".repeat(depth)}${"]".repeat(depth)}}`

describe("a deeply nested problem body no longer overflows the stack or blows up the output", () => {
  test("6000 levels (the reported crash of `ampkit problem --format json`) are refused at the depth limit", () => {
    const e = explainProblem(nested(6000))
    expect(e.body).toBe("refused")
    expect(e.problem.detail).toBe(
      `The response body is not read: nesting is deeper than the limit of ${defaultLimits.maxDepth} levels (line 1, column ${18 + defaultLimits.maxDepth}).`,
    )
    expect(e.findings).toEqual([
      expect.objectContaining({ rule: "document-limit", position: { line: 1, column: 18 + defaultLimits.maxDepth } }),
    ])
    // The outputs stay small: nothing of the nesting is kept.
    const json = JSON.stringify(problemJson(e), null, 2)
    expect(json.length).toBeLessThan(2000)
    expect(JSON.parse(json).bodyDiagnostics).toEqual([expect.objectContaining({ rule: "document-limit", line: 1 })])
    expect(renderProblemText(e)).toContain("nesting is deeper than the limit")
  })

  test("at the limit the body is read; one level more is refused", () => {
    // The problem object is level 1, so `x` may hold maxDepth − 1 levels.
    const within = readProblemText(nested(defaultLimits.maxDepth - 1))
    expect(within.body).toBe("problem")
    expect(within.problem.status).toBe(400)
    expect(within.findings).toEqual([])
    expect(readProblemText(nested(defaultLimits.maxDepth)).body).toBe("refused")
  })

  test("the HTTP status still explains a refused body; limits can be set by the caller", () => {
    const e = explainProblem(nested(100), { status: 503 })
    expect(e.problem).toMatchObject({ status: 503, title: "Service Unavailable" })
    expect(e.retry.verdict).toBe("retry")
    expect(explainProblem(nested(100), { limits: { maxDepth: 200 } }).body).toBe("problem")
    expect(decodeProblemText(nested(100), undefined, { maxDepth: 200 }).status).toBe(400)
  })

  test("size, string and key limits refuse a body too", () => {
    const big = readProblemText(JSON.stringify({ status: 400, detail: "x".repeat(100) }), undefined, { maxBytes: 50 })
    expect(big.body).toBe("refused")
    expect(big.problem.detail).toMatch(
      /^The response body is not read: the input is more than 50 bytes, over the limit of 50 bytes/,
    )
    const long = readProblemText(JSON.stringify({ detail: "x".repeat(100) }), 400, { maxStringLength: 10 })
    expect(long).toMatchObject({ body: "refused", problem: { status: 400 } })
    expect(long.problem.detail).toContain("a string of 100 characters is over the limit of 10")
  })

  test("a 200k-deep body is refused in linear time and the CLI's JSON stays small", () => {
    const started = performance.now()
    const e = explainProblem(nested(200_000))
    expect(e.body).toBe("refused")
    expect(JSON.stringify(problemJson(e), null, 2).length).toBeLessThan(2000)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe("duplicate members are reported; the body is not explained as if the last value won", () => {
  test("a duplicate status keeps the first value (400: fix it), not the last (500: retry)", () => {
    const e = explainProblem('{"status":400,"status":500}')
    expect(e.problem.status).toBe(400)
    expect(e.retry.verdict).toBe("fix")
    expect(e.findings).toEqual([
      {
        rule: "duplicate-key",
        severity: "error",
        message: "duplicate key `status` (first at line 1): the first value is kept",
        pointer: "/status",
        at: "key",
        position: { line: 1, column: 15 },
      },
    ])
  })

  test("retryable false then true: do not retry, and the duplicate is said", () => {
    const e = explainProblem('{"status":400,"retryable":false,"retryable":true}')
    expect(e.problem.retryable).toBe(false)
    expect(e.retry.verdict).toBe("fix")
    expect(e.retry.sentence).not.toContain("may be sent again")
    const text = renderProblemText(e)
    expect(text).toContain("Body findings (1):")
    expect(text).toContain(
      "  ! line 1, column 33: duplicate key `retryable` (first at line 1): the first value is kept (duplicate-key)",
    )
    expect(problemJson(e).bodyDiagnostics).toEqual([
      {
        rule: "duplicate-key",
        severity: "error",
        message: "duplicate key `retryable` (first at line 1): the first value is kept",
        pointer: "/retryable",
        line: 1,
        column: 33,
      },
    ])
    expect(problemJson(e).retryable).toBe(false)
  })

  test("a duplicate inside an issue is reported at its pointer and line", () => {
    const body = '{\n  "status": 422,\n  "issues": [\n    { "name": "a", "name": "b" }\n  ]\n}'
    const read = readProblemText(body)
    expect(read.problem.issues?.[0]?.name).toBe("a")
    expect(read.findings).toEqual([
      expect.objectContaining({ rule: "duplicate-key", pointer: "/issues/0/name", position: { line: 4, column: 20 } }),
    ])
  })

  test("a clean body has no findings, no bodyDiagnostics and no Body findings section", () => {
    const e = explainProblem('{"status":429,"retryable":true}')
    expect(e.findings).toEqual([])
    expect(problemJson(e)).not.toHaveProperty("bodyDiagnostics")
    expect(renderProblemText(e)).not.toContain("Body findings")
  })

  test("decodeProblem(value) still decodes an already parsed value", () => {
    expect(decodeProblem({ status: 500, retryable: true })).toMatchObject({ status: 500, retryable: true })
  })
})

describe("the body reader's other findings", () => {
  test("a lossy number is reported and the body still explained", () => {
    const read = readProblemText('{"status":400,"requestId":12345678901234567890,"big":1e400}')
    expect(read.body).toBe("problem")
    expect(read.problem.status).toBe(400)
    expect(read.findings.map((f) => [f.rule, f.pointer])).toEqual([
      ["invalid-value", "/requestId"],
      ["invalid-value", "/big"],
    ])
  })

  test("truncated JSON says where it broke; an HTML page stays a plain excerpt", () => {
    const truncated = readProblemText('{"status": 400,')
    expect(truncated.body).toBe("not-json")
    expect(truncated.problem.detail).toBe(
      'The response body is not JSON (unexpected end of input at line 1, column 16; expected a string key): "{"status": 400,"',
    )
    expect(truncated.findings.map((f) => f.rule)).toEqual(["syntax"])
    const html = readProblemText("<html>502</html>", 502)
    expect(html.problem.detail).toBe('The response body is not JSON: "<html>502</html>"')
    expect(html.findings).toEqual([])
  })

  test("a leading byte order mark and CRLF line ends are read like the rest of the core does", () => {
    const read = readProblemText('\uFEFF{\r\n"status": 400,\r\n"status": 401}')
    expect(read.problem.status).toBe(400)
    expect(read.findings[0]?.position).toEqual({ line: 3, column: 1 })
  })
})

describe("the real problem fixtures read as before", () => {
  test.each(readdirSync(fixtures).filter((f) => f.endsWith(".json")))(
    "%s: same problem as JSON.parse gave, no findings",
    (name) => {
      const text = readFileSync(new URL(name, fixtures), "utf8")
      const read = readProblemText(text, 422)
      expect(read.findings).toEqual([])
      expect(read.problem).toEqual(decodeProblem(JSON.parse(text), 422))
    },
  )
})

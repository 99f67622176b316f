import { describe, expect, it } from "vitest"
import { makeHandler, type PortResult } from "../src/index.js"
import { expectProblem } from "./expectProblem.js"
import { diagnostic, fakeCore, post } from "./FakeCore.js"

const json = (value: unknown) => JSON.stringify(value)

describe("POST /v1/diff", () => {
  const envelope = { old: "specVersion: 1.0.0\n", new: { specVersion: "1.0.0", integrations: [] } }

  it("answers 501 after checking the envelope while no diff is wired", async () => {
    const { diff: _, plan: __, ...core } = fakeCore()
    const body = await expectProblem(await makeHandler(core)(post("/v1/diff", json(envelope), "application/json")), 501)
    expect(body.detail).toBe("POST /v1/diff is not implemented yet")
    await expectProblem(await makeHandler(core)(post("/v1/diff", json({ old: 1 }), "application/json")), 400)
  })

  it("passes the checked envelope to the core and sends its value", async () => {
    const value = { changes: [], summary: { breaking: 0, reconfigure: 0, dangerous: 0, safe: 0 } }
    const core = fakeCore({ diff: () => ({ ok: true, value }) })
    const response = await makeHandler(core)(post("/v1/diff", json(envelope), "application/json; charset=utf-8"))
    expect(response.status).toBe(200)
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(await response.json()).toEqual(value)
    expect(core.diffCalls).toEqual([envelope])
  })

  it("answers 400 with one issue per wrong member", async () => {
    const cases: Array<[unknown, Array<string>]> = [
      [{}, ["/old", "/new"]],
      [{ old: 1, new: null }, ["/old", "/new"]],
      [{ old: "a", new: true }, ["/new"]],
      [{ old: "a", new: "b", extra: 1, "a/b": 2 }, ["/extra", "/a~1b"]],
      [{ old: "a", new: "b", ["x".repeat(200)]: 1 }, [""]],
      [JSON.parse('{"old":"a","new":"b","__proto__":{"polluted":true}}'), ["/__proto__"]],
    ]
    for (const [value, names] of cases) {
      const core = fakeCore()
      const body = await expectProblem(await makeHandler(core)(post("/v1/diff", json(value), "application/json")), 400)
      expect((body.issues as Array<{ name: string }>).map((i) => i.name)).toEqual(names)
      expect(core.diffCalls).toHaveLength(0)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("answers 400 for a body that is not a JSON object, never quoting it", async () => {
    for (const text of ["", "[1,2", '{"old": x}', "[]", "null", '"text"', "{} {}", "secret-token-123"]) {
      const body = await expectProblem(await makeHandler(fakeCore())(post("/v1/diff", text, "application/json")), 400)
      expect(body.type).toBe("urn:problem-type:ampkit:request-invalid")
      expect(JSON.stringify(body)).not.toContain("secret-token")
    }
    const positioned = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/diff", '{\n  "old": "a",\n  }', "application/json")),
      400,
    )
    expect(positioned.issues).toEqual([expect.objectContaining({ rule: "syntax", line: 3, column: 3 })])
  })

  it("accepts only application/json", async () => {
    for (const type of ["application/yaml", "text/plain", null]) {
      await expectProblem(await makeHandler(fakeCore())(post("/v1/diff", json(envelope), type)), 415)
    }
  })

  it("maps the core's diagnostics to 400 / 422 with pointers prefixed by the member", async () => {
    const unparseable: PortResult = {
      ok: false,
      diagnostics: [diagnostic({ rule: "syntax", severity: "error", input: "old", pointer: "", message: "bad" })],
    }
    const invalid: PortResult = {
      ok: false,
      diagnostics: [diagnostic({ rule: "missing-key", severity: "error", input: "new", pointer: "/integrations" })],
    }
    const a = await expectProblem(
      await makeHandler(fakeCore({ diff: () => unparseable }))(post("/v1/diff", json(envelope), "application/json")),
      400,
    )
    expect(a.issues).toEqual([expect.objectContaining({ name: "/old", rule: "syntax" })])
    const b = await expectProblem(
      await makeHandler(fakeCore({ diff: () => invalid }))(post("/v1/diff", json(envelope), "application/json")),
      422,
    )
    expect(b.issues).toEqual([expect.objectContaining({ name: "/new/integrations", rule: "missing-key" })])
    // The detail names the member the diagnostics are about.
    expect(a.detail).toBe("old does not parse: bad (line 7, column 9)")
    expect(b.detail).toBe("new has 1 error")
    const both: PortResult = {
      ok: false,
      diagnostics: [
        diagnostic({ rule: "missing-key", severity: "error", input: "old" }),
        diagnostic({ rule: "missing-key", severity: "error", input: "new" }),
      ],
    }
    const c = await expectProblem(
      await makeHandler(fakeCore({ diff: () => both }))(post("/v1/diff", json(envelope), "application/json")),
      422,
    )
    expect(c.detail).toBe("the input has 2 errors")
  })

  it("answers 400 naming the member when the core finds it unusable (e.g. a document of the wrong kind)", async () => {
    const core = fakeCore({
      diff: () => ({ ok: false, input: "new", message: "expected a manifest, but this looks like a problem" }),
    })
    const body = await expectProblem(await makeHandler(core)(post("/v1/diff", json(envelope), "application/json")), 400)
    expect(body.type).toBe("urn:problem-type:ampkit:request-invalid")
    expect(body.detail).toBe("new: expected a manifest, but this looks like a problem")
    expect(body.issues).toEqual([
      { in: "body", name: "/new", detail: "expected a manifest, but this looks like a problem", severity: "error" },
    ])
  })

  it("lists the defects the core found in an unusable member, one issue each, bounded", async () => {
    const errors = Array.from({ length: 7 }, (_, i) =>
      diagnostic({ rule: "missing-key", severity: "error", input: "new", pointer: `/${i}/id`, message: `no id ${i}` }),
    )
    const { line: _, column: __, ...unpositioned } = diagnostic({ severity: "warning", input: "new", pointer: "/0/x" })
    const core = fakeCore({
      diff: () => ({
        ok: false,
        input: "new",
        message: "not an integration list",
        diagnostics: [...errors, unpositioned],
      }),
    })
    const body = await expectProblem(
      await makeHandler({ ...core, limits: { maxIssues: 5 } })(post("/v1/diff", json(envelope), "application/json")),
      400,
    )
    expect(body.type).toBe("urn:problem-type:ampkit:request-invalid")
    expect(body.detail).toBe("new: not an integration list")
    expect((body.issues as Array<{ name: string }>).map((i) => i.name)).toEqual(
      ["/0/id", "/1/id", "/2/id", "/3/id", "/4/id"].map((p) => `/new${p}`),
    )
    expect(body.omittedIssues).toBe(2)
  })

  it("treats 'not ok' without an error diagnostic as a defect", async () => {
    const core = fakeCore({ diff: () => ({ ok: false, diagnostics: [diagnostic()] }) })
    await expectProblem(await makeHandler(core)(post("/v1/diff", json(envelope), "application/json")), 500)
  })
})

describe("POST /v1/plan", () => {
  const envelope = { current: [], desired: "specVersion: 1.0.0\n", stopReads: ["syncCRM"], maxBatch: 5 }

  it("answers 501 after checking the envelope while no plan is wired", async () => {
    const { diff: _, plan: __, ...core } = fakeCore()
    const body = await expectProblem(await makeHandler(core)(post("/v1/plan", json(envelope), "application/json")), 501)
    expect(body.detail).toBe("POST /v1/plan is not implemented yet")
    await expectProblem(await makeHandler(core)(post("/v1/plan", json({}), "application/json")), 400)
  })

  it("passes the checked envelope to the core (defaults filled) and sends its value", async () => {
    const core = fakeCore()
    const response = await makeHandler(core)(post("/v1/plan", json(envelope), "application/json"))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ integrations: [], batches: [] })
    expect(core.planCalls).toEqual([envelope])
    await makeHandler(core)(post("/v1/plan", json({ current: [{}], desired: "" }), "application/json"))
    expect(core.planCalls[1]).toEqual({ current: [{}], desired: "", stopReads: [] })
    const more = { current: [], desired: "", installations: [{ id: "i" }], project: "my project" }
    await makeHandler(core)(post("/v1/plan", json(more), "application/json"))
    expect(core.planCalls[2]).toEqual({ ...more, stopReads: [] })
  })

  it("answers 400 with one issue per wrong member", async () => {
    const cases: Array<[unknown, Array<string>]> = [
      [{}, ["/current", "/desired"]],
      [{ current: {}, desired: {} }, ["/current", "/desired"]],
      [{ current: [], desired: "", stopReads: "a" }, ["/stopReads"]],
      [{ current: [], desired: "", stopReads: ["a", 1, ""] }, ["/stopReads/1", "/stopReads/2"]],
      [{ current: [], desired: "", maxBatch: 0 }, ["/maxBatch"]],
      [{ current: [], desired: "", maxBatch: 1.5 }, ["/maxBatch"]],
      [{ current: [], desired: "", maxBatch: 1001 }, ["/maxBatch"]],
      [{ current: [], desired: "", maxBatch: "5" }, ["/maxBatch"]],
      [{ current: [], desired: "", installations: {} }, ["/installations"]],
      [{ current: [], desired: "", project: "" }, ["/project"]],
      [{ current: [], desired: "", project: 7 }, ["/project"]],
      [{ current: [], desired: "", project: "p".repeat(257) }, ["/project"]],
      [{ current: [], desired: "", team: "x" }, ["/team"]],
    ]
    for (const [value, names] of cases) {
      const core = fakeCore()
      const body = await expectProblem(await makeHandler(core)(post("/v1/plan", json(value), "application/json")), 400)
      expect(
        (body.issues as Array<{ name: string }>).map((i) => i.name),
        json(value),
      ).toEqual(names)
      expect(core.planCalls).toHaveLength(0)
    }
  })

  it("names the key of a list-integrations array wrapped in an object", async () => {
    const value = { current: { integrations: [] }, desired: "" }
    const body = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/plan", json(value), "application/json")),
      400,
    )
    expect(body.issues).toEqual([
      expect.objectContaining({
        name: "/current",
        detail:
          'current must be the list-integrations response (an array), not an object (send the array it holds under "integrations")',
      }),
    ])
  })

  it("bounds the issues of a huge bad envelope", async () => {
    const value = { current: [], desired: "", stopReads: Array.from({ length: 500 }, () => 0) }
    const body = await expectProblem(
      await makeHandler(fakeCore())(post("/v1/plan", json(value), "application/json")),
      400,
    )
    expect((body.issues as Array<unknown>).length).toBe(20)
    expect(body.omittedIssues).toBe(480)
  })

  it("maps the core's diagnostics to 422 with pointers prefixed by the member", async () => {
    const result: PortResult = {
      ok: false,
      diagnostics: [diagnostic({ rule: "spec-version", severity: "error", input: "desired", pointer: "/specVersion" })],
    }
    const body = await expectProblem(
      await makeHandler(fakeCore({ plan: () => result }))(post("/v1/plan", json(envelope), "application/json")),
      422,
    )
    expect(body.issues).toEqual([expect.objectContaining({ name: "/desired/specVersion", rule: "spec-version" })])
  })
})

describe("JSON values inside the envelope are parsed as strictly as documents sent as text", () => {
  const handler = makeHandler(fakeCore({ diff: () => ({ ok: true, value: { changes: [] } }) }))
  const post = (body: string) =>
    handler(new Request("https://x/v1/diff", { method: "POST", headers: { "content-type": "application/json" }, body }))
  it("a duplicate key inside `new` is a 400 duplicate-key, not last-wins", async () => {
    const res = await post('{"old": {"a": 1}, "new": {"name": "a", "name": "b"}}')
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.issues[0]).toMatchObject({ rule: "duplicate-key", name: "/new/name", line: 1 })
  })
  it("a duplicate key inside `new` is said as such, not as the core's 'the first value is kept'", async () => {
    const body = await expectProblem(await post('{"old": {"a": 1}, "new": {"name": "a", "name": "b"}}'), 400)
    expect(body.detail).toBe('the key "name" appears twice in one object (first at line 1); give each key once')
    expect(JSON.stringify(body)).not.toContain("kept")
    expect(JSON.stringify(body)).not.toContain("not valid JSON")
  })
  it("a duplicated envelope member is a 400 that names the member, not 'not valid JSON'", async () => {
    const body = await expectProblem(await post('{"old": "a",\n "old": "b", "new": "c"}'), 400)
    const detail = 'the member "old" appears twice in the request body (first at line 1); send it once'
    expect(body.detail).toBe(detail)
    expect(body.issues).toEqual([
      { in: "body", name: "/old", detail, rule: "duplicate-key", severity: "error", line: 2, column: 2 },
    ])
    // A member name that needs escaping is escaped in the sentence, as a JSON pointer in `name`.
    const odd = await expectProblem(await post('{"a/\\u202e": 1, "a/\\u202e": 2}'), 400)
    expect(odd.detail).toBe('the member "a/\\u202e" appears twice in the request body (first at line 1); send it once')
    expect(odd.issues).toEqual([expect.objectContaining({ name: "/a~1\u202e" })])
  })
  it("many duplicate keys: 20 issues listed, the rest counted", async () => {
    const members = Array.from({ length: 26 }, (_, i) => `"k${i}": 1, "k${i}": 2`).join(", ")
    const body = await expectProblem(await post(`{"old": {${members}}, "new": "c"}`), 400)
    expect(body.detail).toBe("the request body has 26 problems")
    expect((body.issues as Array<unknown>).length).toBe(20)
    expect(body.omittedIssues).toBe(6)
  })
  it("a syntax error is still 'not valid JSON', with its position", async () => {
    const body = await expectProblem(await post('{"old": "a", "old": "b",\n "new": "c",,}'), 400)
    expect(body.detail).toBe("the request body is not valid JSON (line 2, column 13)")
  })
  it("a duplicated envelope member and an unsafe integer are refused", async () => {
    expect((await post('{"old": "a", "old": "b", "new": "c"}')).status).toBe(400)
    const res = await post('{"old": {"n": 9007199254740993}, "new": "c"}')
    expect(res.status).toBe(400)
    expect((await res.json()).issues[0].rule).toBe("invalid-value")
  })
})

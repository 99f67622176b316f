/**
 * POST /v1/diff with hostile API lists (session 5): one installation alone as a side is named as an
 * installation (not "closest is a revision"), and a wrapped list's key enters the message only as an
 * excerpt (bidi and control characters escaped, no lone surrogate, an ellipsis where it is cut).
 */
import { describe, expect, it } from "vitest"
import { expectProblem, postText } from "./call.js"
import { planFixture, sample } from "./samples.js"

const fixture = (file: string): unknown => JSON.parse(planFixture(file))
const integrations = fixture("current.json") as Array<unknown>
const installations = fixture("installations.json") as Array<unknown>

const postJson = (path: string, body: unknown) => postText(path, JSON.stringify(body), "application/json")

describe("POST /v1/diff, hostile API lists", () => {
  it("names one installation alone, as a value or as text, on either side", async () => {
    for (const body of [
      { old: installations[0], new: sample("hubspot") },
      { old: sample("hubspot"), new: JSON.stringify(installations[0]) },
    ]) {
      const problem = await expectProblem(await postJson("/v1/diff", body), 400)
      expect(problem.detail).toMatch(/this is one installation \(an item of list-installations\)/)
      expect(problem.detail).not.toMatch(/closest is a revision/)
    }
  })

  it("quotes a wrapped list's key as an excerpt: escaped, cut by code points with an ellipsis", async () => {
    const bidi = await expectProblem(await postJson("/v1/diff", { old: { "a\u202eb": integrations }, new: "{}" }), 400)
    expect(bidi.detail).toContain("under `a\\u202eb`")
    expect(bidi.detail).not.toContain("\u202e")
    const astral = `${"x".repeat(39)}😀tail`
    const long = await expectProblem(await postJson("/v1/diff", { old: { [astral]: integrations }, new: "{}" }), 400)
    expect(long.detail).toContain(`under \`${"x".repeat(39)}😀…\``)
    expect(long.detail).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })
  it("names list-installations wrapped in an object", async () => {
    const body = await expectProblem(
      await postJson("/v1/diff", { old: { results: installations, next: null }, new: sample("hubspot") }),
      400,
    )
    expect(body.detail).toBe(
      "old: expected an amp.yaml or the list-integrations response, but this holds list-installations under `results`: the diff compares manifests and integrations",
    )
  })
})

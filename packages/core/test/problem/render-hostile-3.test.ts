/**
 * `ampkit problem`'s question for a body with none of RFC 9457's members: true of every body it is
 * asked of (`{"type":"about:blank"}` holds `type`), never asked of a body that has one.
 */
import { describe, expect, test } from "vitest"
import { explainProblem } from "../../src/ProblemExplain.js"
import { renderProblemText } from "../../src/render/problem-text.js"

const question = (body: string) =>
  renderProblemText(explainProblem(body))
    .split("\n")
    .filter((l) => l.includes("is it an RFC 9457 error body?"))

describe("a body without RFC 9457's members", () => {
  test.each(['{"type":"about:blank"}', "{}", '{"issues":[]}', '{"foo":1}', '{"status":null}'])(
    "%s: the question does not say a member it holds is missing",
    (body) => {
      expect(question(body)).toEqual([
        "The body holds no title, status or detail, and no type but about:blank: is it an RFC 9457 error body?",
      ])
    },
  )

  test.each(['{"type":"https://x"}', '{"title":"Bad"}', '{"status":503}', '{"detail":"d"}', '{"instance":"/i"}'])(
    "%s: not asked",
    (body) => expect(question(body)).toEqual([]),
  )

  test.each(["[]", '[{"type":"about:blank"}]', '"text"', "null"])("%s: not an object, said otherwise", (body) => {
    const text = renderProblemText(explainProblem(body))
    expect(question(body)).toEqual([])
    expect(text).toContain("The body is not an RFC 9457 problem")
  })
})

import { describe, expect, it } from "vitest"
import { parseMediaType } from "../src/index.js"

describe("parseMediaType", () => {
  it("parses type/subtype and parameters (RFC 9110 §8.3.1)", () => {
    expect(parseMediaType("application/yaml")).toEqual({ essence: "application/yaml", parameters: [] })
    expect(parseMediaType(" Text/YAML ;Charset=UTF-8 ")).toEqual({
      essence: "text/yaml",
      parameters: [["charset", "UTF-8"]],
    })
    expect(parseMediaType('application/json; charset="utf-8"; q="a\\"b"')).toEqual({
      essence: "application/json",
      parameters: [
        ["charset", "utf-8"],
        ["q", 'a"b'],
      ],
    })
    expect(parseMediaType("application/json;")).toEqual({ essence: "application/json", parameters: [] })
  })

  it("refuses what is not a media type", () => {
    for (const value of [
      "",
      "json",
      "application/",
      "/json",
      "application/json x",
      "application/json; charset",
      "a/b; =c",
      'a/b;c="x',
    ]) {
      expect(parseMediaType(value), value).toBeUndefined()
    }
  })
})

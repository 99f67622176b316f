import { describe, expect, it } from "vitest"
import { clip, excerpt, excerptLength, messageLength } from "../src/index.js"

describe("excerpt", () => {
  it("quotes short text unchanged", () => {
    expect(excerpt("text/plain")).toBe('"text/plain"')
  })

  it("cuts long text at the bound, on a code point", () => {
    expect(excerpt("a".repeat(1000))).toBe(`"${"a".repeat(excerptLength)}…"`)
    expect(excerpt("😀".repeat(50), 3)).toBe('"😀😀😀…"')
  })

  it("escapes control, bidi, zero-width characters, lone surrogates, quotes and backslashes", () => {
    expect(excerpt("a\u001b[31mb")).toBe('"a\\u001b[31mb"')
    expect(excerpt("\u202eevil\u200b\ufeff")).toBe('"\\u202eevil\\u200b\\ufeff"')
    expect(excerpt("x\ud800y")).toBe('"x\\ud800y"')
    expect(excerpt('say "hi" \\')).toBe('"say \\"hi\\" \\\\"')
    expect(excerpt("line\nbreak\u2028")).toBe('"line\\u000abreak\\u2028"')
  })

  it("escapes an astral format character (a tag character) as its whole surrogate pair", () => {
    expect(excerpt("a\u{E0041}b")).toBe('"a\\udb40\\udc41b"')
    expect(JSON.parse(excerpt("a\u{E0041}b"))).toBe("a\u{E0041}b")
  })
})

describe("clip", () => {
  it("keeps a core message up to the bound and cuts a longer one", () => {
    expect(clip("short")).toBe("short")
    expect(clip("m".repeat(messageLength))).toBe("m".repeat(messageLength))
    expect(clip("m".repeat(messageLength + 1))).toBe(`${"m".repeat(messageLength)}…`)
  })
})

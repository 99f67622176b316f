import { readFileSync } from "node:fs"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { describe, expect, test } from "vitest"
import * as AmpEffect from "../../src/Effect.js"
import { decodeText, validate } from "../../src/index.js"

const sample = (path: string) =>
  readFileSync(new URL(`../../../../corpus/ampersand/samples/${path}`, import.meta.url), "utf8")

describe("plain face and Effect face give the same results", () => {
  test.each(["netsuiteM2M/amp.yaml", "salesforce/amp.yaml", "hubspot-subscribe/amp.yaml", "sendGrid/amp.yaml"])(
    "validate %s",
    (path) => {
      const text = sample(path)
      expect(Effect.runSync(AmpEffect.validate(text))).toEqual(validate(text))
    },
  )

  test("decode succeeds with the typed manifest", () => {
    const text = sample("salesforce/amp.yaml")
    const plain = decodeText(text, { expected: "manifest" })
    expect(plain.ok).toBe(true)
    const eff = Effect.runSync(AmpEffect.decode(text, { expected: "manifest" }))
    if (!plain.ok) throw new Error("unreachable")
    expect(eff.document).toEqual(plain.document)
    expect(plain.document.kind).toBe("manifest")
  })

  test("a syntax error is SourceError with positioned diagnostics", () => {
    const exit = Effect.runSyncExit(AmpEffect.decode("a: 1\na: 2\n"))
    expect(Exit.isFailure(exit)).toBe(true)
    const plain = decodeText("a: 1\na: 2\n")
    expect(plain).toMatchObject({ ok: false, reason: "syntax" })
    if (plain.ok) throw new Error("unreachable")
    expect(plain.diagnostics[0]).toMatchObject({ rule: "duplicate-key", line: 2 })
    const error = Effect.runSync(Effect.flip(AmpEffect.decode("a: 1\na: 2\n")))
    expect(error._tag).toBe("SourceError")
    expect(error.diagnostics).toEqual(plain.diagnostics)
  })

  test("the wrong kind is KindError naming what it looks like", () => {
    const problem = JSON.stringify({ type: "about:blank", status: 422, title: "Unprocessable" })
    const plain = decodeText(problem, { expected: "manifest" })
    expect(plain).toMatchObject({ ok: false, reason: "kind" })
    if (plain.ok) throw new Error("unreachable")
    expect(plain.message).toMatch(/looks like a problem/)
    const error = Effect.runSync(Effect.flip(AmpEffect.decode(problem, { expected: "manifest" })))
    expect(error._tag).toBe("KindError")
  })

  test("the right kind with defects is DocumentError with findings at lines", () => {
    const text = "specVersion: 1.0.0\nintegrations:\n  - name: x\n    provider: 42\n    proxy: {enabled: true}\n"
    const plain = decodeText(text, { expected: "manifest" })
    expect(plain).toMatchObject({ ok: false, reason: "decode" })
    if (plain.ok) throw new Error("unreachable")
    expect(plain.diagnostics[0]).toMatchObject({ rule: "wrong-type", pointer: "/integrations/0/provider", line: 4 })
    const error = Effect.runSync(Effect.flip(AmpEffect.decode(text, { expected: "manifest" })))
    expect(error._tag).toBe("DocumentError")
  })

  test("Effect.parse fails on duplicate keys and succeeds with positions", () => {
    const ok = Effect.runSync(AmpEffect.parse("a:\n  b: 1\n"))
    expect(ok.locate("/a/b")).toEqual({ line: 2, column: 6 })
    const error = Effect.runSync(Effect.flip(AmpEffect.parse("a: 1\na: 2\n")))
    expect(error.diagnostics[0]?.rule).toBe("duplicate-key")
  })
})

describe("diff through both faces", () => {
  test("same result; a non-document side is a DiffError", async () => {
    const { diff } = await import("../../src/Diff.js")
    const before = decodeText(sample("salesforce/amp.yaml"))
    const after = decodeText(sample("salesforce/amp.yaml").replace("*/10 * * * *", "0 */6 * * *"))
    if (!before.ok || !after.ok) throw new Error("samples decode")
    const a = { value: before.source.value, locate: before.source.locate }
    const b = { value: after.source.value, locate: after.source.locate }
    const plain = diff(a, b)
    expect(Effect.runSync(AmpEffect.diff(a, b))).toEqual(plain)
    expect(plain.changes.map((c) => c.id)).toContain("read-object-schedule-changed")
    const error = Effect.runSync(Effect.flip(AmpEffect.diff(a, { value: 42 })))
    expect(error).toMatchObject({ _tag: "DiffError", side: "after" })
  })
})

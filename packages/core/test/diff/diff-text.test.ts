/**
 * diffTexts: the one text → diff path of the CLI, the worker and the browser. On the real samples
 * (each against itself, its API form and edited copies), every failure reason on each side, given as
 * text and as a JSON value, and a property: diffTexts(a, b) is exactly decodeText + diff done by hand.
 */
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { stringify } from "yaml"
import { decodeText } from "../../src/Decode.js"
import { type DiffKind, diff } from "../../src/Diff.js"
import { type DiffTextInput, type DiffTextsResult, diffKinds, diffTexts } from "../../src/DiffText.js"
import { parseSource } from "../../src/Source.js"
import { integrationListArb, manifestArb, problemArb } from "../arbitraries/manifest.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { applyEdit, edits, type Manifest } from "./edits.js"
import { asIntegrationList } from "./equivalent.js"

const samples = sampleFiles().map((file) => ({ file, text: corpusText(`samples/${file}`) }))
const hubspot = corpusText("samples/hubspot/amp.yaml")
const dataOf = (text: string): Manifest => parseSource(text).document!.value as Manifest

/** decodeText each side, then diff: what every adapter did before diffTexts. */
const byHand = (before: string, after: string, accepted: ReadonlyArray<string> = []): DiffTextsResult => {
  const sides = [
    ["before", before],
    ["after", after],
  ] as const
  const loaded = []
  for (const [side, text] of sides) {
    const decoded = decodeText(text, { expected: diffKinds })
    if (!decoded.ok) {
      const { reason, message, diagnostics } = decoded
      return { ok: false, side, reason, message, diagnostics, positioned: true }
    }
    loaded.push({
      kind: decoded.document.kind as DiffKind,
      value: decoded.document.value,
      locate: decoded.source.locate,
    })
  }
  const [old, young] = loaded as [(typeof loaded)[0], (typeof loaded)[0]]
  const fingerprints = [...new Set(accepted.map((f) => f.toLowerCase()))]
  const result = diff(old, young, { accepted: new Set(fingerprints) })
  return {
    ok: true,
    kinds: { before: old.kind, after: young.kind },
    changes: result.changes,
    summary: result.summary,
    accepted: fingerprints,
  }
}

describe("real samples", () => {
  test("every sample against itself and against its API form: no change", () => {
    expect(samples.length).toBe(121)
    let compared = 0
    for (const { file, text } of samples) {
      const self = diffTexts(text, text)
      if (!self.ok) {
        // A sample with defects fails the same way on both paths, and on its first side.
        expect(self, file).toEqual(byHand(text, text))
        expect(self.side, file).toBe("before")
        continue
      }
      compared++
      expect(self.kinds, file).toEqual({ before: "manifest", after: "manifest" })
      expect(self.changes, file).toEqual([])
      const live = diffTexts(JSON.stringify(asIntegrationList(dataOf(text)), null, 2), text)
      expect(live.ok && live.kinds, file).toEqual({ before: "integration-list", after: "manifest" })
      expect(live.ok && live.changes, file).toEqual([])
    }
    expect(compared).toBeGreaterThan(100)
  })

  test("edited samples: the changes of decode + diff by hand, with lines in both texts", () => {
    let edited = 0
    for (const { file, text } of samples.filter((_, i) => i % 4 === 0)) {
      for (const edit of edits) {
        const r = applyEdit(edit, dataOf(text), 0, { prepare: false })
        if (r === undefined) continue
        const after = stringify(r.after)
        const got = diffTexts(text, after, { syntax: { before: "yaml", after: "yaml" } })
        expect(got, `${file}: ${edit.kind}`).toEqual(byHand(text, after))
        if (got.ok && got.changes.length > 0) edited++
      }
    }
    expect(edited).toBeGreaterThan(100)
  })

  test("accepted fingerprints: any case, each once, flagged and not counted", () => {
    const edited = hubspot.replace('schedule: "*/10 * * * *"', 'schedule: "*/30 * * * *"')
    const first = diffTexts(hubspot, edited)
    if (!first.ok) throw new Error(first.message)
    expect(first.summary).toMatchObject({ dangerous: 1, accepted: 0 })
    const fp = first.changes[0]!.fingerprint
    const again = diffTexts(hubspot, edited, { accepted: [fp.toUpperCase(), fp, "0123456789ab"] })
    if (!again.ok) throw new Error(again.message)
    expect(again.accepted).toEqual([fp, "0123456789ab"])
    expect(again.summary).toMatchObject({ dangerous: 0, accepted: 1 })
    expect(again.changes[0]!.accepted).toBe(true)
  })
})

describe("failures, each reason on each side", () => {
  const manifest = dataOf(hubspot)
  const defective = { specVersion: "1.0.0", integrations: [{ name: "x", provider: 42, proxy: { enabled: true } }] }
  const problem = { type: "about:blank", title: "Bad Request", status: 400, detail: "nope" }
  const cases: ReadonlyArray<{
    reason: "syntax" | "kind" | "decode"
    text: string
    value?: DiffTextInput
    rule?: string
    line?: number
  }> = [
    { reason: "syntax", text: "specVersion: 1.0.0\nintegrations: [\n", rule: "syntax", line: 3 },
    { reason: "syntax", text: "a: 1\na: 2\n", rule: "duplicate-key", line: 2 },
    { reason: "kind", text: JSON.stringify(problem), value: problem },
    { reason: "kind", text: "just a sentence\n" },
    { reason: "decode", text: stringify(defective), value: defective, rule: "wrong-type", line: 4 },
  ]

  for (const c of cases) {
    for (const side of ["before", "after"] as const) {
      test(`${c.reason} (${c.text.slice(0, 24).replace(/\n/g, "⏎")}) as ${side}, as text`, () => {
        const result = side === "before" ? diffTexts(c.text, hubspot) : diffTexts(hubspot, c.text)
        expect(result).toMatchObject({ ok: false, side, reason: c.reason, positioned: true })
        if (result.ok) return
        expect(result.message.length).toBeGreaterThan(0)
        if (c.rule !== undefined) {
          const first = result.diagnostics.find((d) => d.rule === c.rule)
          expect(first, JSON.stringify(result.diagnostics)).toBeDefined()
          expect(first!.line).toBe(c.line)
          expect(first!.severity).toBe("error")
        }
        // The same as decodeText says about that text.
        const decoded = decodeText(c.text, { expected: diffKinds })
        expect(!decoded.ok && decoded.diagnostics).toEqual(result.diagnostics)
      })
      if (c.value === undefined) continue
      test(`${c.reason} as ${side}, as a JSON value: pointers, no positions`, () => {
        const result = side === "before" ? diffTexts(c.value!, manifest) : diffTexts(manifest, c.value!)
        expect(result).toMatchObject({ ok: false, side, reason: c.reason, positioned: false })
        if (result.ok || c.reason !== "decode") return
        expect(result.diagnostics.some((d) => d.pointer.startsWith("/integrations/0"))).toBe(true)
        expect(result.diagnostics.every((d) => d.line === 1 && d.column === 1)).toBe(true)
      })
    }
  }

  test("the first failing side is the one reported; before is read first", () => {
    expect(diffTexts("a: [", "b: [")).toMatchObject({ ok: false, side: "before" })
  })

  test("syntax per side: JSON required on one side refuses YAML there only", () => {
    const opts = { syntax: { before: "json" as const, after: "yaml" as const } }
    expect(diffTexts(hubspot, hubspot, opts)).toMatchObject({ ok: false, side: "before", reason: "syntax" })
    expect(diffTexts(JSON.stringify(manifest), hubspot, opts).ok).toBe(true)
  })

  test("limits apply to each side", () => {
    const block = "name: x\nprovider: hubspot\nproxy:\n  enabled: true\n"
    expect(hubspot.length).toBeGreaterThan(1000)
    expect(diffTexts(block, hubspot)).toMatchObject({ ok: true, kinds: { before: "integration-block" } })
    const limits = { maxBytes: 1000 }
    const after = diffTexts(block, hubspot, { limits })
    expect(after).toMatchObject({ ok: false, side: "after", reason: "syntax" })
    expect(!after.ok && after.diagnostics[0]?.rule).toBe("document-limit")
    expect(diffTexts(hubspot, block, { limits })).toMatchObject({ ok: false, side: "before", reason: "syntax" })
  })
})

describe("property", () => {
  const sampleText = fc.constantFrom(...samples.map((s) => s.text))
  /** Texts of every diff kind, of other kinds, with defects and broken ones, in YAML and in JSON. */
  const textArb = fc.oneof(
    sampleText,
    sampleText.chain((t) => fc.nat({ max: t.length }).map((n) => t.slice(0, n))),
    manifestArb(3).map((m) => stringify(m)),
    manifestArb(3).map((m) => JSON.stringify(m)),
    manifestArb(2).map((m) => JSON.stringify(m.integrations[0])),
    integrationListArb(3).map((l) => JSON.stringify(l, null, 1)),
    problemArb.map((p) => JSON.stringify(p)),
    fc.string({ maxLength: 40 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  )

  /** Two texts; a third of the time the same one twice (so that "no change" comes up too). */
  const pairArb = fc.oneof(
    { weight: 2, arbitrary: fc.tuple(textArb, textArb) },
    { weight: 1, arbitrary: textArb.map((t) => [t, t] as [string, string]) },
  )

  test("diffTexts(a, b) equals decodeText + diff done by hand", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(pairArb, fc.array(fc.stringMatching(/^[0-9a-fA-F]{12}$/), { maxLength: 2 }), ([a, b], fps) => {
        const got = diffTexts(a, b, { accepted: fps })
        seen.add(got.ok ? (got.changes.length > 0 ? "changes" : "same") : `${got.side} ${got.reason}`)
        expect(got).toEqual(byHand(a, b, fps))
      }),
      { numRuns: 300 },
    )
    // The inputs reach every outcome, so the equality is not only checked on one path.
    for (const outcome of ["changes", "same", "before syntax", "before kind", "before decode", "after syntax"]) {
      expect([...seen]).toContain(outcome)
    }
  })
})

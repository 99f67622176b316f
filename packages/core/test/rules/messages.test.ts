import fc from "fast-check"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import { excerpt, excerptLength, fitMessage, kindOf, maxMessageLength, quote, show } from "../../src/internal/quote.js"
import { rules } from "../../src/rules/index.js"
import { integrationName } from "../../src/rules/integration-name.js"
import { providerNotSupported } from "../../src/rules/provider-not-supported.js"
import { prepareServerView } from "../../src/rules/withServerKeys.js"
import { manifestFindings } from "../../src/Validate.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { mutatedManifestArb } from "../differential/manifest-mutation.js"
import { contextOf, run } from "./harness.js"

describe("quote: received values in messages", () => {
  it("keeps short text as is, in backticks", () => {
    expect(quote("syncCRM")).toBe("`syncCRM`")
    expect(excerpt("")).toBe("")
  })
  it("cuts after 40 UTF-16 code units, without splitting a surrogate pair", () => {
    expect(excerpt("x".repeat(41))).toBe(`${"x".repeat(40)}…`)
    expect(excerpt("x".repeat(40))).toBe("x".repeat(40))
    expect(excerpt("😀".repeat(50))).toBe(`${"😀".repeat(excerptLength / 2)}…`)
    expect(excerpt(`x${"😀".repeat(50)}`)).toBe(`x${"😀".repeat(excerptLength / 2 - 1)}…`)
  })
  it("counts an escape at its written length, so the excerpt stays short whatever the text holds", () => {
    const controls = "\u0000".repeat(1000)
    expect(excerpt(controls)).toBe(`${"\\u{0}".repeat(8)}…`)
    for (const text of [controls, "\u202E".repeat(100), "😀".repeat(100), "a\u0000😀".repeat(100)])
      for (const max of [4, 12, 40]) expect(excerpt(text, max).length).toBeLessThanOrEqual(max + 1)
  })
  it("escapes control, invisible and direction characters", () => {
    expect(excerpt("a\nb\tc\rd")).toBe("a\\nb\\tc\\rd")
    expect(excerpt("\u001b[31mred")).toBe("\\u{1B}[31mred")
    expect(excerpt("evil\u202Etxt.exe")).toBe("evil\\u{202E}txt.exe")
    expect(excerpt("zero\u200Bwidth\uFEFF\u2028\u0085\u00AD", 80)).toBe(
      "zero\\u{200B}width\\u{FEFF}\\u{2028}\\u{85}\\u{AD}",
    )
    expect(excerpt("lone \uD800 surrogate")).toBe("lone \\u{D800} surrogate")
  })
  it("reads only what it shows of a huge string", () => {
    const huge = "a".repeat(5_000_000)
    expect(huge.indexOf("b")).toBe(-1) // flattens the string before the clock starts
    const start = performance.now()
    expect(excerpt(huge)).toHaveLength(41)
    expect(performance.now() - start).toBeLessThan(500)
  })
  it("shows and names JSON values", () => {
    expect(show("x")).toBe("`x`")
    expect(show(1.5)).toBe("`1.5`")
    expect(show(false)).toBe("`false`")
    expect(show(null)).toBe("`null`")
    expect(show([1])).toBe("a list")
    expect(show({})).toBe("a mapping")
    expect(show(undefined)).toBe("nothing")
    expect([kindOf("a"), kindOf(1), kindOf(true), kindOf(null), kindOf([]), kindOf({}), kindOf(undefined)]).toEqual([
      "a string",
      "a number",
      "a boolean",
      "null",
      "a list",
      "a mapping",
      "nothing",
    ])
  })
})

describe("fitMessage: messages within maxMessageLength, received values cut no more than needed", () => {
  it("keeps the 40-unit excerpts when the message fits, cuts harder when it does not", () => {
    const short = fitMessage((max) => `name ${quote("syncCRM", max)} is fine`)
    expect(short).toBe("name `syncCRM` is fine")
    const long = fitMessage(
      (max) => `a ${quote("x".repeat(200), max)} and ${quote("y".repeat(200), max)} ${"z".repeat(40)}`,
    )
    expect(long.length).toBeLessThanOrEqual(maxMessageLength)
    expect(long).toContain(`\`${"x".repeat(30)}…\``)
    expect(fitMessage((max) => "w".repeat(150 + max))).toHaveLength(154)
  })

  it("cuts the labels that place a value (down to 16) before the value itself", () => {
    const value = "v".repeat(50)
    const label = "l".repeat(50)
    const words = "w".repeat(46)
    const message = fitMessage((max, labelMax) => `${quote(value, max)} of ${quote(label, labelMax)} ${words}`)
    expect(message).toBe(`\`${"v".repeat(40)}…\` of \`${"l".repeat(16)}…\` ${words}`)
  })
})

/** Every string value of a manifest (keys kept) replaced, by `picks`, with "" or hostile long text. */
const hostileStrings = (value: unknown, picks: ReadonlyArray<number>): unknown => {
  const pool = [
    "",
    "x".repeat(300),
    `\u001b]8;;http://x\u0007click\u202E${"A".repeat(200)}`,
    "😀".repeat(150),
    "\u0000".repeat(100),
    `$[${"'".repeat(300)}`,
    `${"1-2,".repeat(100)}x * * * *`,
  ]
  let next = 0
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") {
      const pick = picks[next++ % picks.length] ?? 0
      return pick % 2 === 0 ? node : (pool[pick % pool.length] ?? node)
    }
    if (Array.isArray(node)) return node.map(visit)
    if (typeof node !== "object" || node === null) return node
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node))
      Object.defineProperty(out, k, { value: visit(v), enumerable: true, writable: true, configurable: true })
    return out
  }
  return visit(value)
}

describe("every message and hint of every check stays within 120 characters, and safe", () => {
  const samples = sampleFiles().map((file) => YAML.parse(corpusText(`samples/${file}`)) as unknown)
  it("on generated manifests with defects, their strings replaced by empty or hostile long text", () => {
    fc.assert(
      fc.property(
        mutatedManifestArb(manifestArb(2), samples.slice(0, 30), 4),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (mutated, picks) => {
          const findings = manifestFindings(hostileStrings(mutated.value, picks), undefined)
          for (const f of findings) {
            expect(f.message.length, f.message).toBeLessThanOrEqual(maxMessageLength)
            expect((f.hint ?? "").length, f.hint).toBeLessThanOrEqual(maxMessageLength)
            expect(`${f.message} ${f.hint ?? ""}`).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
          }
        },
      ),
      { numRuns: 500, seed: 20260822 },
    )
  })
})

/** Every quoted excerpt a message cut (`` `…` ``), with the text kept before the ellipsis. */
const cutExcerpts = (message: string): Array<string> => [...message.matchAll(/`([^`]*)…`/g)].map((m) => m[1] ?? "")

describe("received values are cut to no fewer than 16 characters when the values are real", () => {
  // Templates leave room for two values of 16 next to their words: a message that had to cut a real
  // name shorter (`read object \`cont…\``) reads as noise. Only hostile text may be cut harder.
  const samples = sampleFiles().map((file) => YAML.parse(corpusText(`samples/${file}`)) as unknown)
  it("on the real samples with defects injected", () => {
    fc.assert(
      fc.property(mutatedManifestArb(manifestArb(2), samples, 4), (mutated) => {
        for (const f of manifestFindings(mutated.value, undefined))
          for (const text of [f.message, f.hint ?? ""])
            for (const kept of cutExcerpts(text)) expect(kept.length, text).toBeGreaterThanOrEqual(16)
      }),
      { numRuns: 1500, seed: 20261204 },
    )
  })
})

describe("rules quote hostile input safely", () => {
  const hostile = `\u001b]8;;http://x\u0007click\u202E${"A".repeat(10_000)}`
  it("in integration names and providers", () => {
    const value = {
      specVersion: "1.0.0",
      integrations: [{ name: hostile, provider: hostile, proxy: { enabled: true } }],
    }
    for (const rule of [integrationName, providerNotSupported]) {
      const [finding] = run(rule, value)
      expect(finding).toBeDefined()
      expect(finding?.message).not.toMatch(/[\u0000-\u001f\u007f\u202e]/)
      expect(finding?.message.length).toBeLessThanOrEqual(maxMessageLength)
      expect(finding?.message).toContain("\\u{1B}")
    }
  })
})

describe("all rules in linear time", () => {
  /** Milliseconds to run every rule over the value built for size n (best of three runs). */
  const timed = (build: (n: number) => unknown, n: number): number => {
    const value = build(n)
    let best = Number.POSITIVE_INFINITY
    for (let round = 0; round < 3; round++) {
      const start = performance.now()
      // One context for all rules, its server view prepared once, as the validator runs them.
      const ctx = prepareServerView(contextOf(value))
      for (const rule of rules) for (const _ of rule.check(ctx));
      best = Math.min(best, performance.now() - start)
    }
    return best
  }
  /**
   * 10× the input costs ~10× the time; quadratic work would cost 100×. The bound (50×, over at least
   * 50 ms) leaves room for a loaded 2-core CI machine running test files in parallel, where the small
   * run may be measured fast and the large one slow. The absolute bound is over 20× the time measured
   * there (~1.5 s for the large input at a load average of 7).
   */
  const expectLinear = (build: (n: number) => unknown) => {
    const small = timed(build, 5_000)
    const large = timed(build, 50_000)
    expect(large).toBeLessThan(Math.max(small, 50) * 50)
    expect(large).toBeLessThan(30_000)
  }
  it("50k duplicate read objects, fields and subscribe objects", () => {
    expectLinear((n) => ({
      specVersion: "1.0.0",
      integrations: [
        {
          name: "big",
          provider: "salesforce",
          read: {
            objects: [
              {
                objectName: "contact",
                destination: "w",
                schedule: "*/10 * * * *",
                requiredFields: Array.from({ length: n }, () => ({ fieldName: "email", mapToName: "m" })),
              },
              ...Array.from({ length: n }, () => ({ objectName: "contact", destination: "w" })),
            ],
          },
          subscribe: {
            objects: Array.from({ length: n }, () => ({
              objectName: "contact",
              destination: "w",
              inheritFieldsAndMapping: true,
              updateEvent: { enabled: "always", requiredWatchFields: ["a.b"] },
            })),
          },
        },
      ],
    }))
  })
  it("50k integrations with the same name and an unknown provider", () => {
    expectLinear((n) => ({
      specVersion: "1.0.0",
      integrations: Array.from({ length: n }, () => ({ name: "a", provider: "x", proxy: { enabled: true } })),
    }))
  })
})

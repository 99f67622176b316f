import { describe, expect, it } from "vitest"
import { excerpt, excerptLength, kindOf, quote, show } from "../../src/internal/quote.js"
import { rules } from "../../src/rules/index.js"
import { integrationName } from "../../src/rules/integration-name.js"
import { providerNotSupported } from "../../src/rules/provider-not-supported.js"
import { contextOf, run } from "./harness.js"

describe("quote: received values in messages", () => {
  it("keeps short text as is, in backticks", () => {
    expect(quote("syncCRM")).toBe("`syncCRM`")
    expect(excerpt("")).toBe("")
  })
  it("cuts after 40 code points, without splitting a surrogate pair", () => {
    expect(excerpt("x".repeat(41))).toBe(`${"x".repeat(40)}…`)
    expect(excerpt("x".repeat(40))).toBe("x".repeat(40))
    expect(excerpt("😀".repeat(50))).toBe(`${"😀".repeat(excerptLength)}…`)
  })
  it("escapes control, invisible and direction characters", () => {
    expect(excerpt("a\nb\tc\rd")).toBe("a\\nb\\tc\\rd")
    expect(excerpt("\u001b[31mred")).toBe("\\u{1B}[31mred")
    expect(excerpt("evil\u202Etxt.exe")).toBe("evil\\u{202E}txt.exe")
    expect(excerpt("zero\u200Bwidth\uFEFF\u2028\u0085\u00AD")).toBe(
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
      expect(finding?.message.length).toBeLessThan(250)
      expect(finding?.message).toContain("\\u{1B}")
    }
  })
})

describe("all rules in linear time", () => {
  /** Milliseconds to run every rule over the value built for size n (best of two runs). */
  const timed = (build: (n: number) => unknown, n: number): number => {
    const value = build(n)
    let best = Number.POSITIVE_INFINITY
    for (let round = 0; round < 2; round++) {
      const start = performance.now()
      for (const rule of rules) for (const _ of rule.check(contextOf(value)));
      best = Math.min(best, performance.now() - start)
    }
    return best
  }
  /** 10× the input may cost at most ~30× the time (quadratic work would cost 100×), and stays bounded. */
  const expectLinear = (build: (n: number) => unknown) => {
    const small = timed(build, 5_000)
    const large = timed(build, 50_000)
    expect(large).toBeLessThan(Math.max(small, 20) * 30)
    expect(large).toBeLessThan(10_000)
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

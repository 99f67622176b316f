/**
 * Hostile names through `validate()` for rules/identifier-charset.ts: every identifier position (and
 * the display names), reached directly and through case variants of their keys, with astral
 * characters (allowed letters and emoji, invisible tag characters), 100k-character names and 10k
 * entries. One finding per value, at its line, naming the character and its position in code points;
 * messages stay short and never carry the character raw.
 */
import { describe, expect, test } from "vitest"
import { isDefaultIgnorable } from "../../src/internal/invisible.js"
import { excerpt } from "../../src/internal/quote.js"
import { escapeControl } from "../../src/render/escape.js"
import { validate } from "../../src/Validate.js"

/** A YAML double-quoted scalar that spells every non-ASCII or control character as an escape. */
const q = (text: string): string =>
  `"${[...text]
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0
      if (c === '"' || c === "\\") return `\\${c}`
      if (cp >= 0x20 && cp < 0x7f) return c
      return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`
    })
    .join("")}"`

const manifest = (body: string): string =>
  `specVersion: 1.0.0\nintegrations:\n  - name: a\n    provider: hubspot\n${body}`

/** Characters no message may carry raw: controls, bidi, zero-width, separators, BOM, surrogates. */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/u

const charsetFindings = (text: string) => {
  const r = validate(text, { syntax: "yaml" })
  for (const d of r.diagnostics) {
    expect(d.message, d.message).not.toMatch(unsafe)
    expect(d.hint ?? "", d.hint).not.toMatch(unsafe)
    expect(d.message.length, d.message).toBeLessThanOrEqual(120)
  }
  expect(r.diagnostics.filter((d) => d.rule === "syntax")).toEqual([])
  return r.diagnostics.filter((d) => d.rule === "identifier-charset")
}

describe("every identifier position, one finding at its line", () => {
  test("integration: provider, module, watchSchema destination; displayName as text", () => {
    const text = manifest(
      `    module: ${q("a\u202eb")}\n    displayName: ${q("A\u202eB")}\n    watchSchema:\n      destination: ${q(" d")}\n`,
    ).replace("provider: hubspot", `provider: ${q("hub\u200bspot")}`)
    expect(charsetFindings(text).map((d) => [d.pointer, d.line])).toEqual([
      ["/integrations/0/provider", 4],
      ["/integrations/0/module", 5],
      ["/integrations/0/displayName", 6],
      ["/integrations/0/watchSchema/destination", 8],
    ])
  })

  test("read objects and their field entries", () => {
    const text = manifest(
      [
        "    read:",
        "      objects:",
        `        - objectName: ${q("o\u200b")}`,
        `          destination: ${q("d\u0000")}`,
        `          mapToName: ${q("m\u{E0041}")}`,
        `          mapToDisplayName: ${q("D\u202d")}`,
        "          requiredFields:",
        `            - fieldName: ${q("\u{1D400}\u{E0001}")}`,
        `              mapToName: ${q("x\u00a0")}`,
        `              mapToDisplayName: ${q("\u001b[31m")}`,
        "            - mapToName: m",
        `              default: ${q("\u2028")}`,
        "          optionalFields:",
        `            - fieldName: ${q("\ufeffa")}`,
        "",
      ].join("\n"),
    )
    const base = "/integrations/0/read/objects/0"
    expect(charsetFindings(text).map((d) => [d.pointer, d.line, d.message.replace(/ of .*? holds/, " holds")])).toEqual(
      [
        [`${base}/objectName`, 7, "objectName `o\\u{200B}` holds U+200B ZERO WIDTH SPACE at character 2"],
        [`${base}/destination`, 8, "destination `d\\u{0}` holds U+0000 NULL at character 2"],
        [`${base}/mapToName`, 9, expect.stringMatching(/^mapToName `.*` holds U\+E0041 at character 2$/)],
        [
          `${base}/mapToDisplayName`,
          10,
          "mapToDisplayName `D\\u{202D}` holds U+202D LEFT-TO-RIGHT OVERRIDE at character 2",
        ],
        [
          `${base}/requiredFields/0/fieldName`,
          12,
          expect.stringMatching(/^fieldName `.*` holds U\+E0001 at character 2$/),
        ],
        [`${base}/requiredFields/0/mapToName`, 13, expect.stringMatching(/ends with U\+00A0 NO-BREAK SPACE$/)],
        [
          `${base}/requiredFields/0/mapToDisplayName`,
          14,
          expect.stringMatching(/holds U\+001B ESCAPE at character 1$/),
        ],
        [`${base}/requiredFields/1/default`, 16, expect.stringMatching(/holds U\+2028 LINE SEPARATOR at character 1$/)],
        [`${base}/optionalFields/0/fieldName`, 18, expect.stringMatching(/holds U\+FEFF ZERO WIDTH NO-BREAK SPACE/)],
      ],
    )
  })

  test("write and subscribe objects, watch fields and other events", () => {
    const text = manifest(
      [
        "    write:",
        "      objects:",
        `        - objectName: ${q("w\u2066")}`,
        "    subscribe:",
        "      objects:",
        `        - objectName: ${q("s\u0085")}`,
        `          destination: ${q("\u3000d")}`,
        "          updateEvent:",
        "            enabled: always",
        `            requiredWatchFields: [${q("\u{1F600}\u200d")}, ok]`,
        `          otherEvents: [${q("e\u{E007F}")}]`,
        "",
      ].join("\n"),
    )
    expect(charsetFindings(text).map((d) => [d.pointer, d.line])).toEqual([
      ["/integrations/0/write/objects/0/objectName", 7],
      ["/integrations/0/subscribe/objects/0/objectName", 10],
      ["/integrations/0/subscribe/objects/0/destination", 11],
      ["/integrations/0/subscribe/objects/0/updateEvent/requiredWatchFields/0", 14],
      ["/integrations/0/subscribe/objects/0/otherEvents/0", 15],
    ])
  })

  test("through case variants of the keys (the server reads them): the finding is at the key as written", () => {
    const text = manifest(
      [
        "    read:",
        "      objects:",
        `        - ObjectName: ${q("o\u202e")}`,
        `          DESTINATION: ${q("d\u200b")}`,
        "          requiredFields:",
        `            - FieldName: ${q("f\u0007")}`,
        "",
      ].join("\n"),
    )
    expect(charsetFindings(text).map((d) => [d.pointer, d.line])).toEqual([
      ["/integrations/0/read/objects/0/ObjectName", 7],
      ["/integrations/0/read/objects/0/DESTINATION", 8],
      ["/integrations/0/read/objects/0/requiredFields/0/FieldName", 10],
    ])
  })
})

describe("astral characters", () => {
  test("astral letters, digits and emoji are fine in identifiers", () => {
    const text = manifest(
      `    read:\n      objects:\n        - objectName: ${q("\u{1D400}\u{1F600}\u{20000}")}\n          destination: ${q("\u{1F468}\u200d\u{1F469}")}\n`,
    )
    // The ZWJ of an emoji sequence is invisible: a real API name does not hold one.
    expect(charsetFindings(text).map((d) => [d.pointer, d.message])).toEqual([
      [
        "/integrations/0/read/objects/0/destination",
        expect.stringMatching(/holds U\+200D ZERO WIDTH JOINER at character 2$/),
      ],
    ])
  })

  test("the position counts code points, not UTF-16 units: two emoji then a tag character is character 3", () => {
    const text = manifest(
      `    read:\n      objects:\n        - objectName: ${q("\u{1F600}\u{1F600}\u{E0020}")}\n          destination: d\n`,
    )
    expect(charsetFindings(text)[0]?.message).toMatch(/holds U\+E0020 at character 3$/)
  })

  // quote.ts (messages) and render/escape.ts (text outputs) escape every Default_Ignorable code point
  // (internal/invisible.ts), astral ones included: the quoted name never hides what the rule reports.
  test("messages never carry an invisible character raw, astral ones included", () => {
    const text = manifest(
      `    read:\n      objects:\n        - objectName: ${q("a\u{E0020}")}\n          destination: ${q("b\ufe0f\u3164")}\n`,
    )
    for (const d of charsetFindings(text)) expect(d.message).not.toMatch(/\p{Default_Ignorable_Code_Point}/u)
  })
})

describe("long names and many of them", () => {
  const long = "x".repeat(100_000)

  test("100k-character names: the character found at its position, messages within 120 characters", () => {
    const text = manifest(
      `    read:\n      objects:\n        - objectName: ${long}\u200b\n          destination: ${q(`${long}\u202e`)}\n          mapToDisplayName: ${q(`${long}\u202e`)}\n`,
    )
    const started = performance.now()
    const found = charsetFindings(text)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(found.map((d) => d.message.match(/at character \d+$/)?.[0])).toEqual([
      "at character 100001",
      "at character 100001",
      "at character 100001",
    ])
  })

  test("100k-character names with edge whitespace: starts with / ends with", () => {
    const text = manifest(
      `    read:\n      objects:\n        - objectName: ${q(`${long} `)}\n          destination: ${q(`\u2003${long}`)}\n`,
    )
    expect(charsetFindings(text).map((d) => d.message.replace(/^.* (starts|ends) with/, "$1 with"))).toEqual([
      "ends with U+0020 SPACE",
      "starts with U+2003 EM SPACE",
    ])
  })

  test("10,000 bad field names: 10,000 findings, each at its own line, in bounded time", () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => `            - fieldName: ${q(`f${i}\u200b`)}`)
    const text = manifest(
      `    read:\n      objects:\n        - objectName: ok\n          destination: d\n          requiredFields:\n${fields.join("\n")}\n`,
    )
    const started = performance.now()
    const found = charsetFindings(text)
    expect(performance.now() - started).toBeLessThan(4000)
    expect(found.length).toBe(10_000)
    expect(found.map((d) => d.line)).toEqual(Array.from({ length: 10_000 }, (_, i) => 10 + i))
  })
})

describe("escaping of invisible characters in every output", () => {
  const invisible = /\p{Default_Ignorable_Code_Point}/u

  test("internal/invisible.ts is the runtime's Default_Ignorable_Code_Point table", () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      expect(isDefaultIgnorable(cp), `U+${cp.toString(16)}`).toBe(invisible.test(String.fromCodePoint(cp)))
    }
  })

  test("escapeControl leaves no invisible or control character, and keeps visible text", () => {
    const text = "a\u{E0020}b\ufe0fc\u3164d\u202ee\u0007f\u00adg\u2028h😀"
    const escaped = escapeControl(text)
    expect(escaped).toBe("a\\u{E0020}b\\u{FE0F}c\\u{3164}d\\u{202E}e\\u{7}f\\u{AD}g\\u{2028}h😀")
    expect(escaped).not.toMatch(invisible)
  })

  test("excerpt escapes the same characters as \\u{…}", () => {
    expect(excerpt("a\u{E0020}b\ufe0f\u3164\u00ad")).toBe("a\\u{E0020}b\\u{FE0F}\\u{3164}\\u{AD}")
  })
})

/** Raw text: size, encodings, control characters, line endings (both syntaxes). */
import { describe, expect, test } from "vitest"
import { maxCharFindings, utf8Length } from "../../src/internal/source-text.js"
import { decodeUtf8 } from "../../src/internal/utf8.js"
import type { Syntax } from "../../src/Source.js"
import { parseSource } from "../../src/Source.js"
import { validate } from "../../src/Validate.js"

const parse = (text: string, syntax: Syntax, limits = {}) => parseSource(text, { syntax, limits })
const samples: Record<Syntax, (inner: string) => string> = {
  yaml: (inner) => `name: "a${inner}b"\n`,
  json: (inner) => `{"name": "a${inner}b"}\n`,
}

describe("byte order marks", () => {
  test.each(["yaml", "json"] as const)("%s: one leading BOM is dropped; positions count after it", (syntax) => {
    const text = syntax === "yaml" ? "\ufeffa: 1\na: 2\n" : '\ufeff{"a": 1, "a": 2}'
    const result = parse(text, syntax)
    expect(result.findings[0]?.position).toEqual(syntax === "yaml" ? { line: 2, column: 1 } : { line: 1, column: 10 })
  })

  test.each(["yaml", "json"] as const)("%s: a second BOM, or one inside a key, is refused", (syntax) => {
    expect(parse(`\ufeff\ufeff${syntax === "yaml" ? "a: 1" : "{}"}`, syntax).findings.map((f) => f.rule)).toEqual([
      "syntax",
    ])
    const inKey = syntax === "yaml" ? '"\ufeffname": 1\n' : '{"\ufeffname": 1}'
    const result = parse(inKey, syntax)
    expect(result.document).toBeUndefined()
    expect(result.findings[0]?.message).toMatch(/^byte order mark U\+FEFF at line 1, column \d: only one/)
  })
})

describe("refused characters", () => {
  test.each([
    ["NUL", "\u0000", "control character U+0000 at {at} is not allowed{in}"],
    ["BEL", "\u0007", "control character U+0007 at {at} is not allowed{in}"],
    ["ESC (ANSI escapes)", "\u001b[31m", "control character U+001B at {at} is not allowed{in}"],
    ["vertical tab", "\u000b", "control character U+000B at {at} is not allowed{in}"],
    ["form feed", "\u000c", "control character U+000C at {at} is not allowed{in}"],
    ["U+FFFD", "\ufffd", "replacement character U+FFFD at {at}: the text was decoded from invalid bytes"],
    ["lone high surrogate", "\ud800", "unpaired surrogate U+D800 at {at} is not valid Unicode"],
    ["lone low surrogate", "\udc00", "unpaired surrogate U+DC00 at {at} is not valid Unicode"],
    ["lone CR", "\r", "carriage return not followed by a line feed at {at}"],
  ])("%s in YAML and in JSON", (_, inner, template) => {
    for (const syntax of ["yaml", "json"] as const) {
      const result = parse(samples[syntax](inner), syntax)
      expect(result.document, syntax).toBeUndefined()
      expect(
        result.findings.map((f) => f.rule),
        syntax,
      ).toEqual(["syntax"])
      const column = syntax === "yaml" ? 9 : 12
      const message = template
        .replace("{at}", `line 1, column ${column}`)
        .replace("{in}", syntax === "yaml" ? " in YAML" : "")
      expect(result.findings[0]?.message, syntax).toBe(message)
      expect(result.findings[0]?.position).toEqual({ line: 1, column })
    }
  })

  test.each([
    ["U+2028", "\u2028"],
    ["U+2029", "\u2029"],
    ["DEL", "\u007f"],
    ["C1 CSI", "\u009b"],
    ["NEL", "\u0085"],
    ["U+FFFE", "\ufffe"],
  ])("%s: refused in YAML (even quoted), allowed raw in JSON strings as RFC 8259 does", (_, inner) => {
    expect(parse(samples.yaml(inner), "yaml").findings.map((f) => f.rule)).toEqual(["syntax"])
    expect(parse(samples.json(inner), "json").document?.value).toEqual({ name: `a${inner}b` })
  })

  test("U+2028 gets a hint to write the escape, which is accepted", () => {
    const refused = parse("a: x\u2028y\n", "yaml").findings[0]!
    expect(refused.message).toBe("line separator U+2028 at line 1, column 5: YAML 1.1 reads it as a line break")
    expect(refused.hint).toBe("remove it, or write the escape \\u2028 in a double-quoted string")
    expect(parse('a: "x\\u2028y"\n', "yaml").document?.value).toEqual({ a: "x\u2028y" })
  })

  test("escapes of refused characters stay allowed: the value holds them, the text does not", () => {
    expect(parse('a: "\\0\\e\\uFFFD\\uFEFF"\n', "yaml").document?.value).toEqual({ a: "\u0000\u001b\ufffd\ufeff" })
    expect(parse('["\\u0000\\ufffd\\ufeff\\ud800"]', "json").document?.value).toEqual(["\u0000\ufffd\ufeff\ud800"])
  })

  test("tab is fine where the syntax allows it", () => {
    expect(parse("a:\t1\nb: 'x\ty'\n", "yaml").document?.value).toEqual({ a: 1, b: "x\ty" })
    expect(parse('{\t"a":\t1}', "json").document?.value).toEqual({ a: 1 })
  })

  test("a binary file gives at most 10 character findings, and one that counts the rest", () => {
    const binary = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(i % 32)).join("")
    const result = parse(binary, "yaml")
    expect(result.findings).toHaveLength(11)
    // 30 of every 32 characters are refused (all but tab and LF; a CR without LF too): 938, 10 listed.
    expect(result.findings[10]).toMatchObject({
      rule: "syntax",
      message: "928 more `syntax` findings are not listed (the first 10 are)",
      position: { line: 2, column: 2 },
      notListed: 928,
    })
  })

  test("positions of refused characters are on the right line", () => {
    const result = parse("a: 1\nb: 2\nc: x\u0001\n", "yaml")
    expect(result.findings[0]?.position).toEqual({ line: 3, column: 5 })
  })
})

describe("line endings", () => {
  test.each(["yaml", "json"] as const)("%s: CRLF gives the same value, findings and positions as LF", (syntax) => {
    const lf =
      syntax === "yaml"
        ? "a:\n  b: |\n    x\n    y\n  c: >\n    p\n    q\n  c: 2\nd: 'm\n  n'\n"
        : '{\n  "a": {\n    "b": "x\\ny",\n    "c": 1,\n    "c": 2\n  }\n}\n'
    const crlf = lf.replace(/\n/g, "\r\n")
    const a = parse(lf, syntax)
    const b = parse(crlf, syntax)
    expect(b.document?.value).toEqual(a.document?.value)
    expect(b.findings).toEqual(a.findings)
    for (const pointer of ["", "/a", "/a/b", "/a/c", "/d"]) {
      expect(b.document?.locate(pointer)).toEqual(a.document?.locate(pointer))
      expect(b.document?.locate(pointer, "key")).toEqual(a.document?.locate(pointer, "key"))
    }
  })

  test("a CRLF inside a YAML block scalar is a plain LF in the value", () => {
    expect(parse("a: |\r\n  x\r\n  y\r\n", "yaml").document?.value).toEqual({ a: "x\ny\n" })
  })
})

describe("size", () => {
  test("UTF-8 length counts 1, 2, 3 and 4 byte characters", () => {
    expect(utf8Length("a")).toBe(1)
    expect(utf8Length("é")).toBe(2)
    expect(utf8Length("中")).toBe(3)
    expect(utf8Length("😀")).toBe(4)
    expect(utf8Length("\ud800")).toBe(3)
    expect(utf8Length("aé中😀\ud800x")).toBe(14)
  })

  test.each(["yaml", "json"] as const)("%s: input over maxBytes is refused before parsing", (syntax) => {
    const text = syntax === "yaml" ? `a: "${"é".repeat(60)}"\n` : `["${"é".repeat(60)}"]`
    const bytes = utf8Length(text)
    expect(parse(text, syntax, { maxBytes: bytes }).findings).toEqual([])
    const refused = parse(text, syntax, { maxBytes: bytes - 1 })
    expect(refused.document).toBeUndefined()
    expect(refused.findings).toMatchObject([
      {
        rule: "document-limit",
        message: `the input is ${bytes} bytes, over the limit of ${bytes - 1} bytes`,
        position: { line: 1, column: 1 },
      },
    ])
  })

  test("a 5 MB input is refused at once, even when it is garbage", () => {
    const text = "\u0000[{".repeat(1_700_000)
    const started = performance.now()
    const result = parseSource(text)
    expect(result.findings).toMatchObject([
      { rule: "document-limit", message: "the input is more than 4194304 bytes, over the limit of 4194304 bytes" },
    ])
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe("character findings past the first 10 are counted, never dropped silently", () => {
  test("15 strings with U+0001: 10 listed, then one finding for the 5 on lines 12–16", () => {
    const text = `specVersion: 1.0.0\n${Array.from({ length: 15 }, (_, i) => `x${i}: "a\u0001b"\n`).join("")}`
    const result = parse(text, "yaml")
    expect(result.findings.map((f) => f.position?.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(result.findings[maxCharFindings]).toEqual({
      rule: "syntax",
      severity: "error",
      message: "5 more `syntax` findings are not listed (the first 10 are)",
      pointer: "",
      hint: "fix the ones listed and validate again",
      position: { line: 12, column: 8 },
      notListed: 5,
    })
    // validate counts the notice as the 5 errors it stands for: the report never claims just 10 (or 11).
    expect(validate(text).errors).toBe(15)
  })

  test.each(["yaml", "json"] as const)("%s: exactly 10 gives no notice; 11 gives a singular one", (syntax) => {
    expect(parse(samples[syntax]("\u0001".repeat(10)), syntax).findings).toHaveLength(10)
    const eleven = parse(samples[syntax]("\u0001".repeat(11)), syntax).findings
    expect(eleven.map((f) => f.message).at(-1)).toBe("1 more `syntax` finding is not listed (the first 10 are)")
  })

  test("counting the rest of a 4 MB binary file stays fast", () => {
    const started = performance.now()
    const findings = parse("\u0001".repeat(4 * 1024 * 1024 - 16), "yaml").findings
    expect(findings.at(-1)?.message).toBe(
      `${4 * 1024 * 1024 - 26} more \`syntax\` findings are not listed (the first 10 are)`,
    )
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe("UTF-16 read as UTF-8 is named once, not as ten U+0000 errors", () => {
  /** ASCII text encoded as UTF-16 / UTF-32 without a byte order mark, decoded byte for byte. */
  const widen = (text: string, encoding: "16le" | "16be" | "32le" | "32be"): Uint8Array => {
    const width = encoding.startsWith("16") ? 2 : 4
    const bytes = new Uint8Array(text.length * width)
    for (let i = 0; i < text.length; i++) {
      bytes[encoding.endsWith("le") ? i * width : i * width + width - 1] = text.charCodeAt(i)
    }
    return bytes
  }
  const manifest = "specVersion: 1.0.0\r\nintegrations: []\r\n"

  test.each([
    ["16le", "UTF-16 LE"],
    ["16be", "UTF-16 BE"],
  ] as const)("%s without a BOM: one finding naming %s", (encoding, name) => {
    const decoded = decodeUtf8(widen(manifest, encoding))
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    for (const syntax of ["yaml", "json"] as const) {
      expect(parse(decoded.text, syntax).findings).toEqual([
        {
          rule: "syntax",
          severity: "error",
          message: `the text looks like ${name} without a byte order mark: save it as UTF-8`,
          pointer: "",
          position: { line: 1, column: 1 },
        },
      ])
    }
    expect(validate(decoded.text).diagnostics).toHaveLength(1)
  })

  test("UTF-32 without a BOM is not called UTF-16 (its NULs are listed, then counted)", () => {
    const decoded = decodeUtf8(widen(manifest, "32le"))
    if (!decoded.ok) throw new Error("UTF-32 of ASCII is valid UTF-8")
    const findings = parse(decoded.text, "yaml").findings
    expect(findings.some((f) => f.message.includes("UTF-16"))).toBe(false)
    expect(findings.at(-1)?.message).toMatch(/^\d+ more `syntax` findings are not listed \(the first 10 are\)$/)
  })

  test("UTF-16 LE without a BOM holding a non-ASCII character fails decoding with the same hint", () => {
    const bytes = widen("name: caf\u00e9\n", "16le")
    const decoded = decodeUtf8(bytes)
    expect(decoded.ok).toBe(false)
    if (!decoded.ok)
      expect(decoded.message).toContain("(the text looks like UTF-16 LE without a byte order mark: save it as UTF-8)")
  })

  test("byte order marks name the encoding they belong to: a UTF-32 BOM is not called UTF-16", () => {
    const message = (bytes: Array<number>): string => {
      const decoded = decodeUtf8(new Uint8Array(bytes))
      return decoded.ok ? "" : decoded.message
    }
    expect(message([0xff, 0xfe, 0x61, 0x00])).toContain("(the text looks like UTF-16 LE: save it as UTF-8)")
    expect(message([0xfe, 0xff, 0x00, 0x61])).toContain("(the text looks like UTF-16 BE: save it as UTF-8)")
    expect(message([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])).toContain(
      "(the text looks like UTF-32 LE: save it as UTF-8)",
    )
    expect(message([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x61])).toContain(
      "(the text looks like UTF-32 BE: save it as UTF-8)",
    )
  })

  test("ordinary NULs in UTF-8 text are still listed one by one", () => {
    const result = parse("a: 1\nb: \u0000\u0000\n", "yaml")
    expect(result.findings.map((f) => f.message)).toEqual([
      "control character U+0000 at line 2, column 4 is not allowed in YAML",
      "control character U+0000 at line 2, column 5 is not allowed in YAML",
    ])
  })
})

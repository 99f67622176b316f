/**
 * `identifier-charset` (design/reliability.md, "Unicode spoofing and control chars in names"): real
 * samples of corpus/ampersand/samples/ with one character injected into one of their identifiers.
 * The character classes are checked against the runtime's Unicode properties (`\p{…}`), the rule's
 * verdict on every identifier of all 121 samples is checked clean, and a property injects any
 * forbidden character into any identifier of any sample.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import type { Finding } from "../../src/Diagnostic.js"
import { fromPath } from "../../src/internal/pointer.js"
import { identifierCharset } from "../../src/rules/identifier-charset.js"
import { validate } from "../../src/Validate.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"
import { describeFixtures, expectWellFormed, run } from "./harness.js"

describeFixtures(identifierCharset)

type Json = Record<string, unknown>
type Path = ReadonlyArray<string | number>
const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const samples = sampleFiles().map((file) => ({ file, value: YAML.parse(corpusText(`samples/${file}`)) as unknown }))
const sample = (file: string): Json => structuredClone(samples.find((s) => s.file === file)?.value) as Json

/**
 * Every identifier (and display name) of a manifest, by path, written independently of the rule from
 * domain.md §2: what the rule must check. Only string values are sites.
 */
const sites = (root: unknown): { identifiers: Array<Path>; displays: Array<Path> } => {
  const identifiers: Array<Path> = []
  const displays: Array<Path> = []
  const strings = (node: unknown, path: Path, keys: ReadonlyArray<string>, out: Array<Path>) => {
    if (!isRecord(node)) return
    for (const key of keys) if (typeof node[key] === "string") out.push([...path, key])
  }
  const list = (node: unknown, path: Path, key: string): Array<[unknown, Path]> => {
    const items = isRecord(node) ? node[key] : undefined
    return Array.isArray(items) ? items.map((item, i) => [item, [...path, key, i]]) : []
  }
  if (!isRecord(root)) return { identifiers, displays }
  for (const [integration, ip] of list(root, [], "integrations")) {
    if (!isRecord(integration)) continue
    strings(integration, ip, ["provider", "module"], identifiers)
    strings(integration, ip, ["displayName"], displays)
    strings(integration.watchSchema, [...ip, "watchSchema"], ["destination"], identifiers)
    for (const [object, op] of list(integration.read, [...ip, "read"], "objects")) {
      strings(object, op, ["objectName", "destination", "mapToName"], identifiers)
      strings(object, op, ["mapToDisplayName"], displays)
      for (const fields of ["requiredFields", "optionalFields"])
        for (const [field, fp] of list(object, op, fields)) {
          strings(field, fp, ["fieldName", "mapToName", "default"], identifiers)
          strings(field, fp, ["mapToDisplayName"], displays)
        }
    }
    for (const [object, op] of list(integration.write, [...ip, "write"], "objects"))
      strings(object, op, ["objectName"], identifiers)
    for (const [object, op] of list(integration.subscribe, [...ip, "subscribe"], "objects")) {
      strings(object, op, ["objectName", "destination"], identifiers)
      const update = isRecord(object) ? object.updateEvent : undefined
      for (const [name, np] of list(update, [...op, "updateEvent"], "requiredWatchFields"))
        if (typeof name === "string") identifiers.push(np)
      for (const [name, np] of list(object, op, "otherEvents")) if (typeof name === "string") identifiers.push(np)
    }
  }
  return { identifiers, displays }
}

const get = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root)

const set = (root: unknown, path: Path, value: string): void => {
  const parentNode = get(root, path.slice(0, -1)) as Record<string | number, unknown>
  parentNode[path[path.length - 1] as string | number] = value
}

/** A copy of the sample (a file of samples/, or a value) with `text` put into the value at `path` (before character `at`, clamped). */
const injected = (from: string | Json, path: Path, text: string, at = 1): Json => {
  const value = typeof from === "string" ? sample(from) : structuredClone(from)
  const old = get(value, path) as string
  const cut = Math.min(at, old.length)
  set(value, path, `${old.slice(0, cut)}${text}${old.slice(cut)}`)
  return value
}

const findings = (value: unknown): Array<Finding> => {
  const out = run(identifierCharset, value)
  expectWellFormed(identifierCharset, out)
  return out
}

describe("one injected character in a real sample: one finding at the value, naming character and field", () => {
  it("U+202E in a read objectName (salesforce)", () => {
    const path = ["integrations", 0, "read", "objects", 0, "objectName"]
    expect(get(sample("salesforce/amp.yaml"), path)).toBe("account")
    const [finding, ...rest] = findings(injected("salesforce/amp.yaml", path, "\u202E", 3))
    expect(rest).toEqual([])
    expect(finding).toEqual({
      rule: "identifier-charset",
      severity: "error",
      message: "objectName `acc\\u{202E}ount` of read.objects[0] holds U+202E RIGHT-TO-LEFT OVERRIDE at character 4",
      pointer: fromPath(path),
      hint: "remove U+202E, a bidi control: no real API name holds one (look for an escape in quotes)",
    })
  })

  it("an ANSI escape in a subscribe destination, a zero-width space in a watch field, NUL in otherEvents", () => {
    const object = ["integrations", 0, "subscribe", "objects", 0]
    const cases: ReadonlyArray<[Path, string, string]> = [
      [
        [...object, "destination"],
        "\u001b[2J",
        "destination `s\\u{1B}[2JalesforceWebhook` of subscribe object `account`",
      ],
      [[...object, "updateEvent", "requiredWatchFields", 0], "\u200B", "U+200B ZERO WIDTH SPACE at character 2"],
      [[...object, "otherEvents", 0], "\u0000", "otherEvents entry `U\\u{0}NDELETE` of subscribe object `account`"],
    ]
    for (const [path, text, message] of cases) {
      const got = findings(injected("salesforce/amp.yaml", path, text))
      expect(got.map((f) => f.pointer)).toEqual([fromPath(path)])
      expect(got[0]?.message).toContain(message)
    }
  })

  it("field entries: fieldName, mapToName and default (quickstart's prompt mappings, given a default)", () => {
    const value = sample("quickstart/amp.yaml")
    for (const object of get(value, ["integrations", 0, "read", "objects"]) as Array<Json>)
      for (const field of (object.optionalFields ?? []) as Array<Json>)
        if ("prompt" in field) field.default = "Priority__c"
    const entries = sites(value).identifiers.filter((p) => p.includes("requiredFields") || p.includes("optionalFields"))
    expect(new Set(entries.map((p) => p[p.length - 1]))).toEqual(new Set(["fieldName", "mapToName", "default"]))
    for (const path of entries) {
      const got = findings(injected(value, path, "\u2067"))
      expect(got.map((f) => f.pointer)).toEqual([fromPath(path)])
      expect(got[0]?.message).toMatch(/^(fieldName|field mapToName|field default) `.*` of read object `/)
      expect(got[0]?.message).toContain("U+2067 RIGHT-TO-LEFT ISOLATE")
    }
  })

  it("provider, module, watch fields (hubspot-subscribe) and write objectNames (unifiedCRM)", () => {
    const hub = ["integrations", 0]
    for (const [path, word] of [
      [[...hub, "provider"], "provider `h\\u{7F}ubspot` of integration"],
      [[...hub, "module"], "module `c\\u{7F}rm` of integration"],
    ] as const) {
      const got = findings(injected("hubspot-subscribe/amp.yaml", path, "\u007f"))
      expect(got.map((f) => f.message)).toEqual([expect.stringContaining(word)])
      expect(got[0]?.message).toContain("holds U+007F DELETE at character 2")
    }
    const write = sites(sample("unifiedCRM/amp.yaml")).identifiers.filter((p) => p.includes("write"))
    expect(write.length).toBeGreaterThan(3)
    for (const path of write) {
      const got = findings(injected("unifiedCRM/amp.yaml", path, "\uDC00"))
      expect(got.map((f) => f.pointer)).toEqual([fromPath(path)])
      expect(got[0]?.message).toContain("holds U+DC00 at character 2")
    }
  })

  it("leading and trailing whitespace (only at the edges: a space inside a nested path key is a name)", () => {
    const path = ["integrations", 0, "read", "objects", 0, "destination"]
    const lead = findings(injected("salesforce/amp.yaml", path, " ", 0))
    expect(lead.map((f) => [f.pointer, f.message, f.hint])).toEqual([
      [
        fromPath(path),
        "destination ` salesforceWebhook` of read object `account` starts with U+0020 SPACE",
        "remove the leading whitespace: quoted values keep it, and the real name has none",
      ],
    ])
    const trail = findings(injected("salesforce/amp.yaml", path, "\u3000", 99))
    expect(trail.map((f) => f.message)).toEqual([expect.stringMatching(/ends with U\+3000 IDEOGRAPHIC SPACE$/)])
    expect(findings(injected("salesforce/amp.yaml", path, " ", 3))).toEqual([])
    expect(findings(injected("salesforce/amp.yaml", path, "\u00a0 ", 0))[0]?.message).toContain(
      "starts with U+00A0 NO-BREAK SPACE",
    )
  })

  it("one finding per value: the first offending character, never also its edge whitespace", () => {
    const path = ["integrations", 0, "read", "objects", 0, "objectName"]
    const got = findings(injected("salesforce/amp.yaml", path, " \u200B\u202E\u0000 ", 0))
    expect(got).toHaveLength(1)
    expect(got[0]?.message).toContain("U+200B ZERO WIDTH SPACE at character 2")
  })

  it("a value longer than its excerpt still names the character and where it is", () => {
    const path = ["integrations", 0, "read", "objects", 0, "objectName"]
    const got = findings(injected("salesforce/amp.yaml", path, `${"x".repeat(300)}\u{E0041}`, 99))
    expect(got).toHaveLength(1)
    expect(got[0]?.message).toMatch(/holds U\+E0041 at character 308$/)
  })
})

describe("display names are text for people", () => {
  const object = ["integrations", 0, "read", "objects", 0]
  const displayName = [...object, "mapToDisplayName"]
  it("accepts joiners, direction marks and isolates, other scripts, tab and line breaks", () => {
    for (const text of ["\u200D", "\u200F", "\u2067\u05E9\u2069", "\u00E9\u4E2D", "\t", "\n", "\r\n", "\uFEFF"])
      expect(findings(injected("salesforce/amp.yaml", displayName, text)), JSON.stringify(text)).toEqual([])
  })
  it("reports other controls, bidi embeddings / overrides and unpaired surrogates", () => {
    for (const [text, name] of [
      ["\u001b", "U+001B ESCAPE"],
      ["\u0085", "U+0085 NEXT LINE"],
      ["\u202B", "U+202B RIGHT-TO-LEFT EMBEDDING"],
      ["\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"],
      ["\uD800", "U+D800"],
    ] as const) {
      const got = findings(injected("salesforce/amp.yaml", displayName, text))
      expect(got.map((f) => f.pointer)).toEqual([fromPath(displayName)])
      expect(got[0]?.message).toMatch(
        new RegExp(
          `^mapToDisplayName \`C.*\` of read object \`account\` holds ${name.replace("+", "\\+")} at character 2$`,
        ),
      )
      expect(got[0]?.hint).toContain("hides or reorders what they see")
    }
    const integration = injected("salesforce/amp.yaml", ["integrations", 0, "displayName"], "\u0007", 99)
    expect(findings(integration).map((f) => [f.pointer, f.message])).toEqual([
      [
        "/integrations/0/displayName",
        "displayName `Salesforce read and write\\u{7}` of integration `readAndWriteSalesforce` holds U+0007 ALERT " +
          "at character 26",
      ],
    ])
  })
  it("leaves the integration name to integration-name, prompt and schedule to theirs", () => {
    const value = sample("quickstart/amp.yaml")
    const integration = (value.integrations as Array<Json>)[0] as Json
    integration.name = "sales\u202Eforce"
    const read = (integration.read as Json).objects as Array<Json>
    ;(read[0] as Json).schedule = "*/10 * * * *\u200B"
    for (const object of read)
      for (const field of [
        ...((object.requiredFields as Array<Json>) ?? []),
        ...((object.optionalFields as Array<Json>) ?? []),
      ])
        if (typeof field.prompt === "string") field.prompt = `${field.prompt}\u202E`
    expect(findings(value)).toEqual([])
  })
})

describe("end to end, in YAML and JSON text", () => {
  it("positions the diagnostic at the value; the escape in a quoted string is how such a value gets in", () => {
    const text = corpusText("samples/salesforce/amp.yaml").replace(
      "objectName: account\n",
      'objectName: "acc\\u202Eount"\n',
    )
    const report = validate(text)
    const mine = report.diagnostics.filter((d) => d.rule === "identifier-charset")
    expect(mine).toHaveLength(1)
    const line = text.split("\n").findIndex((l) => l.includes('"acc\\u202Eount"')) + 1
    expect(mine[0]).toMatchObject({ severity: "error", line, pointer: "/integrations/0/read/objects/0/objectName" })
    expect(mine[0]?.column).toBe((text.split("\n")[line - 1] ?? "").indexOf('"') + 1)
    expect(report.ok).toBe(false)
  })
  it("JSON documents, keys spelled as the server matches them (case-insensitively)", () => {
    const json = JSON.stringify({
      specVersion: "1.0.0",
      integrations: [
        {
          name: "a",
          provider: "salesforce",
          READ: { Objects: [{ ObjectName: "account\u2028", destination: "d" }] },
        },
      ],
    })
    const mine = validate(json).diagnostics.filter((d) => d.rule === "identifier-charset")
    expect(mine.map((d) => [d.pointer, d.message])).toEqual([
      [
        "/integrations/0/READ/Objects/0/ObjectName",
        "objectName `account\\u{2028}` of read.objects[0] holds U+2028 LINE SEPARATOR at character 8",
      ],
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// The character classes, against the runtime's Unicode properties

const forbiddenInIdentifiers = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uFFF9-\uFFFB\uFFFD]/u

/** A small manifest whose read objectName is `text` (the classes are checked code point by code point). */
const withName = (text: string): Json => ({
  specVersion: "1.0.0",
  integrations: [{ name: "a", provider: "salesforce", read: { objects: [{ objectName: text, destination: "d" }] } }],
})
const withObjectName = (text: string): Json => withName(`a${text}b`)

describe("the character classes", () => {
  it("every Cc, Default_Ignorable_Code_Point, separator, U+FFF9–U+FFFB, U+FFFD and lone surrogate is reported", () => {
    let count = 0
    for (let cp = 0; cp < 0x110000; cp++) {
      const lone = cp >= 0xd800 && cp <= 0xdfff
      if (!lone && !forbiddenInIdentifiers.test(String.fromCodePoint(cp))) continue
      const got = findings(withObjectName(String.fromCodePoint(cp)))
      expect(got.length, cp.toString(16)).toBe(1)
      expect(got[0]?.message, cp.toString(16)).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`)
      expect(got[0]?.message).toContain("at character 2")
      count++
    }
    expect(count).toBe(65 + 4174 + 2 + 3 + 1 + 2048)
  })
  it("every other code point is accepted inside a name (all of them in one objectName)", () => {
    let all = ""
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const char = String.fromCodePoint(cp)
      if (!forbiddenInIdentifiers.test(char)) all += char
    }
    expect(findings(withObjectName(all))).toEqual([])
  })
  it("edge whitespace is White_Space but controls, separators and U+FEFF (reported as such)", () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      const char = String.fromCharCode(cp)
      if (forbiddenInIdentifiers.test(char) || (cp >= 0xd800 && cp <= 0xdfff)) continue
      const space = /\p{White_Space}/u.test(char)
      expect(findings(withName(`${char}account`)).length, cp.toString(16)).toBe(space ? 1 : 0)
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Properties over all 121 samples

describe("over the 121 real samples", () => {
  it("finds no identifier of any sample at fault, and the sites it knows cover every kind", () => {
    expect(samples).toHaveLength(121)
    const keys = new Set<string>()
    for (const { file, value } of samples) {
      expect(findings(value), file).toEqual([])
      for (const path of sites(value).identifiers) keys.add(String(path.at(-1)).replace(/^\d+$/, "[entry]"))
    }
    expect([...keys].sort()).toEqual(
      ["[entry]", "destination", "fieldName", "mapToName", "module", "objectName", "provider"].sort(),
    )
  })

  const forbidden = fc.oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0xad, 0x34f, 0x61c, 0x180e, 0x2028, 0x2029, 0x3164, 0xfeff, 0xfffd),
    fc.integer({ min: 0x200b, max: 0x200f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2060, max: 0x206f }),
    fc.integer({ min: 0xfe00, max: 0xfe0f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.integer({ min: 0xe0000, max: 0xe0fff }),
  )
  const injection = fc.oneof(
    fc.record({ cp: forbidden, edge: fc.constant(undefined) }),
    fc.record({
      cp: fc.constantFrom(0x20, 0xa0, 0x1680, 0x2000, 0x200a, 0x202f, 0x205f, 0x3000),
      edge: fc.constantFrom("start", "end"),
    }),
  )

  it("any identifier of any sample with a forbidden character injected gets exactly one finding, there", () => {
    const withSites = samples.map((s) => ({ ...s, ...sites(s.value) }))
    fc.assert(
      fc.property(
        fc.constantFrom(...withSites),
        fc.nat(),
        fc.nat({ max: 80 }),
        injection,
        fc.boolean(),
        (s, pick, at, { cp, edge }, display) => {
          const pool = display && s.displays.length > 0 ? s.displays : s.identifiers
          const path = pool[pick % pool.length] as Path
          const old = get(s.value, path) as string
          const char = String.fromCodePoint(cp)
          const value = structuredClone(s.value)
          const text =
            edge === "start"
              ? `${char}${old}`
              : edge === "end"
                ? `${old}${char}`
                : `${old.slice(0, Math.min(at, old.length))}${char}${old.slice(Math.min(at, old.length))}`
          set(value, path, text)
          const got = findings(value)
          const isDisplay = pool === s.displays
          // Display names: only controls but tab / LF / CR, U+202A–U+202E and surrogates; never edge spaces.
          const displayReported =
            (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
            (cp >= 0x7f && cp <= 0x9f) ||
            (cp >= 0x202a && cp <= 0x202e) ||
            (cp >= 0xd800 && cp <= 0xdfff)
          if (isDisplay && !displayReported) {
            expect(got).toEqual([])
            return
          }
          // A lone low surrogate put right after a high one (or vice versa) pairs up into a real character.
          const pairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text) && !/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(old)
          if (pairs) return
          expect(got.map((f) => f.pointer)).toEqual([fromPath(path)])
          const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`
          expect(got[0]?.message).toContain(hex)
          if (edge !== undefined) expect(got[0]?.message).toContain(edge === "start" ? "starts with" : "ends with")
        },
      ),
      { numRuns: 600 },
    )
  })

  it("identifiers drawn from the 121 samples, put anywhere, get no finding", () => {
    const names = [...new Set(samples.flatMap((s) => sites(s.value).identifiers.map((p) => get(s.value, p) as string)))]
    expect(names.length).toBeGreaterThan(500)
    const withSites = samples.map((s) => ({ ...s, ...sites(s.value) }))
    fc.assert(
      fc.property(
        fc.constantFrom(...withSites),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...names))),
        (s, picks) => {
          const value = structuredClone(s.value)
          for (const [pick, name] of picks) set(value, s.identifiers[pick % s.identifiers.length] as Path, name)
          expect(findings(value)).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })
})

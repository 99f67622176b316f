import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, test } from "vitest"
import { parse } from "yaml"
import type { Finding } from "../../src/Diagnostic.js"
import { expectedScalarType, foldKey, shapeFindings } from "../../src/Shape.js"

type Json = Record<string, unknown>

/** A valid manifest touching every block; each test breaks one thing in a fresh copy. */
const base = (): Json => ({
  specVersion: "1.0.0",
  integrations: [
    {
      name: "readAndWriteSalesforce",
      provider: "salesforce",
      displayName: "Salesforce",
      module: "crm",
      read: {
        objects: [
          {
            objectName: "account",
            destination: "defaultWebhook",
            schedule: "*/10 * * * *",
            mapToName: "company",
            requiredFields: [{ fieldName: "name" }, { fieldName: "billingcity", mapToName: "city" }],
            optionalFields: [
              { mapToName: "stage", mapToDisplayName: "Stage", prompt: "Which field?", default: "stagename" },
            ],
            optionalFieldsAuto: "all",
            backfill: { defaultPeriod: { days: 30 } },
            delivery: { mode: "onRequest", pageSize: 100 },
          },
          {
            objectName: "contact",
            destination: "defaultWebhook",
            enabled: "always",
            schedule: "*/30 * * * *",
            requiredFields: [{ fieldName: "email" }],
          },
        ],
      },
      write: { objects: [{ objectName: "account", inheritMapping: true, valueDefaults: { allowAnyFields: true } }] },
      subscribe: {
        objects: [
          {
            objectName: "account",
            destination: "defaultWebhook",
            inheritFieldsAndMapping: true,
            createEvent: { enabled: "always" },
            updateEvent: { enabled: "always", watchFieldsAuto: "selected" },
            deleteEvent: { enabled: "always" },
            otherEvents: ["UNDELETE"],
          },
        ],
      },
      proxy: { enabled: true, useModule: false },
      watchSchema: {
        destination: "schemaWatch",
        schedule: "0 */6 * * *",
        allObjects: { fieldCreated: { enabled: "always" } },
      },
    },
  ],
})

/** The object at a JSON pointer of `root`, to edit in place. */
const node = (root: Json, pointer: string): Json => {
  let current: unknown = root
  for (const token of pointer.slice(1).split("/")) current = (current as Record<string, unknown>)[token]
  return current as Json
}

/** Set the value at a JSON pointer of a copy of `root` (`undefined` deletes). */
const edit = (root: Json, pointer: string, value: unknown): Json => {
  const copy = structuredClone(root)
  const path = pointer.slice(1).split("/")
  let node: Record<string, unknown> = copy
  for (const token of path.slice(0, -1)) node = node[token] as Record<string, unknown>
  const last = path[path.length - 1] as string
  if (value === undefined) delete node[last]
  else node[last] = value
  return copy
}

const obj0 = "/integrations/0/read/objects/0"
const brief = (findings: ReadonlyArray<Finding>) => findings.map((f) => [f.rule, f.pointer])

describe("shapeFindings: valid input", () => {
  test("a manifest using every block has no finding", () => {
    expect(shapeFindings(base())).toEqual([])
  })
})

describe("missing-key", () => {
  test("points at the missing member", () => {
    const findings = shapeFindings(edit(base(), `${obj0}/destination`, undefined))
    expect(findings).toEqual([
      {
        rule: "missing-key",
        severity: "error",
        message: "read object is missing required key `destination`",
        pointer: `${obj0}/destination`,
      },
    ])
  })

  test.each([
    ["/integrations/0/name", "integration"],
    ["/integrations/0/provider", "integration"],
    ["/integrations/0/write/objects/0/objectName", "write object"],
    ["/integrations/0/subscribe/objects/0/destination", "subscribe object"],
    ["/integrations/0/read/objects/0/requiredFields/1/fieldName", "field mapping"],
    ["/integrations/0/watchSchema/destination", "watchSchema"],
    ["/integrations/0/watchSchema/allObjects", "watchSchema"],
    ["/integrations/0/watchSchema/allObjects/fieldCreated/enabled", "schema-change event"],
  ])("%s", (pointer, label) => {
    const findings = shapeFindings(edit(base(), pointer, undefined))
    if (pointer.endsWith("requiredFields/1/fieldName")) {
      // {mapToName: "city"} is now a mapping entry: valid.
      expect(findings).toEqual([])
      return
    }
    expect(brief(findings)).toEqual([["missing-key", pointer]])
    expect(findings[0]?.message).toContain(label)
  })

  test("a misspelt required key is one finding at the misspelling", () => {
    const broken = edit(base(), `${obj0}/objectName`, undefined)
    node(broken, obj0).objetName = "account"
    expect(shapeFindings(broken)).toEqual([
      {
        rule: "missing-key",
        severity: "error",
        message: "read object is missing `objectName`: `objetName` looks like a misspelling of it",
        pointer: `${obj0}/objetName`,
        at: "key",
        hint: "rename `objetName` to `objectName`",
      },
    ])
  })
})

describe("wrong-type", () => {
  test("a number or boolean in a string field: quote it as written (the parsed value may differ: 1.10 is 1.1)", () => {
    expect(shapeFindings(edit(base(), `${obj0}/objectName`, 123))).toEqual([
      {
        rule: "wrong-type",
        severity: "error",
        message: "`objectName` must be a string, got `123`",
        pointer: `${obj0}/objectName`,
        hint: "quote it, exactly as written (unquoted, it is read as a number)",
      },
    ])
    expect(shapeFindings(edit(base(), "/integrations/0/name", true))[0]?.hint).toBe(
      "quote it, exactly as written (unquoted, it is read as a boolean)",
    )
    // Never a value in the hint: `name: 1.10` parses as 1.1, and "1.1" would be another name.
    expect(shapeFindings(edit(base(), "/integrations/0/name", 1.1))[0]?.hint).not.toMatch(/1\.1/)
  })

  test.each([
    [`${obj0}/backfill/defaultPeriod/days`, "30", "`days` must be an integer, got `30`", "remove the quotes"],
    [
      "/integrations",
      {},
      "`integrations` must be a list, got a mapping",
      "write it as a list: one `- ` item per entry",
    ],
    [
      "/integrations/0/read/objects",
      {},
      "`objects` must be a list, got a mapping",
      "write it as a list: one `- ` item per entry",
    ],
    [
      "/integrations/0/proxy/enabled",
      "true",
      "`enabled` must be true or false, got `true`",
      "write true without quotes",
    ],
    [`${obj0}/schedule`, null, "`schedule` must be a string, got `null`", "give it a value or remove the key"],
    [`${obj0}/delivery/pageSize`, 50.5, "`pageSize` must be an integer, got `50.5`", undefined],
    [`${obj0}/requiredFields/0`, "name", "`requiredFields[0]` must be a mapping, got `name`", undefined],
    [
      "/integrations/0/read/objects/1",
      null,
      "`objects[1]` must be a mapping, got `null`",
      "give it a value or remove the empty item",
    ],
    ["/integrations/0/read", [], "`read` must be a mapping, got a list", undefined],
    [`${obj0}/enabled`, true, "`enabled` must be `always`, got `true`", "write `always`"],
    [
      "/integrations/0/subscribe/objects/0/otherEvents/0",
      7,
      "`otherEvents[0]` must be a string, got `7`",
      "quote it, exactly as written (unquoted, it is read as a number)",
    ],
  ])("%s = %j", (pointer, value, message, hint) => {
    const findings = shapeFindings(edit(base(), pointer, value))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: "wrong-type", pointer, message })
    expect(findings[0]?.hint).toBe(hint)
  })

  test("the whole document of the wrong type", () => {
    expect(brief(shapeFindings("hello"))).toEqual([["wrong-type", ""]])
    expect(shapeFindings([])[0]?.message).toBe("the document must be a mapping, got a list")
    expect(brief(shapeFindings(null))).toEqual([["wrong-type", ""]])
  })

  test("no descent below a value of the wrong type", () => {
    expect(brief(shapeFindings(edit(base(), "/integrations/0/read", "objects")))).toEqual([
      ["wrong-type", "/integrations/0/read"],
    ])
  })
})

describe("invalid-value", () => {
  test.each([
    [`${obj0}/enabled`, "never", "`enabled` must be `always`, got `never`", undefined],
    [`${obj0}/optionalFieldsAuto`, "none", "`optionalFieldsAuto` must be `all`, got `none`", undefined],
    [
      "/integrations/0/subscribe/objects/0/updateEvent/watchFieldsAuto",
      "some",
      "`watchFieldsAuto` must be one of `all`, `selected`, got `some`",
      undefined,
    ],
    [
      "/integrations/0/subscribe/objects/0/updateEvent/watchFieldsAuto",
      "Selected",
      "`watchFieldsAuto` must be one of `all`, `selected`, got `Selected`",
      "did you mean `selected`?",
    ],
    [`${obj0}/delivery/mode`, "x", "`mode` must be one of `onRequest`, `auto`, got `x`", undefined],
    [
      `${obj0}/delivery/mode`,
      "onrequest",
      "`mode` must be one of `onRequest`, `auto`, got `onrequest`",
      "did you mean `onRequest`?",
    ],
    [
      "/integrations/0/subscribe/objects/0/createEvent/enabled",
      "never",
      "`enabled` must be `always`, got `never`",
      undefined,
    ],
    [
      "/integrations/0/watchSchema/allObjects/fieldCreated/enabled",
      "alwayz",
      "`enabled` must be `always`, got `alwayz`",
      "did you mean `always`?",
    ],
  ])("%s = %j", (pointer, value, message, hint) => {
    const findings = shapeFindings(edit(base(), pointer, value))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: "invalid-value", severity: "error", pointer, message })
    expect(findings[0]?.hint).toBe(hint)
  })
})

describe("unknown-key", () => {
  test("did-you-mean, at the key", () => {
    const broken = base()
    node(broken, obj0).scheduel = "*/10 * * * *"
    expect(shapeFindings(broken)).toEqual([
      {
        rule: "unknown-key",
        severity: "warning",
        message: "unknown key `scheduel` in read object (Ampersand ignores it)",
        pointer: `${obj0}/scheduel`,
        at: "key",
        hint: "did you mean `schedule`?",
      },
    ])
  })

  test("no close key: the keys allowed there, or a known explanation", () => {
    const broken = base()
    node(broken, "/integrations/0/subscribe/objects/0/createEvent").watchFieldsAuto = "all"
    node(broken, obj0).selectedFields = { name: true }
    node(broken, "/integrations/0").delete = { objects: [] }
    expect(shapeFindings(broken).map((f) => [f.rule, f.pointer, f.hint])).toEqual([
      [
        "unknown-key",
        `${obj0}/selectedFields`,
        "`selectedFields` belongs to an installation's config, not to amp.yaml",
      ],
      [
        "unknown-key",
        "/integrations/0/subscribe/objects/0/createEvent/watchFieldsAuto",
        "keys allowed here: `enabled`",
      ],
      [
        "unknown-key",
        "/integrations/0/delete",
        "deletion is not an amp.yaml action: it is enabled per installation (write deletionSettings)",
      ],
    ])
  })

  test("a key differing only in case is read as the real key (the server folds case)", () => {
    const broken = edit(base(), `${obj0}/objectName`, undefined)
    node(broken, obj0).ObjectName = "account"
    expect(shapeFindings(broken)).toEqual([
      {
        rule: "unknown-key",
        severity: "warning",
        message: "key `ObjectName` is read as `objectName` (keys match case-insensitively)",
        pointer: `${obj0}/ObjectName`,
        at: "key",
        hint: "write it as `objectName`",
      },
    ])
    node(broken, obj0).ObjectName = 5
    expect(brief(shapeFindings(broken))).toEqual([
      ["unknown-key", `${obj0}/ObjectName`],
      ["wrong-type", `${obj0}/ObjectName`],
    ])
  })

  test("two spellings of one key: the last wins, as on the server", () => {
    const broken = base()
    node(broken, obj0).OBJECTNAME = 5
    const findings = shapeFindings(broken)
    expect(findings.map((f) => [f.rule, f.pointer, f.message])).toEqual([
      [
        "unknown-key",
        `${obj0}/OBJECTNAME`,
        "key `OBJECTNAME` overrides the earlier `objectName` (keys match case-insensitively)",
      ],
      ["wrong-type", `${obj0}/OBJECTNAME`, "`OBJECTNAME` must be a string, got `5`"],
    ])
  })

  test("Go's case folding: long s and Kelvin sign match, other look-alikes do not", () => {
    expect(foldKey("ſchedule")).toBe(foldKey("schedule"))
    expect(foldKey("\u212Aey")).toBe(foldKey("key"))
    expect(foldKey("\u0130d")).toBe(foldKey("id"))
    expect(foldKey("ѕchedule")).not.toBe(foldKey("schedule"))
    const broken = edit(base(), `${obj0}/schedule`, undefined)
    node(broken, obj0).ſchedule = "*/10 * * * *"
    expect(brief(shapeFindings(broken))).toEqual([["unknown-key", `${obj0}/ſchedule`]])
  })

  test("__proto__ and friends are plain unknown keys; nothing is polluted", () => {
    const manifest = JSON.parse(
      '{"specVersion":"1.0.0","integrations":[{"name":"a","provider":"b","proxy":{"enabled":true},"__proto__":{"x":1},"constructor":1}]}',
    ) as unknown
    expect(brief(shapeFindings(manifest))).toEqual([
      ["unknown-key", "/integrations/0/__proto__"],
      ["unknown-key", "/integrations/0/constructor"],
    ])
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

describe("field entries resolve to the meant variant", () => {
  const entry = `${obj0}/requiredFields/0`
  test.each([
    [{ fieldName: 5, mapToName: "x" }, [["wrong-type", `${entry}/fieldName`]]],
    [{ fieldName: "name", mapToName: 5 }, [["wrong-type", `${entry}/mapToName`]]],
    [{ mapToName: 5, prompt: "p" }, [["wrong-type", `${entry}/mapToName`]]],
    [{ mapToName: "x", prompt: 5 }, [["wrong-type", `${entry}/prompt`]]],
    [{ fieldName: "name", prompt: "keys of both variants are allowed", default: "x" }, []],
    [{}, []],
    [{ feildName: "name" }, []],
    [{ prompt: "no fieldName, no mapToName" }, []],
    [{ fieldName: "name", fieldname: "dup" }, [["unknown-key", `${entry}/fieldname`]]],
  ])("%j", (value, expected) => {
    expect(brief(shapeFindings(edit(base(), entry, value)))).toEqual(expected)
  })
})

describe("conditions left to dedicated rules are not reported", () => {
  test.each([
    ["/specVersion", undefined],
    ["/specVersion", 1],
    ["/specVersion", "2.0.0"],
    ["/specVersion", null],
    ["/integrations", undefined],
    ["/integrations", []],
    ["/integrations/0/read/objects", undefined],
    ["/integrations/0/read/objects", []],
    ["/integrations/0/write/objects", undefined],
    ["/integrations/0/subscribe/objects", undefined],
    [`${obj0}/backfill/defaultPeriod`, undefined],
    [`${obj0}/backfill/defaultPeriod`, {}],
    [`${obj0}/backfill/defaultPeriod`, { days: 1, fullHistory: true }],
    [`${obj0}/backfill/defaultPeriod/days`, 1.5],
    [`${obj0}/backfill/defaultPeriod/days`, -1],
    [`${obj0}/delivery/pageSize`, 10],
    [`${obj0}/delivery`, { mode: "auto", pageSize: 100 }],
    [`${obj0}/objectName`, ""],
    [`${obj0}/destination`, ""],
    ["/integrations/0/name", "not a valid name!"],
    [`${obj0}/schedule`, "every minute"],
    ["/integrations/0/read/objects/1/requiredFields", undefined],
  ])("%s = %j", (pointer, value) => {
    expect(shapeFindings(edit(base(), pointer, value))).toEqual([])
  })
})

describe("counts and messages", () => {
  test("fifty defects give fifty findings", () => {
    const manifest = base()
    const objects = node(manifest, "/integrations/0/read").objects as Array<Json>
    for (let i = 0; i < 48; i++) objects.push({ objectName: i, destination: "d" })
    objects[0] = { ...objects[0], destination: false }
    objects[1] = { ...objects[1], enabled: "never" }
    const findings = shapeFindings(manifest)
    expect(findings).toHaveLength(50)
    expect(new Set(findings.map((f) => f.pointer)).size).toBe(50)
  })

  test("messages are one line, at most ~120 characters, with control characters escaped", () => {
    const hostile = `\u001b[31m${"x".repeat(500)}\u202e\n`
    const manifest = base()
    node(manifest, obj0)[hostile] = 1
    node(manifest, obj0).enabled = hostile
    const findings = shapeFindings(manifest)
    expect(findings.map((f) => f.rule)).toEqual(["invalid-value", "unknown-key"])
    for (const f of findings) {
      expect(f.message.length).toBeLessThanOrEqual(120)
      expect(f.message).not.toMatch(/[\u0000-\u001f\u007f\u202e]/)
      expect(f.message).not.toMatch(/Struct|Union|readonly|\{ /)
    }
  })
})

describe("real samples (corpus/ampersand/validator-testdata)", () => {
  test("unknown-key.yaml: two unknown keys; the entry without fieldName is left to field-entry-shape", () => {
    const text = readFileSync(
      join(__dirname, "../../../../corpus/ampersand/validator-testdata/invalid/unknown-key.yaml"),
      "utf8",
    )
    expect(shapeFindings(parse(text)).map((f) => [f.rule, f.pointer, f.hint])).toEqual([
      ["unknown-key", "/integrations/0/read/objects/0/scheduel", "did you mean `schedule`?"],
      ["unknown-key", "/descrption", "keys allowed here: `specVersion`, `integrations`"],
    ])
  })
})

describe("expectedScalarType", () => {
  test.each([
    ["/specVersion", "string"],
    ["/integrations/0/name", "string"],
    ["/integrations/3/read/objects/7/objectName", "string"],
    ["/integrations/0/read/objects/0/requiredFields/2/fieldName", "string"],
    ["/integrations/0/read/objects/0/optionalFields/0/prompt", "string"],
    ["/integrations/0/read/objects/0/enabled", "string"],
    ["/integrations/0/read/objects/0/backfill/defaultPeriod/days", "integer"],
    ["/integrations/0/read/objects/0/backfill/defaultPeriod/fullHistory", "boolean"],
    ["/integrations/0/read/objects/0/delivery/pageSize", "integer"],
    ["/integrations/0/proxy/enabled", "boolean"],
    ["/integrations/0/write/objects/0/inheritMapping", "boolean"],
    ["/integrations/0/subscribe/objects/0/updateEvent/requiredWatchFields/0", "string"],
    ["/integrations/0/subscribe/objects/0/otherEvents/1", "string"],
    ["/integrations/0/watchSchema/allObjects/fieldChanged/enabled", "string"],
    ["/Integrations/0/Read/Objects/0/ObjectName", "string"],
    ["", undefined],
    ["/integrations", undefined],
    ["/integrations/0", undefined],
    ["/integrations/0/read", undefined],
    ["/integrations/x/name", undefined],
    ["/integrations/0/nope", undefined],
    ["/integrations/0/name/extra", undefined],
    ["no-slash", undefined],
  ])("%s → %s", (pointer, type) => {
    expect(expectedScalarType(pointer)).toBe(type)
  })
})

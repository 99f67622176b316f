// biome-ignore-all lint/suspicious/noExplicitAny: edits mutate plain manifest JSON in place
/**
 * Single edits of every kind: add / remove / change of every member at every level of the model,
 * each with the change it must produce. An edit knows what it touched, so its expected changes
 * (id, integration, subject) come from the edit, never from the diff's output.
 *
 * An edit has `targets` (where it applies as the manifest stands) and `prepare` (make the manifest
 * have a target, for generated manifests that lack one), and `apply` (mutate a copy, return the
 * expected changes). The corpus test uses only real targets; property tests prepare when needed.
 */
import { effectiveModule } from "../../src/Catalog.js"
import type { ChangeId } from "../../src/Diff.js"

export type Obj = Record<string, any>
export interface Manifest {
  specVersion: string
  integrations: Array<Obj>
}

export interface Expected {
  readonly id: ChangeId
  readonly integration: string
  readonly subject: ReadonlyArray<string>
  readonly likelyRenameOf?: string
}

type Area = "read" | "write" | "subscribe"
type List = "requiredFields" | "optionalFields"

/** Where an edit applies: integration index, and object / field indices when it is about one. */
export interface Target {
  readonly i: number
  readonly o?: number
  readonly list?: List
  readonly f?: number
}

export interface Edit {
  /** "read object / schedule / remove" */
  readonly kind: string
  /** The id this edit must produce (at least once). */
  readonly expect: ChangeId
  readonly targets: (m: Manifest) => Array<Target>
  /** Make `m` have a target (mutating it) and return it. */
  readonly prepare: (m: Manifest) => Target
  /** Apply the edit at `t` to `m` (a copy, mutated) and return every change it must produce. */
  readonly apply: (m: Manifest, t: Target) => Array<Expected>
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

// ---------------------------------------------------------------------------------------------
// Helpers

const objectsOf = (int: Obj, area: Area): Array<Obj> => (Array.isArray(int[area]?.objects) ? int[area].objects : [])

const fresh = (used: Iterable<string>, base: string): string => {
  const taken = new Set(used)
  if (!taken.has(base)) return base
  for (let k = 2; ; k++) if (!taken.has(`${base}${k}`)) return `${base}${k}`
}

const names = (objects: Array<Obj>): Array<string> => objects.map((o) => o.objectName)

const keyOf = (e: Obj): string => e.mapToName ?? e.fieldName

const entriesOf = (o: Obj): Array<Obj> => [...(o.requiredFields ?? []), ...(o.optionalFields ?? [])]

/** Whether no other entry of `o` delivers the same key (two entries with one key are a rule error the edits avoid). */
const uniqueKey = (o: Obj, e: Obj): boolean => entriesOf(o).filter((x) => keyOf(x) === keyOf(e)).length === 1

/** Every name a field entry of `o` uses (keys and fieldNames), so that fresh names collide with none. */
const fieldNamesOf = (o: Obj): Array<string> => entriesOf(o).flatMap((e) => [e.fieldName, e.mapToName].filter(Boolean))

const newReadObject = (name: string): Obj => ({
  objectName: name,
  destination: "defaultWebhook",
  requiredFields: [{ fieldName: "id" }],
})
const newWriteObject = (name: string): Obj => ({ objectName: name })
const newSubscribeObject = (name: string): Obj => ({
  objectName: name,
  destination: "defaultWebhook",
  inheritFieldsAndMapping: true,
  createEvent: { enabled: "always" },
})
const newObject: Record<Area, (name: string) => Obj> = {
  read: newReadObject,
  write: newWriteObject,
  subscribe: newSubscribeObject,
}

/** Make integration 0 have at least one object in `area`; return its target. */
const ensureObject = (m: Manifest, area: Area): Target => {
  const int = m.integrations[0]!
  if (objectsOf(int, area).length === 0) int[area] = { objects: [newObject[area](fresh([], "preparedObject"))] }
  return { i: 0, o: 0 }
}

/** All (integration, object) targets of `area` whose object satisfies `where`. */
const objectTargets = (m: Manifest, area: Area, where: (o: Obj, int: Obj) => boolean): Array<Target> =>
  m.integrations.flatMap((int, i) => objectsOf(int, area).flatMap((o, k) => (where(o, int) ? [{ i, o: k }] : [])))

const integrationTargets = (m: Manifest, where: (int: Obj) => boolean): Array<Target> =>
  m.integrations.flatMap((int, i) => (where(int) ? [{ i }] : []))

const at = (m: Manifest, t: Target) => m.integrations[t.i]!
const objectAt = (m: Manifest, area: Area, t: Target) => objectsOf(at(m, t), area)[t.o!]!

/** An edit of one object of `area`. `setup` makes an object a target (in `prepare`). */
const objectEdit = (
  kind: string,
  area: Area,
  expect: ChangeId,
  where: (o: Obj, int: Obj) => boolean,
  setup: (o: Obj, int: Obj) => void,
  apply: (o: Obj, int: Obj) => Array<Omit<Expected, "integration">> | ReadonlyArray<string>,
): Edit => ({
  kind,
  expect,
  targets: (m) => objectTargets(m, area, where),
  prepare: (m) => {
    const t = ensureObject(m, area)
    setup(objectAt(m, area, t), at(m, t))
    return t
  },
  apply: (m, t) => {
    const int = at(m, t)
    const r = apply(objectAt(m, area, t), int)
    // a plain subject means: one change of the edit's id
    if (r.length === 0 || typeof r[0] === "string")
      return [{ id: expect, integration: int.name, subject: r as Array<string> }]
    return (r as Array<Omit<Expected, "integration">>).map((e) => ({ ...e, integration: int.name }))
  },
})

/** An edit of one field entry of a read object. */
const fieldEdit = (
  kind: string,
  expect: ChangeId,
  where: (e: Obj, list: List, o: Obj) => boolean,
  setup: (o: Obj) => { list: List; entry: Obj },
  apply: (e: Obj, list: List, o: Obj, t: Target) => Array<Omit<Expected, "integration">> | ReadonlyArray<string>,
): Edit => ({
  kind,
  expect,
  targets: (m) =>
    m.integrations.flatMap((int, i) =>
      objectsOf(int, "read").flatMap((o, k) =>
        (["requiredFields", "optionalFields"] as const).flatMap((list) =>
          (o[list] ?? []).flatMap((e: Obj, f: number) =>
            where(e, list, o) && uniqueKey(o, e) ? [{ i, o: k, list, f }] : [],
          ),
        ),
      ),
    ),
  prepare: (m) => {
    const t = ensureObject(m, "read")
    const o = objectAt(m, "read", t)
    const { list, entry } = setup(o)
    o[list] = [...(o[list] ?? []), entry]
    return { ...t, list, f: o[list].length - 1 }
  },
  apply: (m, t) => {
    const int = at(m, t)
    const o = objectAt(m, "read", t)
    const r = apply(o[t.list!][t.f!], t.list!, o, t)
    if (r.length === 0 || typeof r[0] === "string")
      return [{ id: expect, integration: int.name, subject: r as Array<string> }]
    return (r as Array<Omit<Expected, "integration">>).map((e) => ({ ...e, integration: int.name }))
  },
})

const freshFieldName = (o: Obj) => fresh(fieldNamesOf(o), "annualrevenue")
const freshMapTo = (o: Obj) => fresh(fieldNamesOf(o), "revenue")
const freshEntry = (o: Obj): Obj => ({ fieldName: freshFieldName(o) })

/** Move an entry from one list to the other, keeping it otherwise unchanged. */
const moveEntry = (o: Obj, from: List, f: number) => {
  const to: List = from === "requiredFields" ? "optionalFields" : "requiredFields"
  const [entry] = o[from].splice(f, 1)
  if (o[from].length === 0) delete o[from]
  o[to] = [...(o[to] ?? []), entry]
}

const removeEntry = (o: Obj, list: List, f: number) => {
  o[list].splice(f, 1)
  if (o[list].length === 0) delete o[list]
}

/** The same name in another letter case that no other object of the list uses. */
const otherCase = (name: string, taken: Array<string>): string | undefined => {
  const candidates = [
    name.charAt(0).toUpperCase() + name.slice(1),
    name.charAt(0).toLowerCase() + name.slice(1),
    name.toUpperCase(),
    name.toLowerCase(),
  ]
  return candidates.find((c) => c !== name && !taken.includes(c))
}

const hasLetter = (s: string) => /[A-Za-z]/.test(s)

const modules = (provider: string, module: string | undefined) => effectiveModule(provider, module)

// ---------------------------------------------------------------------------------------------
// The edits

const integrationEdits: Array<Edit> = [
  {
    kind: "integration / add",
    expect: "integration-added",
    targets: () => [{ i: -1 }],
    prepare: () => ({ i: -1 }),
    apply: (m) => {
      const name = fresh(
        m.integrations.map((x) => x.name),
        "addedIntegration",
      )
      m.integrations.push({ name, provider: "hubspot", proxy: { enabled: true } })
      return [{ id: "integration-added", integration: name, subject: [] }]
    },
  },
  {
    kind: "integration / remove",
    expect: "integration-removed",
    targets: (m) => integrationTargets(m, () => true),
    prepare: () => ({ i: 0 }),
    apply: (m, t) => {
      const [int] = m.integrations.splice(t.i, 1)
      return [{ id: "integration-removed", integration: int!.name, subject: [] }]
    },
  },
  {
    kind: "integration / rename",
    expect: "integration-added",
    targets: (m) => integrationTargets(m, () => true),
    prepare: () => ({ i: 0 }),
    apply: (m, t) => {
      const int = at(m, t)
      const old = int.name
      int.name = fresh(
        m.integrations.map((x) => x.name),
        `${old}V2`,
      )
      return [
        { id: "integration-removed", integration: old, subject: [] },
        { id: "integration-added", integration: int.name, subject: [], likelyRenameOf: old },
      ]
    },
  },
  {
    kind: "integration / provider / change",
    expect: "provider-changed",
    targets: (m) => integrationTargets(m, () => true),
    prepare: () => ({ i: 0 }),
    apply: (m, t) => {
      const int = at(m, t)
      const before = int.provider
      const after = before === "pipedrive" ? "hubspot" : "pipedrive"
      int.provider = after
      const out: Array<Expected> = [{ id: "provider-changed", integration: int.name, subject: [] }]
      if (modules(before, int.module) !== modules(after, int.module)) {
        out.push({ id: "module-changed", integration: int.name, subject: [] })
      }
      return out
    },
  },
  {
    kind: "integration / module / add non-default",
    expect: "module-changed",
    targets: (m) => integrationTargets(m, (int) => int.provider === "zoho" && int.module === undefined),
    prepare: (m) => {
      m.integrations[0]!.provider = "zoho"
      delete m.integrations[0]!.module
      return { i: 0 }
    },
    apply: (m, t) => {
      at(m, t).module = "desk"
      return [{ id: "module-changed", integration: at(m, t).name, subject: [] }]
    },
  },
  {
    kind: "integration / module / remove non-default",
    expect: "module-changed",
    targets: (m) =>
      integrationTargets(
        m,
        (int) => int.module !== undefined && modules(int.provider, int.module) !== modules(int.provider, undefined),
      ),
    prepare: (m) => {
      m.integrations[0]!.provider = "zoho"
      m.integrations[0]!.module = "desk"
      return { i: 0 }
    },
    apply: (m, t) => {
      delete at(m, t).module
      return [{ id: "module-changed", integration: at(m, t).name, subject: [] }]
    },
  },
  {
    kind: "integration / module / change",
    expect: "module-changed",
    targets: (m) => integrationTargets(m, (int) => int.provider === "zoho" && int.module === "desk"),
    prepare: (m) => {
      m.integrations[0]!.provider = "zoho"
      m.integrations[0]!.module = "desk"
      return { i: 0 }
    },
    apply: (m, t) => {
      at(m, t).module = "mail"
      return [{ id: "module-changed", integration: at(m, t).name, subject: [] }]
    },
  },
  ...(["add", "remove", "change"] as const).map(
    (how): Edit => ({
      kind: `integration / displayName / ${how}`,
      expect: "display-name-changed",
      targets: (m) =>
        integrationTargets(m, (int) => (how === "add" ? int.displayName === undefined : int.displayName !== undefined)),
      prepare: (m) => {
        if (how === "add") delete m.integrations[0]!.displayName
        else m.integrations[0]!.displayName = "Prepared name"
        return { i: 0 }
      },
      apply: (m, t) => {
        const int = at(m, t)
        if (how === "remove") delete int.displayName
        else int.displayName = `${int.displayName ?? ""} (new)`
        return [{ id: "display-name-changed", integration: int.name, subject: [] }]
      },
    }),
  ),
  ...(["read", "write", "subscribe"] as const).flatMap(
    (area): Array<Edit> => [
      {
        kind: `${area} / add`,
        expect: `${area}-added`,
        targets: (m) => integrationTargets(m, (int) => int[area] === undefined),
        prepare: (m) => {
          delete m.integrations[0]![area]
          return { i: 0 }
        },
        apply: (m, t) => {
          const int = at(m, t)
          int[area] = { objects: [newObject[area]("addedObject")] }
          return [
            { id: `${area}-added`, integration: int.name, subject: [area] },
            { id: `${area}-object-added`, integration: int.name, subject: [area, "addedObject"] },
          ]
        },
      },
      {
        kind: `${area} / remove`,
        expect: `${area}-removed`,
        targets: (m) => integrationTargets(m, (int) => int[area] !== undefined),
        prepare: (m) => ensureObject(m, area),
        apply: (m, t) => {
          const int = at(m, t)
          const gone = [...new Set(names(objectsOf(int, area)))]
          delete int[area]
          return [
            { id: `${area}-removed`, integration: int.name, subject: [area] },
            ...gone.map(
              (name): Expected => ({ id: `${area}-object-removed`, integration: int.name, subject: [area, name] }),
            ),
          ]
        },
      },
    ],
  ),
  {
    kind: "proxy / add enabled",
    expect: "proxy-enabled-changed",
    targets: (m) => integrationTargets(m, (int) => int.proxy?.enabled !== true),
    prepare: (m) => {
      delete m.integrations[0]!.proxy
      return { i: 0 }
    },
    apply: (m, t) => {
      at(m, t).proxy = { enabled: true }
      return [{ id: "proxy-enabled-changed", integration: at(m, t).name, subject: ["proxy", "enabled"] }]
    },
  },
  {
    kind: "proxy / remove while enabled",
    expect: "proxy-enabled-changed",
    targets: (m) => integrationTargets(m, (int) => int.proxy?.enabled === true),
    prepare: (m) => {
      m.integrations[0]!.proxy = { enabled: true }
      return { i: 0 }
    },
    apply: (m, t) => {
      delete at(m, t).proxy
      return [{ id: "proxy-enabled-changed", integration: at(m, t).name, subject: ["proxy", "enabled"] }]
    },
  },
  {
    kind: "proxy / enabled / turn off",
    expect: "proxy-enabled-changed",
    targets: (m) => integrationTargets(m, (int) => int.proxy?.enabled === true),
    prepare: (m) => {
      m.integrations[0]!.proxy = { enabled: true }
      return { i: 0 }
    },
    apply: (m, t) => {
      at(m, t).proxy.enabled = false
      return [{ id: "proxy-enabled-changed", integration: at(m, t).name, subject: ["proxy", "enabled"] }]
    },
  },
  {
    kind: "proxy / useModule / toggle",
    expect: "proxy-use-module-changed",
    targets: (m) => integrationTargets(m, (int) => int.proxy?.enabled === true),
    prepare: (m) => {
      m.integrations[0]!.proxy = { enabled: true }
      return { i: 0 }
    },
    apply: (m, t) => {
      const p = at(m, t).proxy
      p.useModule = p.useModule !== true
      return [{ id: "proxy-use-module-changed", integration: at(m, t).name, subject: ["proxy", "useModule"] }]
    },
  },
  {
    kind: "watchSchema / add",
    expect: "watch-schema-added",
    targets: (m) => integrationTargets(m, (int) => int.watchSchema === undefined),
    prepare: (m) => {
      delete m.integrations[0]!.watchSchema
      return { i: 0 }
    },
    apply: (m, t) => {
      at(m, t).watchSchema = { destination: "schemaWebhook", allObjects: { fieldCreated: { enabled: "always" } } }
      return [{ id: "watch-schema-added", integration: at(m, t).name, subject: ["watchSchema"] }]
    },
  },
  ...(
    [
      ["remove", "watch-schema-removed", (_ws: Obj, int: Obj) => delete int.watchSchema],
      ["destination / change", "watch-schema-changed", (ws: Obj) => (ws.destination = `${ws.destination}Moved`)],
      [
        "schedule / change",
        "watch-schema-changed",
        (ws: Obj) => (ws.schedule = ws.schedule === "0 */2 * * *" ? "0 */3 * * *" : "0 */2 * * *"),
      ],
      [
        "allObjects event / add or remove",
        "watch-schema-changed",
        (ws: Obj) => {
          if (ws.allObjects.fieldDeleted === undefined) ws.allObjects.fieldDeleted = { enabled: "always" }
          else delete ws.allObjects.fieldDeleted
        },
      ],
    ] as const
  ).map(
    ([how, id, change]): Edit => ({
      kind: `watchSchema / ${how}`,
      expect: id,
      targets: (m) => integrationTargets(m, (int) => int.watchSchema !== undefined),
      prepare: (m) => {
        m.integrations[0]!.watchSchema = {
          destination: "schemaWebhook",
          allObjects: { fieldChanged: { enabled: "always" } },
        }
        return { i: 0 }
      },
      apply: (m, t) => {
        change(at(m, t).watchSchema, at(m, t))
        return [{ id, integration: at(m, t).name, subject: ["watchSchema"] }]
      },
    }),
  ),
]

/** Object presence edits, for each action. */
const objectPresenceEdits: Array<Edit> = (["read", "write", "subscribe"] as const).flatMap(
  (area): Array<Edit> => [
    {
      kind: `${area} object / add`,
      expect: `${area}-object-added`,
      targets: (m) => integrationTargets(m, (int) => int[area] !== undefined),
      prepare: (m) => ensureObject(m, area),
      apply: (m, t) => {
        const int = at(m, t)
        const name = fresh(names(objectsOf(int, area)), "addedObject")
        int[area].objects.push(newObject[area](name))
        return [{ id: `${area}-object-added`, integration: int.name, subject: [area, name] }]
      },
    },
    objectEdit(
      `${area} object / remove`,
      area,
      `${area}-object-removed`,
      () => true,
      () => {},
      (o, int) => {
        int[area].objects = objectsOf(int, area).filter((x) => x !== o)
        return [area, o.objectName]
      },
    ),
    objectEdit(
      `${area} object / rename letter case`,
      area,
      "object-name-case-changed",
      (o, int) => hasLetter(o.objectName) && otherCase(o.objectName, names(objectsOf(int, area))) !== undefined,
      (o) => {
        o.objectName = "preparedObject"
      },
      (o, int) => {
        o.objectName = otherCase(o.objectName, names(objectsOf(int, area)))
        return [area, o.objectName]
      },
    ),
    objectEdit(
      `${area} object / rename`,
      area,
      `${area}-object-added`,
      () => true,
      () => {},
      (o, int) => {
        const old = o.objectName
        o.objectName = fresh(names(objectsOf(int, area)), `${old}_v2`)
        return [
          { id: `${area}-object-removed`, subject: [area, old] },
          { id: `${area}-object-added`, subject: [area, o.objectName] },
        ]
      },
    ),
  ],
)

/** A member of a read object that can be added, removed and changed. */
const readMemberEdits = (
  member: string,
  id: ChangeId,
  values: readonly [string, string],
  opts: { remove?: boolean; add?: boolean } = {},
): Array<Edit> => {
  const out: Array<Edit> = []
  const isSet = (o: Obj) => o[member] !== undefined && o[member] !== ""
  if (opts.add !== false) {
    out.push(
      objectEdit(
        `read object / ${member} / add`,
        "read",
        id,
        (o) => !isSet(o),
        (o) => delete o[member],
        (o) => {
          o[member] = values[0]
          return ["read", o.objectName, member]
        },
      ),
    )
  }
  if (opts.remove !== false) {
    out.push(
      objectEdit(
        `read object / ${member} / remove`,
        "read",
        id,
        isSet,
        (o) => (o[member] = values[0]),
        (o) => {
          delete o[member]
          return ["read", o.objectName, member]
        },
      ),
    )
  }
  out.push(
    objectEdit(
      `read object / ${member} / change`,
      "read",
      id,
      isSet,
      (o) => (o[member] = values[0]),
      (o) => {
        o[member] = o[member] === values[1] ? values[0] : values[1]
        return ["read", o.objectName, member]
      },
    ),
  )
  return out
}

const hasBackfill = (o: Obj) => {
  const p = o.backfill?.defaultPeriod
  return p !== undefined && (p.fullHistory === true || (typeof p.days === "number" && p.days !== 0))
}
const hasDelivery = (o: Obj) => o.delivery !== undefined && (o.delivery.mode ?? "auto") !== "auto"

const readObjectEdits: Array<Edit> = [
  {
    kind: "read object / add with enabled: always",
    expect: "read-object-added",
    targets: (m) => integrationTargets(m, (int) => int.read !== undefined),
    prepare: (m) => ensureObject(m, "read"),
    apply: (m, t) => {
      const int = at(m, t)
      const name = fresh(names(objectsOf(int, "read")), "alwaysObject")
      int.read.objects.push({ ...newReadObject(name), schedule: "*/30 * * * *", enabled: "always" })
      return [{ id: "read-object-added", integration: int.name, subject: ["read", name] }]
    },
  },
  objectEdit(
    "read object / enabled: always / add",
    "read",
    "read-object-always-enabled-changed",
    (o) => o.enabled === undefined,
    (o) => delete o.enabled,
    (o) => {
      o.enabled = "always"
      return ["read", o.objectName, "enabled"]
    },
  ),
  objectEdit(
    "read object / enabled: always / remove",
    "read",
    "read-object-always-enabled-changed",
    (o) => o.enabled === "always",
    (o) => (o.enabled = "always"),
    (o) => {
      delete o.enabled
      return ["read", o.objectName, "enabled"]
    },
  ),
  ...readMemberEdits("destination", "read-object-destination-changed", ["crmStream", "kinesisMain"], {
    add: false,
    remove: false,
  }),
  ...readMemberEdits("schedule", "read-object-schedule-changed", ["*/30 * * * *", "0 */6 * * *"]),
  objectEdit(
    "read object / schedule / clear to ''",
    "read",
    "read-object-schedule-changed",
    (o) => typeof o.schedule === "string" && o.schedule !== "",
    (o) => (o.schedule = "*/30 * * * *"),
    (o) => {
      o.schedule = ""
      return ["read", o.objectName, "schedule"]
    },
  ),
  ...readMemberEdits("mapToName", "read-object-mapping-changed", ["people", "records"]),
  ...readMemberEdits("mapToDisplayName", "read-object-display-changed", ["People", "Records"]),
  objectEdit(
    "read object / optionalFieldsAuto / add",
    "read",
    "optional-fields-auto-added",
    (o) => o.optionalFieldsAuto === undefined,
    (o) => delete o.optionalFieldsAuto,
    (o) => {
      o.optionalFieldsAuto = "all"
      return ["read", o.objectName, "optionalFieldsAuto"]
    },
  ),
  objectEdit(
    "read object / optionalFieldsAuto / remove",
    "read",
    "optional-fields-auto-removed",
    (o) => o.optionalFieldsAuto === "all",
    (o) => (o.optionalFieldsAuto = "all"),
    (o) => {
      delete o.optionalFieldsAuto
      return ["read", o.objectName, "optionalFieldsAuto"]
    },
  ),
  objectEdit(
    "read object / backfill / add",
    "read",
    "backfill-changed",
    (o) => !hasBackfill(o),
    (o) => delete o.backfill,
    (o) => {
      o.backfill = { defaultPeriod: { days: 30 } }
      return ["read", o.objectName, "backfill"]
    },
  ),
  objectEdit(
    "read object / backfill / remove",
    "read",
    "backfill-changed",
    hasBackfill,
    (o) => (o.backfill = { defaultPeriod: { days: 30 } }),
    (o) => {
      delete o.backfill
      return ["read", o.objectName, "backfill"]
    },
  ),
  objectEdit(
    "read object / backfill / change",
    "read",
    "backfill-changed",
    hasBackfill,
    (o) => (o.backfill = { defaultPeriod: { days: 30 } }),
    (o) => {
      o.backfill =
        o.backfill.defaultPeriod.fullHistory === true
          ? { defaultPeriod: { days: 14 } }
          : { defaultPeriod: { fullHistory: true } }
      return ["read", o.objectName, "backfill"]
    },
  ),
  objectEdit(
    "read object / delivery / add",
    "read",
    "delivery-changed",
    (o) => !hasDelivery(o),
    (o) => delete o.delivery,
    (o) => {
      o.delivery = { mode: "onRequest", pageSize: 100 }
      return ["read", o.objectName, "delivery"]
    },
  ),
  objectEdit(
    "read object / delivery / remove",
    "read",
    "delivery-changed",
    hasDelivery,
    (o) => (o.delivery = { mode: "onRequest", pageSize: 100 }),
    (o) => {
      delete o.delivery
      return ["read", o.objectName, "delivery"]
    },
  ),
  objectEdit(
    "read object / delivery / change page size",
    "read",
    "delivery-changed",
    hasDelivery,
    (o) => (o.delivery = { mode: "onRequest", pageSize: 100 }),
    (o) => {
      o.delivery = { ...o.delivery, pageSize: o.delivery.pageSize === 200 ? 300 : 200 }
      return ["read", o.objectName, "delivery"]
    },
  ),
]

const fieldSubject = (o: Obj, key: string) => ["read", o.objectName, "fields", key]

const fieldEdits: Array<Edit> = [
  ...(["requiredFields", "optionalFields"] as const).flatMap((list): Array<Edit> => {
    const word = list === "requiredFields" ? "required" : "optional"
    const added: ChangeId = list === "requiredFields" ? "required-field-added" : "optional-field-added"
    const removed: ChangeId = list === "requiredFields" ? "required-field-removed" : "optional-field-removed"
    return [
      objectEdit(
        `${word} field / add provider field`,
        "read",
        added,
        () => true,
        () => {},
        (o) => {
          const entry = freshEntry(o)
          o[list] = [...(o[list] ?? []), entry]
          return fieldSubject(o, entry.fieldName)
        },
      ),
      objectEdit(
        `${word} field / add customer mapping`,
        "read",
        added,
        () => true,
        () => {},
        (o) => {
          const entry = {
            mapToName: freshMapTo(o),
            mapToDisplayName: "Revenue",
            prompt: "Which field holds the revenue?",
          }
          o[list] = [...(o[list] ?? []), entry]
          return fieldSubject(o, entry.mapToName)
        },
      ),
      fieldEdit(
        `${word} field / remove`,
        removed,
        (_e, l) => l === list,
        (o) => ({ list, entry: freshEntry(o) }),
        (e, l, o, t) => {
          removeEntry(o, l, t.f!)
          return fieldSubject(o, keyOf(e))
        },
      ),
    ]
  }),
  fieldEdit(
    "field / required → optional",
    "field-made-optional",
    (_e, l) => l === "requiredFields",
    (o) => ({ list: "requiredFields", entry: freshEntry(o) }),
    (e, l, o, t) => {
      moveEntry(o, l, t.f!)
      return fieldSubject(o, keyOf(e))
    },
  ),
  fieldEdit(
    "field / optional → required",
    "field-made-required",
    (_e, l) => l === "optionalFields",
    (o) => ({ list: "optionalFields", entry: freshEntry(o) }),
    (e, l, o, t) => {
      moveEntry(o, l, t.f!)
      return fieldSubject(o, keyOf(e))
    },
  ),
  fieldEdit(
    "field / mapToName / add",
    "field-mapping-changed",
    (e, _l, o) =>
      e.fieldName !== undefined &&
      e.mapToName === undefined &&
      !entriesOf(o).some((x) => x !== e && keyOf(x) === e.fieldName),
    (o) => ({ list: "optionalFields", entry: freshEntry(o) }),
    (e, _l, o) => {
      e.mapToName = freshMapTo(o)
      return fieldSubject(o, e.mapToName)
    },
  ),
  fieldEdit(
    "field / mapToName / remove",
    "field-mapping-changed",
    (e, _l, o) =>
      e.fieldName !== undefined && e.mapToName !== undefined && !entriesOf(o).some((x) => keyOf(x) === e.fieldName),
    (o) => ({ list: "optionalFields", entry: { fieldName: freshFieldName(o), mapToName: freshMapTo(o) } }),
    (e, _l, o) => {
      delete e.mapToName
      return fieldSubject(o, e.fieldName)
    },
  ),
  fieldEdit(
    "field / mapToName / change",
    "field-mapping-changed",
    (e) => e.fieldName !== undefined && e.mapToName !== undefined,
    (o) => ({ list: "requiredFields", entry: { fieldName: freshFieldName(o), mapToName: freshMapTo(o) } }),
    (e, _l, o) => {
      e.mapToName = fresh(fieldNamesOf(o), `${e.mapToName}Renamed`)
      return fieldSubject(o, e.mapToName)
    },
  ),
  fieldEdit(
    "field / customer mapping / rename (a new mapping)",
    "optional-field-added",
    (e, l) => e.fieldName === undefined && l === "optionalFields",
    (o) => ({ list: "optionalFields", entry: { mapToName: freshMapTo(o), prompt: "Pick one" } }),
    (e, _l, o) => {
      const old = e.mapToName
      e.mapToName = fresh(fieldNamesOf(o), `${old}Renamed`)
      return [
        { id: "optional-field-removed", subject: fieldSubject(o, old) },
        { id: "optional-field-added", subject: fieldSubject(o, e.mapToName) },
      ]
    },
  ),
  fieldEdit(
    "field / fieldName behind a mapping / change",
    "field-source-changed",
    (e) => e.fieldName !== undefined && e.mapToName !== undefined,
    (o) => ({ list: "requiredFields", entry: { fieldName: freshFieldName(o), mapToName: freshMapTo(o) } }),
    (e, _l, o) => {
      e.fieldName = fresh(fieldNamesOf(o), `${e.fieldName}_alt`)
      return fieldSubject(o, e.mapToName)
    },
  ),
  fieldEdit(
    "field / customer mapping → fixed provider field",
    "field-source-changed",
    (e) => e.fieldName === undefined,
    (o) => ({ list: "optionalFields", entry: { mapToName: freshMapTo(o), prompt: "Pick one" } }),
    (e, _l, o) => {
      const changes: Array<Omit<Expected, "integration">> = [
        { id: "field-source-changed", subject: fieldSubject(o, e.mapToName) },
      ]
      if (e.default !== undefined || e.prompt !== undefined)
        changes.push({ id: "field-display-changed", subject: fieldSubject(o, e.mapToName) })
      delete e.default
      delete e.prompt
      e.fieldName = freshFieldName(o)
      return changes
    },
  ),
  ...(["mapToDisplayName", "prompt", "default"] as const).flatMap(
    (member): Array<Edit> => [
      fieldEdit(
        `field / ${member} / add`,
        "field-display-changed",
        (e) =>
          e[member] === undefined &&
          (member === "mapToDisplayName" ? e.mapToName !== undefined : e.fieldName === undefined),
        (o) => ({ list: "optionalFields", entry: { mapToName: freshMapTo(o) } }),
        (e, _l, o) => {
          e[member] = member === "default" ? "amount" : "Shown to customers"
          return fieldSubject(o, keyOf(e))
        },
      ),
      fieldEdit(
        `field / ${member} / change`,
        "field-display-changed",
        (e) => e[member] !== undefined,
        (o) => ({ list: "optionalFields", entry: { mapToName: freshMapTo(o), [member]: "Before" } }),
        (e, _l, o) => {
          e[member] = `${e[member]} (edited)`
          return fieldSubject(o, keyOf(e))
        },
      ),
      fieldEdit(
        `field / ${member} / remove`,
        "field-display-changed",
        (e) => e[member] !== undefined,
        (o) => ({ list: "optionalFields", entry: { mapToName: freshMapTo(o), [member]: "Before" } }),
        (e, _l, o) => {
          delete e[member]
          return fieldSubject(o, keyOf(e))
        },
      ),
    ],
  ),
]

const writeEdits: Array<Edit> = [
  objectEdit(
    "write object / inheritMapping / toggle",
    "write",
    "write-inherit-mapping-changed",
    () => true,
    () => {},
    (o) => {
      if (o.inheritMapping === true) delete o.inheritMapping
      else o.inheritMapping = true
      return ["write", o.objectName, "inheritMapping"]
    },
  ),
  objectEdit(
    "write object / valueDefaults.allowAnyFields / true → false",
    "write",
    "write-value-defaults-changed",
    (o) => o.valueDefaults?.allowAnyFields === true,
    (o) => (o.valueDefaults = { allowAnyFields: true }),
    (o) => {
      o.valueDefaults.allowAnyFields = false
      return ["write", o.objectName, "valueDefaults"]
    },
  ),
  objectEdit(
    "write object / valueDefaults / remove while allowAnyFields",
    "write",
    "write-value-defaults-changed",
    (o) => o.valueDefaults?.allowAnyFields === true,
    (o) => (o.valueDefaults = { allowAnyFields: true }),
    (o) => {
      delete o.valueDefaults
      return ["write", o.objectName, "valueDefaults"]
    },
  ),
  objectEdit(
    "write object / valueDefaults.allowAnyFields / false → true",
    "write",
    "write-value-defaults-changed",
    (o) => o.valueDefaults?.allowAnyFields !== true,
    (o) => delete o.valueDefaults,
    (o) => {
      o.valueDefaults = { allowAnyFields: true }
      return ["write", o.objectName, "valueDefaults"]
    },
  ),
]

const events = ["createEvent", "updateEvent", "deleteEvent", "associationChangeEvent"] as const
const watch = (o: Obj) => o.updateEvent
const hasWatchList = (o: Obj) => Array.isArray(watch(o)?.requiredWatchFields) && watch(o).requiredWatchFields.length > 0

const subscribeEdits: Array<Edit> = [
  objectEdit(
    "subscribe object / destination / change",
    "subscribe",
    "subscribe-destination-changed",
    () => true,
    () => {},
    (o) => {
      o.destination = `${o.destination}Moved`
      return ["subscribe", o.objectName, "destination"]
    },
  ),
  objectEdit(
    "subscribe object / inheritFieldsAndMapping / toggle",
    "subscribe",
    "subscribe-inherit-fields-changed",
    () => true,
    () => {},
    (o) => {
      o.inheritFieldsAndMapping = o.inheritFieldsAndMapping !== true
      return ["subscribe", o.objectName, "inheritFieldsAndMapping"]
    },
  ),
  ...events.flatMap(
    (event): Array<Edit> => [
      objectEdit(
        `subscribe object / ${event} / add`,
        "subscribe",
        "subscribe-event-added",
        (o) => o[event] === undefined,
        (o) => delete o[event],
        (o) => {
          o[event] = event === "updateEvent" ? { enabled: "always", watchFieldsAuto: "all" } : { enabled: "always" }
          return ["subscribe", o.objectName, event]
        },
      ),
      objectEdit(
        `subscribe object / ${event} / remove`,
        "subscribe",
        "subscribe-event-removed",
        (o) => o[event] !== undefined,
        (o) => (o[event] = { enabled: "always" }),
        (o) => {
          delete o[event]
          return ["subscribe", o.objectName, event]
        },
      ),
    ],
  ),
  objectEdit(
    "subscribe object / otherEvents entry / add",
    "subscribe",
    "subscribe-other-event-added",
    () => true,
    () => {},
    (o) => {
      const name = fresh(o.otherEvents ?? [], "object.merged")
      o.otherEvents = [...(o.otherEvents ?? []), name]
      return ["subscribe", o.objectName, "otherEvents", name]
    },
  ),
  objectEdit(
    "subscribe object / otherEvents entry / remove",
    "subscribe",
    "subscribe-other-event-removed",
    (o) =>
      Array.isArray(o.otherEvents) && o.otherEvents.length > 0 && o.otherEvents.lastIndexOf(o.otherEvents[0]) === 0,
    (o) => (o.otherEvents = ["UNDELETE"]),
    (o) => {
      const [name] = o.otherEvents.splice(0, 1)
      return ["subscribe", o.objectName, "otherEvents", name]
    },
  ),
  objectEdit(
    "subscribe object / requiredWatchFields entry / add",
    "subscribe",
    "watch-fields-changed",
    hasWatchList,
    (o) => (o.updateEvent = { enabled: "always", requiredWatchFields: ["name"] }),
    (o) => {
      o.updateEvent.requiredWatchFields = [
        ...o.updateEvent.requiredWatchFields,
        fresh(o.updateEvent.requiredWatchFields, "industry"),
      ]
      return ["subscribe", o.objectName, "updateEvent", "watch"]
    },
  ),
  objectEdit(
    "subscribe object / requiredWatchFields entry / remove",
    "subscribe",
    "watch-fields-changed",
    (o) => hasWatchList(o) && new Set(watch(o).requiredWatchFields).size > 1,
    (o) => (o.updateEvent = { enabled: "always", requiredWatchFields: ["name", "email"] }),
    (o) => {
      const [gone] = o.updateEvent.requiredWatchFields.splice(0, 1)
      o.updateEvent.requiredWatchFields = o.updateEvent.requiredWatchFields.filter((f: string) => f !== gone)
      return ["subscribe", o.objectName, "updateEvent", "watch"]
    },
  ),
  ...(
    [
      [
        "all → selected",
        (u: Obj) => u.watchFieldsAuto === "all",
        { watchFieldsAuto: "all" },
        { watchFieldsAuto: "selected" },
      ],
      [
        "selected → all",
        (u: Obj) => u.watchFieldsAuto === "selected",
        { watchFieldsAuto: "selected" },
        { watchFieldsAuto: "all" },
      ],
      [
        "all → list",
        (u: Obj) => u.watchFieldsAuto === "all",
        { watchFieldsAuto: "all" },
        { requiredWatchFields: ["status"] },
      ],
      [
        "list → all",
        (u: Obj) => Array.isArray(u.requiredWatchFields) && u.requiredWatchFields.length > 0,
        { requiredWatchFields: ["status"] },
        { watchFieldsAuto: "all" },
      ],
    ] as const
  ).map(([how, where, setup, to]) =>
    objectEdit(
      `subscribe object / update watch / ${how}`,
      "subscribe",
      "watch-fields-changed",
      (o) => o.updateEvent !== undefined && where(o.updateEvent),
      (o) => (o.updateEvent = { enabled: "always", ...setup }),
      (o) => {
        o.updateEvent = { enabled: "always", ...to }
        return ["subscribe", o.objectName, "updateEvent", "watch"]
      },
    ),
  ),
  objectEdit(
    "subscribe object / includeFullRecords / toggle",
    "subscribe",
    "association-full-records-changed",
    (o) => o.associationChangeEvent !== undefined,
    (o) => (o.associationChangeEvent = { enabled: "always" }),
    (o) => {
      o.associationChangeEvent.includeFullRecords = o.associationChangeEvent.includeFullRecords !== true
      return ["subscribe", o.objectName, "associationChangeEvent", "includeFullRecords"]
    },
  ),
]

/** Every edit kind. */
export const edits: ReadonlyArray<Edit> = [
  ...integrationEdits,
  ...objectPresenceEdits,
  ...readObjectEdits,
  ...fieldEdits,
  ...writeEdits,
  ...subscribeEdits,
]

/** Apply `edit` to a copy of `m`: at one of its targets (chosen by `pick`), or after preparing one. */
export const applyEdit = (
  edit: Edit,
  m: Manifest,
  pick: number,
  options: { prepare: boolean } = { prepare: true },
): { before: Manifest; after: Manifest; expected: Array<Expected> } | undefined => {
  const before = clone(m)
  const targets = edit.targets(before)
  let target: Target
  if (targets.length > 0) target = targets[pick % targets.length]!
  else if (options.prepare) {
    if (before.integrations.length === 0)
      before.integrations.push({ name: "preparedIntegration", provider: "hubspot", proxy: { enabled: true } })
    target = edit.prepare(before)
  } else return undefined
  const after = clone(before)
  const expected = edit.apply(after, target)
  return { before, after, expected }
}

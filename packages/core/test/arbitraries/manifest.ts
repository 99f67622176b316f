/**
 * fast-check arbitraries of valid documents, for property tests across core (model, diff, plan).
 *
 * "Valid" means: decodes with the Effect schemas (Manifest.ts / Api.ts / Problem.ts) AND breaks no
 * error rule of design/rules.md that can be checked without a catalog: unique integration names,
 * unique objectName per read / write / subscribe list, non-empty names and destinations,
 * days xor fullHistory, `enabled: always` with a schedule and unmapped required fields, unique
 * `mapToName` and `fieldName` per object, subscribe objects backed by a read object of the same
 * name with `inheritFieldsAndMapping: true`, at most 5 Salesforce subscribe objects, well-formed
 * bracket paths, Google Calendar / Snowflake backfill limits. Warnings are avoided too, except the
 * occasional deprecated `delivery` block (a warning only). Values are JSON (plain prototypes).
 *
 * Names come from small realistic pools (objectName `account`, `contact`, `project/tickets`,
 * `touchpoints__c` …) so generated manifests share objects and integrations overlap between two
 * draws — what diff and planner properties need.
 */
import fc from "fast-check"

/** `fc.record` with every key required and a plain prototype (values look like parsed JSON). */
const strictRecord = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { noNullPrototype: true })

const record = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T, requiredKeys: Array<keyof T & string>) =>
  fc.record(model, { requiredKeys, noNullPrototype: true }) as fc.Arbitrary<{
    [K in keyof T]?: T[K] extends fc.Arbitrary<infer U> ? U : never
  }>

/** Provider object names, as seen in real samples (slashes, dots, `__c`, upper case included). */
export const objectNamePool = [
  "account",
  "contact",
  "lead",
  "opportunity",
  "deal",
  "company",
  "person",
  "ticket",
  "task",
  "note",
  "events",
  "invoice",
  "users",
  "project/tickets",
  "job.appointments",
  "touchpoints__c",
  "CUSTOMERS",
] as const

/** Provider field names, including nested bracket paths. */
export const fieldNamePool = [
  "name",
  "email",
  "phone",
  "industry",
  "website",
  "billingcity",
  "stagename",
  "amount",
  "status",
  "ownerid",
  "createdAt",
  "Custom_Field__c",
  "$['address']['city']",
  "$['tags'][*]",
] as const

/** Names fields and objects are delivered under. */
export const mapToNamePool = [
  "city",
  "stage",
  "owner",
  "fullName",
  "emailAddress",
  "source",
  "priority",
  "notes",
] as const

export const destinationPool = ["defaultWebhook", "crmStream", "myWebhook", "kinesisMain"] as const

/** Valid 5-field schedules, at most every 10 minutes. */
export const schedulePool = ["*/10 * * * *", "*/30 * * * *", "0 */6 * * *", "*/15 * * * *", "0 0 * * *"] as const

/** Providers, with their modules (first = default) where the catalog has modules. */
export const providerModules: Readonly<Record<string, ReadonlyArray<string>>> = {
  salesforce: ["crm"],
  hubspot: ["crm"],
  zoho: ["crm", "desk"],
  google: ["calendar", "contacts", "gmail"],
  pipedrive: [],
  netsuite: [],
  attio: [],
  gong: [],
  stripe: [],
  housecallPro: [],
  dynamicsCRM: [],
  snowflake: [],
}

export const providerPool = Object.keys(providerModules)

/** Integration names: camelCase, kebab or snake, at most 64 characters of `[A-Za-z0-9_-]`. */
export const integrationNameArb = fc.stringMatching(/^[a-z][A-Za-z0-9]{2,18}([-_][a-z0-9]{1,8})?$/)

const displayNameArb = fc.constantFrom(
  "Salesforce CRM",
  "Read accounts",
  "HubSpot sync",
  "Calendar events",
  "Ünïcode ✓",
)

interface FieldEntryJson {
  readonly fieldName?: string
  readonly mapToName?: string
  readonly mapToDisplayName?: string
  readonly default?: string
  readonly prompt?: string
}

/**
 * The field entries of one read object (required and optional), with unique `fieldName`s and
 * unique `mapToName`s across both lists. With `unmappedRequired`, required entries have no
 * `mapToName` (what `enabled: always` demands) and there is at least one.
 */
export const fieldListsArb = (unmappedRequired: boolean) =>
  fc
    .record({
      fields: fc.uniqueArray(fc.constantFrom(...fieldNamePool), { minLength: unmappedRequired ? 1 : 0, maxLength: 6 }),
      mapTos: fc.shuffledSubarray([...mapToNamePool]),
      split: fc.nat({ max: 6 }),
      shapes: fc.array(fc.nat({ max: 9 }), { minLength: 12, maxLength: 12 }),
      prompts: fc.nat({ max: 3 }),
    })
    .map(({ fields, mapTos, split, shapes, prompts }) => {
      const mapTo = [...mapTos]
      const required: Array<FieldEntryJson> = []
      const optional: Array<FieldEntryJson> = []
      const cut = unmappedRequired ? Math.max(1, Math.min(split, fields.length)) : Math.min(split, fields.length)
      fields.forEach((fieldName, i) => {
        const isRequired = i < cut
        const shape = shapes[i] ?? 0
        const mapped = !(unmappedRequired && isRequired) && shape >= 6 && mapTo.length > 0
        const entry: FieldEntryJson = mapped
          ? shape === 9
            ? { fieldName, mapToName: mapTo.shift() as string, mapToDisplayName: "Mapped field" }
            : { fieldName, mapToName: mapTo.shift() as string }
          : { fieldName }
        ;(isRequired ? required : optional).push(entry)
      })
      for (let p = 0; p < prompts && mapTo.length > 0; p++) {
        const mapToName = mapTo.shift() as string
        const entry: FieldEntryJson =
          p === 0
            ? { mapToName, mapToDisplayName: "Pick a field", prompt: `Which field holds ${mapToName}?` }
            : p === 1
              ? { mapToName, default: "name" }
              : { mapToName }
        ;(unmappedRequired || p % 2 === 0 ? optional : required).push(entry)
      }
      return { required, optional }
    })

const backfillArb = (provider: string, module: string | undefined, objectName: string) => {
  const calendarEvents =
    provider === "google" && (module === undefined || module === "calendar") && objectName === "events"
  if (calendarEvents) return strictRecord({ defaultPeriod: strictRecord({ days: fc.integer({ min: 0, max: 28 }) }) })
  if (provider === "snowflake") return strictRecord({ defaultPeriod: strictRecord({ fullHistory: fc.boolean() }) })
  return fc.oneof(
    strictRecord({ defaultPeriod: strictRecord({ days: fc.integer({ min: 0, max: 180 }) }) }),
    strictRecord({ defaultPeriod: strictRecord({ fullHistory: fc.constant(false) }) }),
  )
}

/** A new object on every draw (never one shared reference: callers may mutate what they get). */
const fresh = <T>(make: () => T): fc.Arbitrary<T> => fc.constant(null).map(make)

/** `arb` once in `oneIn` draws, else `null`. */
const rarely = <T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: oneIn - 1 }, { arbitrary: arb, weight: 1 })

const deliveryArb = fc.oneof(
  fresh(() => ({ mode: "auto" as const })),
  strictRecord({ mode: fc.constant("onRequest" as const), pageSize: fc.integer({ min: 50, max: 500 }) }),
)

/** A valid read object for `objectName` of an integration of `provider` / `module`. */
export const readObjectArb = (provider: string, module: string | undefined, objectName: string) =>
  fc.boolean().chain((alwaysEnabled) =>
    fc
      .record({
        destination: fc.constantFrom(...destinationPool),
        schedule: alwaysEnabled ? fc.constantFrom(...schedulePool) : fc.option(fc.constantFrom(...schedulePool, "")),
        objectMapping: fc.option(fc.constantFrom("people", "companies", "records")),
        fields: fieldListsArb(alwaysEnabled),
        optionalFieldsAuto: fc.boolean(),
        backfill: fc.option(backfillArb(provider, module, objectName)),
        delivery: rarely(deliveryArb, 8),
      })
      .map(({ destination, schedule, objectMapping, fields, optionalFieldsAuto, backfill, delivery }) => ({
        objectName,
        destination,
        ...(schedule !== null ? { schedule } : {}),
        ...(objectMapping !== null ? { mapToName: objectMapping, mapToDisplayName: objectMapping.toUpperCase() } : {}),
        ...(fields.required.length > 0 ? { requiredFields: fields.required } : {}),
        ...(fields.optional.length > 0 ? { optionalFields: fields.optional } : {}),
        ...(optionalFieldsAuto ? { optionalFieldsAuto: "all" as const } : {}),
        ...(backfill !== null ? { backfill } : {}),
        ...(delivery !== null ? { delivery } : {}),
        ...(alwaysEnabled ? { enabled: "always" as const } : {}),
      })),
  )

const topLevelFieldArb = fc.constantFrom("name", "email", "status", "amount", "stage", "city")

/** A valid subscribe object for a read object named `objectName`. */
export const subscribeObjectArb = (provider: string, objectName: string) =>
  fc
    .record({
      destination: fc.constantFrom(...destinationPool),
      create: fc.boolean(),
      update: fc.option(
        fc.oneof(
          strictRecord({
            enabled: fc.constant("always" as const),
            watchFieldsAuto: fc.constantFrom("all" as const, "selected" as const),
          }),
          strictRecord({
            enabled: fc.constant("always" as const),
            requiredWatchFields: fc.uniqueArray(topLevelFieldArb, { minLength: 1, maxLength: 3 }),
          }),
        ),
      ),
      del: fc.boolean(),
      association: provider === "hubspot" ? fc.option(fc.boolean()) : fc.constant(null),
      otherEvents: fc.option(
        fc.uniqueArray(fc.constantFrom("UNDELETE", "contact.merge", "object.restored"), { minLength: 1 }),
      ),
    })
    .map(({ destination, create, update, del, association, otherEvents }) => {
      const anyEvent = create || update !== null || del || association !== null
      const events = anyEvent || otherEvents !== null ? {} : { createEvent: { enabled: "always" as const } }
      return {
        objectName,
        destination,
        inheritFieldsAndMapping: true,
        ...events,
        ...(create ? { createEvent: { enabled: "always" as const } } : {}),
        ...(update !== null ? { updateEvent: update } : {}),
        ...(del ? { deleteEvent: { enabled: "always" as const } } : {}),
        ...(association !== null
          ? { associationChangeEvent: { enabled: "always" as const, includeFullRecords: association } }
          : {}),
        ...(otherEvents !== null ? { otherEvents } : {}),
      }
    })

const watchSchemaArb = fc.record(
  {
    destination: fc.constantFrom(...destinationPool),
    schedule: fc.constantFrom("0 */6 * * *", "0 0 * * *", "0 */24 * * *"),
    allObjects: record(
      {
        fieldCreated: fresh(() => ({ enabled: "always" as const })),
        fieldDeleted: fresh(() => ({ enabled: "always" as const })),
        fieldChanged: fresh(() => ({ enabled: "always" as const })),
      },
      [],
    ),
  },
  { requiredKeys: ["destination", "allObjects"], noNullPrototype: true },
)

/** A valid integration block named `name` (the manifest's `integrations[]` item, a revision's content). */
export const integrationBlockArb = (name: string) =>
  fc
    .record({
      provider: fc.constantFrom(...providerPool),
      moduleIndex: fc.option(fc.nat({ max: 2 })),
      displayName: fc.option(displayNameArb),
      readNames: fc.uniqueArray(fc.constantFrom(...objectNamePool), { maxLength: 4 }),
      writeNames: fc.uniqueArray(fc.constantFrom(...objectNamePool), { maxLength: 3 }),
      subscribeCount: fc.nat({ max: 3 }),
      proxy: fc.option(record({ enabled: fc.boolean(), useModule: fc.boolean() }, ["enabled"])),
      inherit: fc.boolean(),
      allowAny: fc.option(fc.boolean()),
      watch: rarely(watchSchemaArb, 4),
    })
    .chain(
      ({
        provider,
        moduleIndex,
        displayName,
        readNames,
        writeNames,
        subscribeCount,
        proxy,
        inherit,
        allowAny,
        watch,
      }) => {
        const modules = providerModules[provider] ?? []
        const module = moduleIndex !== null && modules.length > 0 ? modules[moduleIndex % modules.length] : undefined
        const needsProxy = readNames.length === 0 && writeNames.length === 0 && proxy === null
        const subscribeNames = readNames.slice(0, Math.min(subscribeCount, provider === "salesforce" ? 5 : 3))
        return fc
          .record({
            read: fc.tuple(...readNames.map((n) => readObjectArb(provider, module, n))),
            subscribe: fc.tuple(...subscribeNames.map((n) => subscribeObjectArb(provider, n))),
          })
          .map(({ read, subscribe }) => ({
            name,
            provider,
            ...(displayName !== null ? { displayName } : {}),
            ...(module !== undefined ? { module } : {}),
            ...(read.length > 0 ? { read: { objects: read } } : {}),
            ...(writeNames.length > 0
              ? {
                  write: {
                    objects: writeNames.map((objectName) => ({
                      objectName,
                      ...(inherit && readNames.includes(objectName) ? { inheritMapping: true } : {}),
                      ...(allowAny !== null ? { valueDefaults: { allowAnyFields: allowAny } } : {}),
                    })),
                  },
                }
              : {}),
            ...(proxy !== null ? { proxy } : needsProxy ? { proxy: { enabled: true } } : {}),
            ...(subscribe.length > 0 ? { subscribe: { objects: subscribe } } : {}),
            ...(watch !== null && read.length > 0 ? { watchSchema: watch } : {}),
          }))
      },
    )

/** A valid `amp.yaml` manifest (as plain JSON) with 1–`maxIntegrations` integrations of unique names. */
export const manifestArb = (maxIntegrations = 4) =>
  fc
    .uniqueArray(integrationNameArb, { minLength: 1, maxLength: maxIntegrations })
    .chain((names) => fc.tuple(...names.map(integrationBlockArb)))
    .map((integrations) => ({ specVersion: "1.0.0" as const, integrations }))

// ---------------------------------------------------------------------------------------------
// API documents

/** Strict RFC 3339 date-times in every accepted form (0–9 fraction digits, `T`/`t`, `Z`/`z`/offsets). */
export const dateTimeArb = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
    t: fc.constantFrom("T", "t"),
    zone: fc.oneof(
      fc.constantFrom("Z", "z"),
      fc
        .record({
          sign: fc.constantFrom("+", "-"),
          h: fc.integer({ min: 0, max: 23 }),
          m: fc.integer({ min: 0, max: 59 }),
        })
        .map(({ sign, h, m }) => `${sign}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, t, zone }) => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    const max = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
    const pad = (n: number, w = 2) => String(n).padStart(w, "0")
    return (
      `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, max))}${t}${pad(hour)}:${pad(minute)}:${pad(second)}` +
      `${fraction !== null ? `.${fraction}` : ""}${zone}`
    )
  })

/** Realistic API timestamps: 2023–2027, UTC, 0, 3 or 6 fraction digits. */
export const apiTimestampArb = fc
  .record({
    ms: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) }),
    micros: fc.nat({ max: 999 }),
    digits: fc.constantFrom(0, 3, 6),
  })
  .map(({ ms, micros, digits }) => {
    const iso = new Date(ms).toISOString()
    if (digits === 0) return `${iso.slice(0, 19)}Z`
    if (digits === 3) return iso
    return `${iso.slice(0, 23)}${String(micros).padStart(3, "0")}Z`
  })

/** A revision of an integration block (the CLI's extra `integrationId` sometimes present). */
export const revisionArb = (content: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .record({ id: fc.uuid(), createTime: apiTimestampArb, content, integrationId: fc.option(fc.uuid()) })
    .map(({ id, createTime, content, integrationId }) => ({
      id,
      specVersion: "1.0.0",
      createTime,
      content,
      ...(integrationId !== null ? { integrationId } : {}),
    }))

/** An API integration whose latest revision holds a valid integration block. */
export const integrationArb = (name?: string) =>
  (name !== undefined ? fc.constant(name) : integrationNameArb).chain((n) =>
    fc
      .record({
        id: fc.uuid(),
        projectId: fc.constantFrom("project-456", "0b6c4a6e-4c1f-4d57-9e5f-2b0a9b6d7c11"),
        createTime: apiTimestampArb,
        updateTime: fc.option(apiTimestampArb),
        latestRevision: revisionArb(integrationBlockArb(n)),
      })
      .map(({ id, projectId, createTime, updateTime, latestRevision }) => ({
        id,
        projectId,
        name: n,
        provider: latestRevision.content.provider as string,
        createTime,
        ...(updateTime !== null ? { updateTime } : {}),
        latestRevision,
      })),
  )

/** A list-integrations body: integrations with unique names. */
export const integrationListArb = (maxLength = 4) =>
  fc.uniqueArray(integrationNameArb, { maxLength }).chain((names) => fc.tuple(...names.map((n) => integrationArb(n))))

const problemCoreArb = record(
  {
    type: fc.constantFrom(
      "about:blank",
      "urn:problem-type:ampersand:validation",
      "https://docs.withampersand.com/problems/x",
    ),
    href: fc.constant("https://docs.withampersand.com/problems"),
    title: fc.constantFrom("Bad Request", "Service Unavailable", "Unprocessable Entity"),
    status: fc.integer({ min: 400, max: 599 }),
    detail: fc.string({ maxLength: 60 }),
    instance: fc.constantFrom("urn:uuid:123e4567-e89b-12d3-a456-426614174000", "123456-1234-1235-4567489798"),
    subsystem: fc.constantFrom("api", "scheduler"),
    time: apiTimestampArb,
    requestId: fc.constant("89eb1ffb-2a54-4105-aaae-7bf990f1aa69#87715"),
    causes: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    remedy: fc.string({ maxLength: 40 }),
    supportEmail: fc.constant("support@withampersand.com"),
    supportPhone: fc.constant("+1-555-555-5555"),
    supportUrl: fc.constant("https://withampersand.com/support"),
    retryable: fc.boolean(),
    retryAfter: apiTimestampArb,
    context: fc.dictionary(fc.constantFrom("name", "integration", "field"), fc.jsonValue({ maxDepth: 2 }), {
      noNullPrototype: true,
    }),
  },
  [],
)

const extensionMembersArb = fc.dictionary(
  fc.constantFrom("rule", "line", "column", "traceId", "x-extra"),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3, noNullPrototype: true },
)

/** A valid input validation issue (every member of the right type). */
export const issueArb = fc
  .record({
    core: problemCoreArb,
    fields: record(
      {
        in: fc.constantFrom("body", "header", "path", "query"),
        name: fc.constantFrom("items[0].examplePropertyWithPattern", "name", "/integrations/0/name"),
        value: fc.jsonValue({ maxDepth: 2 }),
      },
      [],
    ),
    extensions: extensionMembersArb,
  })
  .map(({ core, fields, extensions }) => ({ ...extensions, ...core, ...fields }))

/** A valid API problem body, sometimes an input validation problem with `issues`. */
export const problemArb = fc
  .record({
    core: problemCoreArb,
    issues: fc.option(fc.array(issueArb, { maxLength: 3 })),
    extensions: extensionMembersArb,
  })
  .map(({ core, issues, extensions }) => ({ ...extensions, ...core, ...(issues !== null ? { issues } : {}) }))

/**
 * The `amp.yaml` manifest and its integration block (= an API `Revision.content`), as Effect schemas,
 * field for field as design/domain.md §2 (OAS `manifest/manifest.yaml`, 2026-08), including what is
 * newer than the 2025-04 SDK: `module`, `proxy.useModule`, read `enabled: always`,
 * `updateEvent.watchFieldsAuto: selected`, `watchSchema`.
 *
 * What the schemas enforce (the typed model): JSON types, required keys, enums, integer-ness.
 * What they deliberately do not enforce: value-level rules (non-empty names, name format, backfill
 * `days` xor `fullHistory`, `pageSize` range, cron syntax, uniqueness …). Those belong to the
 * validator's rules (design/rules.md), so that a document with rule errors still decodes and can be
 * diffed or planned against. The JSON Schema (JsonSchema.ts) adds them back for editors.
 *
 * Keys: the typed decode drops unknown keys, as Ampersand's server does; the validator reports them
 * as `unknown-key` warnings (Shape.ts). The server also matches keys case-insensitively
 * (Go `encoding/json`); `decodeDocument` (Document.ts) does the same before decoding.
 *
 * Annotations read by Shape.ts (see there): `ruleOwner` on a node, key or filter names the rule
 * that reports that condition instead of the generic shape finding; `label` names the object in
 * messages.
 */
import * as Schema from "effect/Schema"

import { LABEL, NO_BRANCH_OWNER, RULE_OWNER } from "./internal/annotations.js"

export { LABEL, NO_BRANCH_OWNER, RULE_OWNER } from "./internal/annotations.js"

const ownedBy = (rule: string) => ({ [RULE_OWNER]: rule })
/** A required key whose absence is reported by `rule` (not by the generic `missing-key`). */
const missingReportedBy = <S extends Schema.Top>(rule: string) => Schema.annotateKey<S>(ownedBy(rule))

const str = (description: string) => Schema.String.annotate({ description })
const optionalStr = (description: string) => Schema.optionalKey(str(description))
const optionalBool = (description: string) => Schema.optionalKey(Schema.Boolean.annotate({ description }))

// ---------------------------------------------------------------------------------------------
// Field entries (domain §2.5)

/** Schema of {@link FieldExistent}. */
export const FieldExistent = Schema.Struct({
  fieldName: str("Provider field name, or a nested path such as $['address']['city']."),
  mapToName: optionalStr("Name to deliver the field under (a builder-defined field mapping)."),
  mapToDisplayName: optionalStr("Display name of the mapped field."),
}).annotate({ identifier: "IntegrationFieldExistent", [LABEL]: "field entry", title: "Existing field" })
/** A field entry naming a concrete provider field (`fieldName`), optionally mapped to `mapToName`. */
export interface FieldExistent extends Schema.Schema.Type<typeof FieldExistent> {}

/** Schema of {@link FieldMapping}. */
export const FieldMapping = Schema.Struct({
  fieldName: Schema.optionalKey(Schema.Never),
  mapToName: str("Name the customer's chosen provider field is delivered under."),
  mapToDisplayName: optionalStr("Display name of the mapping in the install UI."),
  default: optionalStr("Suggested provider field name."),
  prompt: optionalStr("Help text shown in the install UI."),
}).annotate({ identifier: "IntegrationFieldMapping", [LABEL]: "field mapping", title: "User-defined field mapping" })
/** A user-defined ("prompt") mapping: no `fieldName`; the customer picks the provider field at install time. */
export interface FieldMapping extends Schema.Schema.Type<typeof FieldMapping> {}

/**
 * Schema of {@link FieldEntry}. Resolved as the server does: `fieldName` present ⇒ existing field,
 * otherwise mapping (the mapping variant refuses a `fieldName` key, so the union never hesitates).
 */
export const FieldEntry = Schema.Union([FieldExistent, FieldMapping]).annotate({
  identifier: "IntegrationField",
  [NO_BRANCH_OWNER]: "field-entry-shape",
})
/** An entry of `requiredFields` / `optionalFields`: {@link FieldExistent} or {@link FieldMapping}. */
export type FieldEntry = FieldExistent | FieldMapping

/** Whether a field entry names a provider field (`fieldName` present). */
export const isFieldExistent = (entry: FieldEntry): entry is FieldExistent => entry.fieldName !== undefined

// ---------------------------------------------------------------------------------------------
// Read (domain §2.4, §2.6, §2.7)

/** Schema of {@link DefaultPeriod}. `days` xor `fullHistory` and `days ≥ 0` are rule `backfill-config`. */
export const DefaultPeriod = Schema.Struct({
  days: Schema.optionalKey(
    Schema.Number.check(Schema.isInt(ownedBy("backfill-config"))).annotate({
      description: "Backfill the last N days (0 = no backfill). Exactly one of days / fullHistory.",
    }),
  ),
  fullHistory: optionalBool("Backfill all history. Exactly one of days / fullHistory."),
}).annotate({ identifier: "DefaultPeriod", [LABEL]: "defaultPeriod", title: "Default backfill period" })
/** How far back a new installation reads: `days` or `fullHistory`. */
export interface DefaultPeriod extends Schema.Schema.Type<typeof DefaultPeriod> {}

/** Schema of {@link Backfill}. */
export const Backfill = Schema.Struct({
  defaultPeriod: DefaultPeriod.pipe(missingReportedBy("backfill-config")),
}).annotate({ identifier: "Backfill", [LABEL]: "backfill", title: "Backfill" })
/** Backfill of a read object (omitted ≡ no backfill). */
export interface Backfill extends Schema.Schema.Type<typeof Backfill> {}

/** Schema of {@link Delivery}. The mode/pageSize pairing and range are rule `delivery-mode`. */
export const Delivery = Schema.Struct({
  mode: Schema.optionalKey(
    Schema.Literals(["onRequest", "auto"]).annotate({ description: "Delivery mode (default auto)." }),
  ),
  pageSize: Schema.optionalKey(
    Schema.Int.annotate({ description: "Records per delivery, 50–500; only with mode onRequest." }),
  ),
}).annotate({ identifier: "Delivery", [LABEL]: "delivery", title: "Delivery (deprecated)" })
/** Delivery settings of a read object (a deprecated feature). */
export interface Delivery extends Schema.Schema.Type<typeof Delivery> {}

const FieldEntries = (description: string) => Schema.optionalKey(Schema.Array(FieldEntry).annotate({ description }))

/** Schema of {@link ReadObject}. */
export const ReadObject = Schema.Struct({
  objectName: str("Provider object name (case-sensitive)."),
  destination: str("Name of a destination of the project."),
  schedule: optionalStr("5-field cron schedule; empty or absent: reads only when triggered."),
  mapToName: optionalStr("Object name to deliver under."),
  mapToDisplayName: optionalStr("Display name of the mapped object."),
  requiredFields: FieldEntries("Fields read for every installation."),
  optionalFields: FieldEntries("Fields the customer may choose."),
  optionalFieldsAuto: Schema.optionalKey(
    Schema.Literal("all").annotate({ description: "Let the customer choose from all fields." }),
  ),
  backfill: Schema.optionalKey(Backfill),
  delivery: Schema.optionalKey(Delivery),
  enabled: Schema.optionalKey(
    Schema.Literal("always").annotate({ description: "Read this object for every installation." }),
  ),
}).annotate({ identifier: "ReadObject", [LABEL]: "read object", title: "Read object" })
/** One object of a read action. */
export interface ReadObject extends Schema.Schema.Type<typeof ReadObject> {}

/** Schema of {@link ReadAction}. A missing or empty `objects` is rule `read-objects`. */
export const ReadAction = Schema.Struct({
  objects: Schema.Array(ReadObject).pipe(missingReportedBy("read-objects")),
}).annotate({ identifier: "IntegrationRead", [LABEL]: "read", title: "Read action" })
/** The read action of an integration. */
export interface ReadAction extends Schema.Schema.Type<typeof ReadAction> {}

// ---------------------------------------------------------------------------------------------
// Write (domain §2.8)

/** Schema of {@link ValueDefaults}. */
export const ValueDefaults = Schema.Struct({
  allowAnyFields: optionalBool("Let users set default write values for any field."),
}).annotate({ identifier: "ValueDefaults", [LABEL]: "valueDefaults", title: "Value defaults" })
/** Default-value settings of a write object. */
export interface ValueDefaults extends Schema.Schema.Type<typeof ValueDefaults> {}

/** Schema of {@link WriteObject}. */
export const WriteObject = Schema.Struct({
  objectName: str("Provider object name (case-sensitive)."),
  inheritMapping: optionalBool("Reuse the object and field mappings of the read object of the same name."),
  valueDefaults: Schema.optionalKey(ValueDefaults),
}).annotate({ identifier: "WriteObject", [LABEL]: "write object", title: "Write object" })
/** One object of a write action. */
export interface WriteObject extends Schema.Schema.Type<typeof WriteObject> {}

/** Schema of {@link WriteAction}. A missing or empty `objects` is rule `write-objects`. */
export const WriteAction = Schema.Struct({
  objects: Schema.Array(WriteObject).pipe(missingReportedBy("write-objects")),
}).annotate({ identifier: "IntegrationWrite", [LABEL]: "write", title: "Write action" })
/** The write action of an integration. */
export interface WriteAction extends Schema.Schema.Type<typeof WriteAction> {}

// ---------------------------------------------------------------------------------------------
// Subscribe (domain §2.9)

const Always = (description: string) => Schema.optionalKey(Schema.Literal("always").annotate({ description }))

/** Schema of {@link CreateEvent}. */
export const CreateEvent = Schema.Struct({
  enabled: Always("Subscribe to create events by default."),
}).annotate({ identifier: "CreateEvent", [LABEL]: "createEvent", title: "Create event" })
/** Create-event settings of a subscribe object. */
export interface CreateEvent extends Schema.Schema.Type<typeof CreateEvent> {}

/** Schema of {@link UpdateEvent}. */
export const UpdateEvent = Schema.Struct({
  enabled: Always("Subscribe to update events by default."),
  watchFieldsAuto: Schema.optionalKey(
    Schema.Literals(["all", "selected"]).annotate({ description: "Watch all fields, or the selected ones." }),
  ),
  requiredWatchFields: Schema.optionalKey(
    Schema.Array(Schema.String).annotate({ description: "Top-level fields whose change triggers an event." }),
  ),
}).annotate({ identifier: "UpdateEvent", [LABEL]: "updateEvent", title: "Update event" })
/** Update-event settings of a subscribe object. */
export interface UpdateEvent extends Schema.Schema.Type<typeof UpdateEvent> {}

/** Schema of {@link DeleteEvent}. */
export const DeleteEvent = Schema.Struct({
  enabled: Always("Subscribe to delete events by default."),
}).annotate({ identifier: "DeleteEvent", [LABEL]: "deleteEvent", title: "Delete event" })
/** Delete-event settings of a subscribe object. */
export interface DeleteEvent extends Schema.Schema.Type<typeof DeleteEvent> {}

/** Schema of {@link AssociationChangeEvent}. */
export const AssociationChangeEvent = Schema.Struct({
  enabled: Always("Subscribe to association change events."),
  includeFullRecords: optionalBool("Include full records in the event payload."),
}).annotate({ identifier: "AssociationChangeEvent", [LABEL]: "associationChangeEvent", title: "Association event" })
/** Association-change-event settings of a subscribe object (HubSpot). */
export interface AssociationChangeEvent extends Schema.Schema.Type<typeof AssociationChangeEvent> {}

/** Schema of {@link SubscribeObject}. */
export const SubscribeObject = Schema.Struct({
  objectName: str("Provider object name."),
  destination: str("Name of a destination of the project."),
  inheritFieldsAndMapping: optionalBool("Use the fields and mappings of the read object of the same name."),
  createEvent: Schema.optionalKey(CreateEvent),
  updateEvent: Schema.optionalKey(UpdateEvent),
  deleteEvent: Schema.optionalKey(DeleteEvent),
  associationChangeEvent: Schema.optionalKey(AssociationChangeEvent),
  otherEvents: Schema.optionalKey(
    Schema.Array(Schema.String).annotate({ description: "Raw provider event names, matched exactly." }),
  ),
}).annotate({ identifier: "SubscribeObject", [LABEL]: "subscribe object", title: "Subscribe object" })
/** One object of a subscribe action. */
export interface SubscribeObject extends Schema.Schema.Type<typeof SubscribeObject> {}

/** Schema of {@link SubscribeAction}. A missing or empty `objects` is rule `subscribe-objects`. */
export const SubscribeAction = Schema.Struct({
  objects: Schema.Array(SubscribeObject).pipe(missingReportedBy("subscribe-objects")),
}).annotate({ identifier: "IntegrationSubscribe", [LABEL]: "subscribe", title: "Subscribe action" })
/** The subscribe action of an integration. */
export interface SubscribeAction extends Schema.Schema.Type<typeof SubscribeAction> {}

// ---------------------------------------------------------------------------------------------
// Proxy, watchSchema (domain §2.3, §2.10)

/** Schema of {@link ProxyAction}. */
export const ProxyAction = Schema.Struct({
  enabled: optionalBool("Enable the proxy action (default false)."),
  useModule: optionalBool("Use the module's base URL instead of the provider's root (default false)."),
}).annotate({ identifier: "IntegrationProxy", [LABEL]: "proxy", title: "Proxy action" })
/** The proxy action of an integration. */
export interface ProxyAction extends Schema.Schema.Type<typeof ProxyAction> {}

/** Schema of {@link WatchSchemaEvent}. */
export const WatchSchemaEvent = Schema.Struct({
  enabled: Schema.Literal("always").annotate({ description: "Monitor this kind of change by default." }),
}).annotate({ identifier: "WatchSchemaEvent", [LABEL]: "schema-change event", title: "Schema change event" })
/** One kind of schema change to monitor (`fieldCreated`, `fieldDeleted`, `fieldChanged`). */
export interface WatchSchemaEvent extends Schema.Schema.Type<typeof WatchSchemaEvent> {}

/** Schema of {@link WatchSchemaAllObjects}. */
export const WatchSchemaAllObjects = Schema.Struct({
  fieldCreated: Schema.optionalKey(WatchSchemaEvent),
  fieldDeleted: Schema.optionalKey(WatchSchemaEvent),
  fieldChanged: Schema.optionalKey(WatchSchemaEvent),
}).annotate({ identifier: "WatchSchemaAllObjects", [LABEL]: "allObjects", title: "Schema changes to watch" })
/** The schema changes to monitor on every object of the read action. */
export interface WatchSchemaAllObjects extends Schema.Schema.Type<typeof WatchSchemaAllObjects> {}

/** Schema of {@link WatchSchema}. */
export const WatchSchema = Schema.Struct({
  destination: str("Destination receiving schema change notifications."),
  schedule: optionalStr("Cron schedule of the checks; at most hourly (default 0 */24 * * *)."),
  allObjects: WatchSchemaAllObjects,
}).annotate({ identifier: "WatchSchema", [LABEL]: "watchSchema", title: "Provider schema watch" })
/** Provider schema-change monitoring of an integration. */
export interface WatchSchema extends Schema.Schema.Type<typeof WatchSchema> {}

// ---------------------------------------------------------------------------------------------
// Integration block and manifest (domain §2.1, §2.2)

/** Schema of {@link IntegrationBlock}. "At least one action" is rule `integration-structure`. */
export const IntegrationBlock = Schema.Struct({
  name: str("Integration name, unique in the project (the upsert key)."),
  provider: str("Provider name from the catalog (case-sensitive), e.g. salesforce."),
  displayName: optionalStr("Display name (at most 100 characters)."),
  module: optionalStr("Provider module, e.g. crm; omitted means the provider's default."),
  read: Schema.optionalKey(ReadAction),
  write: Schema.optionalKey(WriteAction),
  proxy: Schema.optionalKey(ProxyAction),
  subscribe: Schema.optionalKey(SubscribeAction),
  watchSchema: Schema.optionalKey(WatchSchema),
}).annotate({ identifier: "Integration", [LABEL]: "integration", title: "Integration" })
/** One integration of a manifest; also the `content` of an API revision. */
export interface IntegrationBlock extends Schema.Schema.Type<typeof IntegrationBlock> {}

/** Schema of {@link Manifest}. `specVersion` is rule `spec-version`; missing `integrations` is `integration-structure`. */
export const Manifest = Schema.Struct({
  specVersion: Schema.Literal("1.0.0")
    .annotate({ ...ownedBy("spec-version"), description: "Manifest spec version; only 1.0.0 exists." })
    .pipe(missingReportedBy("spec-version")),
  integrations: Schema.Array(IntegrationBlock)
    .annotate({ description: "The integrations of the project (at least one)." })
    .pipe(missingReportedBy("integration-structure")),
}).annotate({
  identifier: "Manifest",
  [LABEL]: "manifest",
  title: "Ampersand manifest (amp.yaml)",
  description: "The integrations of an Ampersand project.",
})
/** A whole `amp.yaml`: spec version and integrations. */
export interface Manifest extends Schema.Schema.Type<typeof Manifest> {}

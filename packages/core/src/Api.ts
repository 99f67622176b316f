/**
 * Objects of the Ampersand platform API (design/domain.md §1): `Integration`, `Revision`,
 * `Integration[]` (list-integrations and batch-upsert responses), and the part of `Installation`
 * (list-installations) a planner needs.
 *
 * Dates are strict RFC 3339 strings on the wire and `Date`s in the typed model (DateTime.ts).
 * Unknown keys are ignored (forward compatibility with newer API versions); `Revision` tolerates
 * the CLI's extra `integrationId`. Secrets that an installation's `connection` may carry (API keys,
 * OAuth tokens) are not part of the model, so decoding drops them.
 */
import * as Schema from "effect/Schema"
import { DateTime } from "./DateTime.js"
import { IntegrationBlock, LABEL } from "./Manifest.js"

const str = (description: string) => Schema.String.annotate({ description })

/** Schema of {@link Revision}. */
export const Revision = Schema.Struct({
  id: str("Revision ID."),
  specVersion: str("Spec version of the manifest the revision came from, e.g. 1.0.0."),
  createTime: DateTime,
  content: IntegrationBlock,
  integrationId: Schema.optionalKey(str("Integration ID (sent by the CLI's model, not in the OpenAPI schema).")),
}).annotate({ identifier: "Revision", [LABEL]: "revision", title: "Revision" })
/** One version of one integration's definition; `content` is that integration's manifest block. */
export interface Revision extends Schema.Schema.Type<typeof Revision> {}

/** Schema of {@link Integration}. */
export const Integration = Schema.Struct({
  id: str("Integration ID."),
  projectId: str("Ampersand project ID."),
  name: str("Integration name (the manifest's integrations[].name)."),
  provider: str("Provider name, e.g. salesforce."),
  createTime: DateTime,
  updateTime: Schema.optionalKey(DateTime),
  latestRevision: Revision,
}).annotate({ identifier: "ApiIntegration", [LABEL]: "integration", title: "Integration (API)" })
/** An integration as the API returns it, with its latest revision. */
export interface Integration extends Schema.Schema.Type<typeof Integration> {}

/** Schema of an integration list: the body of list-integrations and of a successful batch upsert. */
export const IntegrationList = Schema.Array(Integration).annotate({ identifier: "IntegrationList" })
/** The integrations of a project, as list-integrations returns them. */
export type IntegrationList = ReadonlyArray<Integration>

// ---------------------------------------------------------------------------------------------
// Installations (domain §1.4): only what planning needs.

/** Schema of {@link ReadConfigObject}. */
export const ReadConfigObject = Schema.Struct({
  objectName: Schema.String,
  schedule: Schema.optionalKey(Schema.String),
  destination: Schema.optionalKey(Schema.String),
  disabled: Schema.optionalKey(Schema.Boolean),
  selectedFieldsAuto: Schema.optionalKey(Schema.Literal("all")),
  selectedFields: Schema.optionalKey(Schema.Record(Schema.String, Schema.Boolean)),
  selectedFieldMappings: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
}).annotate({ identifier: "ReadConfigObject", [LABEL]: "read config object" })
/** An installation's selection for one read object (`disabled` pauses its reads). */
export interface ReadConfigObject extends Schema.Schema.Type<typeof ReadConfigObject> {}

/** Schema of {@link ConfigContent}. Keyed by objectName (maps), unlike the manifest (arrays). */
export const ConfigContent = Schema.Struct({
  provider: Schema.String,
  read: Schema.optionalKey(
    Schema.Struct({ objects: Schema.optionalKey(Schema.Record(Schema.String, ReadConfigObject)) }).annotate({
      [LABEL]: "read config",
    }),
  ),
  write: Schema.optionalKey(
    Schema.Struct({
      objects: Schema.optionalKey(Schema.Record(Schema.String, Schema.Struct({ objectName: Schema.String }))),
    }).annotate({ [LABEL]: "write config" }),
  ),
  subscribe: Schema.optionalKey(
    Schema.Struct({
      objects: Schema.optionalKey(
        Schema.Record(
          Schema.String,
          Schema.Struct({ objectName: Schema.String, destination: Schema.optionalKey(Schema.String) }),
        ),
      ),
    }).annotate({ [LABEL]: "subscribe config" }),
  ),
  proxy: Schema.optionalKey(
    Schema.Struct({ enabled: Schema.optionalKey(Schema.Boolean) }).annotate({ [LABEL]: "proxy config" }),
  ),
}).annotate({ identifier: "ConfigContent", [LABEL]: "config content" })
/** What an installation selected: objects (by name), fields, mappings. */
export interface ConfigContent extends Schema.Schema.Type<typeof ConfigContent> {}

/** Schema of {@link InstallationConfig}. */
export const InstallationConfig = Schema.Struct({
  id: Schema.String,
  revisionId: Schema.String,
  createTime: DateTime,
  createdBy: Schema.String,
  content: ConfigContent,
}).annotate({ identifier: "Config", [LABEL]: "config" })
/** An installation's config; `revisionId` is the revision current when it was last saved. */
export interface InstallationConfig extends Schema.Schema.Type<typeof InstallationConfig> {}

/** Schema of {@link Installation}. */
export const Installation = Schema.Struct({
  id: Schema.String,
  projectId: Schema.String,
  integrationId: Schema.String,
  group: Schema.optionalKey(
    Schema.Struct({ groupRef: Schema.String, groupName: Schema.optionalKey(Schema.String) }).annotate({
      [LABEL]: "group",
    }),
  ),
  healthStatus: Schema.Literals(["healthy", "unhealthy"]),
  lastOperationStatus: Schema.optionalKey(Schema.Literals(["success", "failure", "in_progress"])),
  connection: Schema.Struct({ id: Schema.String, provider: Schema.String }).annotate({ [LABEL]: "connection" }),
  createTime: DateTime,
  createdBy: Schema.String,
  updateTime: Schema.optionalKey(DateTime),
  config: InstallationConfig,
}).annotate({ identifier: "Installation", [LABEL]: "installation", title: "Installation" })
/** A customer's installation of an integration (secrets of its connection are not kept). */
export interface Installation extends Schema.Schema.Type<typeof Installation> {}

/** Schema of the list-installations body. */
export const InstallationList = Schema.Array(Installation).annotate({ identifier: "InstallationList" })
/** The installations of an integration or project, as list-installations returns them. */
export type InstallationList = ReadonlyArray<Installation>

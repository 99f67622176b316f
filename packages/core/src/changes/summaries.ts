/**
 * What each change id means, one sentence, for docs (docs/changes.md) and SARIF rule descriptions.
 * Kept apart from the wording of changes (catalog.ts) so that a bundle that only diffs does not carry
 * it; the Record type makes the compiler refuse a missing or an unknown id.
 */
import type { ChangeId } from "./Change.js"

export const changeSummaries: Readonly<Record<ChangeId, string>> = {
  "integration-added": "An integration is added.",
  "integration-removed":
    "An integration is no longer in the manifest; a batch upsert does not delete it, so it keeps running (orphan).",
  "provider-changed": "The provider of an integration changes; connections are bound to a provider.",
  "module-changed": "The provider module of an integration changes (absent counts as the provider's default module).",
  "display-name-changed": "The display name of an integration changes.",
  "read-added": "An integration gains a read action.",
  "read-removed": "The whole read action of an integration is removed.",
  "read-object-added": "A read object is added; dangerous when it has `enabled: always` (read for every installation).",
  "read-object-removed": "A read object is removed.",
  "object-name-case-changed": "A read, write or subscribe object is renamed in letter case only.",
  "read-object-always-enabled-changed": "`enabled: always` is added to or removed from a read object.",
  "read-object-destination-changed": "The destination of a read object changes.",
  "read-object-schedule-changed":
    "The schedule of a read object is added or changed (dangerous) or removed (breaking: scheduled reads stop).",
  "read-object-mapping-changed": "The object `mapToName` of a read object is added, removed or changed.",
  "read-object-display-changed": "The `mapToDisplayName` of a read object changes.",
  "required-field-added":
    "A required field (or required user mapping) is added: existing customers must grant or map it.",
  "required-field-removed": "A required field is removed: it stops arriving.",
  "field-made-optional": "A required field becomes optional: it may stop arriving for some installations.",
  "field-made-required": "An optional field becomes required: existing customers must grant it.",
  "optional-field-added": "An optional field is added.",
  "optional-field-removed": "An optional field is removed: it stops arriving for installations that selected it.",
  "optional-fields-auto-added": "`optionalFieldsAuto: all` is added: customers may choose from all fields.",
  "optional-fields-auto-removed":
    "`optionalFieldsAuto: all` is removed: fields customers picked that are not listed stop arriving.",
  "field-mapping-changed": "The delivered key (`mapToName`) of a field is added, removed or changed.",
  "field-source-changed": "The same delivered key now comes from a different provider field.",
  "field-display-changed": "The `mapToDisplayName`, `prompt` or `default` of a field changes (install UI only).",
  "backfill-changed": "The backfill of a read object changes; it applies to new installations only.",
  "delivery-changed": "The delivery mode or page size of a read object changes.",
  "write-added": "An integration gains a write action.",
  "write-removed": "The whole write action of an integration is removed.",
  "write-object-added": "A write object is added.",
  "write-object-removed": "A write object is removed: Write API calls to it fail.",
  "write-inherit-mapping-changed": "`inheritMapping` of a write object is toggled: Write API field names change.",
  "write-value-defaults-changed":
    "`valueDefaults.allowAnyFields` of a write object changes; reconfigure when it goes true → false.",
  "subscribe-added": "An integration gains a subscribe action.",
  "subscribe-removed": "The whole subscribe action of an integration is removed: its events stop.",
  "subscribe-object-added": "A subscribe object is added.",
  "subscribe-object-removed": "A subscribe object is removed: its events stop.",
  "subscribe-destination-changed": "The destination of a subscribe object changes.",
  "subscribe-inherit-fields-changed":
    "`inheritFieldsAndMapping` of a subscribe object is toggled: event payload fields change.",
  "subscribe-event-added": "A subscribe object gains a create, update, delete or association-change event.",
  "subscribe-event-removed": "A subscribe object loses a create, update, delete or association-change event.",
  "subscribe-other-event-added": "A provider event name is added to `otherEvents`.",
  "subscribe-other-event-removed": "A provider event name is removed from `otherEvents`: those events stop.",
  "watch-fields-changed": "The fields whose change triggers an update event change; dangerous when fewer are watched.",
  "association-full-records-changed":
    "`includeFullRecords` of an association change event is toggled: the payload shape changes.",
  "proxy-enabled-changed": "The proxy action is turned on (safe) or off, or removed while enabled (breaking).",
  "proxy-use-module-changed": "`proxy.useModule` is toggled: the proxy base URL changes.",
  "watch-schema-added": "`watchSchema` is added: schema monitoring starts for every installation.",
  "watch-schema-removed": "`watchSchema` is removed: schema monitoring stops.",
  "watch-schema-changed": "The destination, schedule or watched events of `watchSchema` change.",
}

/**
 * The semantic rules, in the order of design/rules.md; `identifier-charset` and `identifier-confusable`
 * (design/reliability.md, not in rules.md) stand with `yaml-compat` in the Document section: both look at scalars across
 * the whole document. The parser's rules (`syntax`, `duplicate-key`, `alias-limit`,
 * `document-limit`) and the shape decoder's (`missing-key`, `wrong-type`, `invalid-value`,
 * `unknown-key`) are not here: see RuleCatalog.ts for every id.
 * Every rule but `yaml-compat` (which reads the source's scalars) runs on the server's view of the
 * document's keys (withServerKeys.ts); `null` values are left to the shape decoder (walk.ts).
 */
import { alwaysEnabledFields } from "./always-enabled-fields.js"
import { associationEventProvider } from "./association-event-provider.js"
import { backfillConfig } from "./backfill-config.js"
import { backfillLarge } from "./backfill-large.js"
import { deliveryDeprecated } from "./delivery-deprecated.js"
import { deliveryMode } from "./delivery-mode.js"
import { destinationEmpty } from "./destination-empty.js"
import { displayNameLength } from "./display-name-length.js"
import { duplicateReadObject } from "./duplicate-read-object.js"
import { duplicateSubscribeObject } from "./duplicate-subscribe-object.js"
import { duplicateWriteObject } from "./duplicate-write-object.js"
import { eventEnabled } from "./event-enabled.js"
import { fieldDuplicate } from "./field-duplicate.js"
import { fieldEntryShape } from "./field-entry-shape.js"
import { fieldMappingJsonpath } from "./field-mapping-jsonpath.js"
import { fieldMappingUnique } from "./field-mapping-unique.js"
import { googleCalendarBackfill } from "./google-calendar-backfill.js"
import { identifierCharset } from "./identifier-charset.js"
import { identifierConfusable } from "./identifier-confusable.js"
import { integrationName } from "./integration-name.js"
import { integrationNameDuplicate } from "./integration-name-duplicate.js"
import { integrationStructure } from "./integration-structure.js"
import { objectNameEmpty } from "./object-name-empty.js"
import { providerModule } from "./provider-module.js"
import { providerNotSupported } from "./provider-not-supported.js"
import type { Rule } from "./Rule.js"
import { readObjects } from "./read-objects.js"
import { salesforceSubscribeLimit } from "./salesforce-subscribe-limit.js"
import { scheduleMinimumInterval } from "./schedule-minimum-interval.js"
import { scheduleSyntax } from "./schedule-syntax.js"
import { snowflakeBackfill } from "./snowflake-backfill.js"
import { specVersion } from "./spec-version.js"
import { subscribeInheritFields } from "./subscribe-inherit-fields.js"
import { subscribeMinimumEvents } from "./subscribe-minimum-events.js"
import { subscribeObjects } from "./subscribe-objects.js"
import { subscribeReadObjectMissing } from "./subscribe-read-object-missing.js"
import { subscribeRequiresRead } from "./subscribe-requires-read.js"
import { updateEventWatchFields } from "./update-event-watch-fields.js"
import { watchFieldsNoNesting } from "./watch-fields-no-nesting.js"
import { watchSchemaSchedule } from "./watch-schema-schedule.js"
import { writeInheritWithoutRead } from "./write-inherit-without-read.js"
import { writeObjects } from "./write-objects.js"
import { yamlCompat } from "./yaml-compat.js"

export type { Rule, RuleContext } from "./Rule.js"

/** Every semantic rule, each id once, in rules.md order. */
export const rules: ReadonlyArray<Rule> = [
  // Document
  yamlCompat,
  identifierCharset,
  identifierConfusable,
  specVersion,
  integrationStructure,
  // Integration
  integrationName,
  integrationNameDuplicate,
  displayNameLength,
  providerNotSupported,
  providerModule,
  // Read
  readObjects,
  objectNameEmpty,
  destinationEmpty,
  duplicateReadObject,
  alwaysEnabledFields,
  fieldMappingUnique,
  fieldDuplicate,
  fieldEntryShape,
  fieldMappingJsonpath,
  // Schedule
  scheduleSyntax,
  scheduleMinimumInterval,
  watchSchemaSchedule,
  // Backfill and delivery
  backfillConfig,
  backfillLarge,
  deliveryMode,
  deliveryDeprecated,
  // Write
  writeObjects,
  duplicateWriteObject,
  writeInheritWithoutRead,
  // Subscribe
  subscribeRequiresRead,
  subscribeObjects,
  subscribeInheritFields,
  subscribeReadObjectMissing,
  eventEnabled,
  updateEventWatchFields,
  watchFieldsNoNesting,
  duplicateSubscribeObject,
  subscribeMinimumEvents,
  salesforceSubscribeLimit,
  associationEventProvider,
  // Provider-specific
  googleCalendarBackfill,
  snowflakeBackfill,
]

/**
 * Rule ids of Ampersand's validator (amp-yaml-validator: types/errors.go, validator/async.go; its
 * DIRECTIVES.md lists the first five) for warnings ampkit does not report under that id: checks that
 * need the platform (destinations, the catalog's objects, provider apps), `large-backfill-risk` (ampkit:
 * `backfill-large`) and `frequent-schedule-risk` (every such schedule is a `schedule-minimum-interval`
 * error in ampkit). A file or a script written for that validator may name them (`# amp:ignore[...]`,
 * `--ignore`), so ampkit accepts them: it cannot tell whether they suppress anything. Each maps to why
 * ampkit has no finding of that id, as a clause ("--ignore x has no effect: <clause>").
 */
export const ampersandOnlyRules: ReadonlyMap<string, string> = new Map([
  [
    "destination-exists",
    "ampkit cannot check it without the project's destinations, which only Ampersand's server knows",
  ],
  [
    "frequent-schedule-risk",
    "ampkit reports such a schedule as a schedule-minimum-interval error, and errors are never suppressed",
  ],
  ["catalog-access", "ampkit cannot check it without the provider's catalog, which only Ampersand's server reads"],
  ["object-exists", "ampkit cannot check it without the provider's catalog, which only Ampersand's server reads"],
  ["large-backfill-risk", "ampkit names that check backfill-large (use --ignore backfill-large)"],
  [
    "destination-check-failed",
    "ampkit cannot check it without the project's destinations, which only Ampersand's server knows",
  ],
  [
    "provider-app-not-configured",
    "ampkit cannot check it without the project's provider apps, which only Ampersand's server knows",
  ],
  [
    "provider-app-check-failed",
    "ampkit cannot check it without the project's provider apps, which only Ampersand's server knows",
  ],
])

/**
 * The Ampersand ids whose findings ampkit reports under an id of its own: a directive naming only
 * Ampersand's id does not suppress ampkit's finding (`ignore-directive` says so where one is covered).
 */
export const ampkitCounterparts: ReadonlyMap<string, string> = new Map([
  ["large-backfill-risk", "backfill-large"],
  ["frequent-schedule-risk", "schedule-minimum-interval"],
])

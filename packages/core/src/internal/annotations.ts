/**
 * Annotation keys ampkit puts on its Effect schemas (Manifest.ts, Api.ts, DateTime.ts) and that the
 * generated model (internal/model.generated.ts) carries over for Shape.ts. Plain constants, so that
 * modules of the plain face can name them without loading a schema.
 */

/** Annotation key: the rule (rules.md id) that reports this node's, key's or check's failure. */
export const RULE_OWNER = "ampkit/ruleOwner"
/** Annotation key: the rule that reports a union value matching no member (no member is meant). */
export const NO_BRANCH_OWNER = "ampkit/noBranchOwner"
/** Annotation key: how messages name an object of this schema ("read object"). */
export const LABEL = "ampkit/label"
/** Annotation key: the name of an ampkit check (a filter), so that the model generator knows it. */
export const CHECK_ID = "ampkit/check"

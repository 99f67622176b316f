/**
 * The model as plain data: a JSON-like descriptor of the encoded (wire) side of each document
 * schema, generated from the Effect schemas (Manifest.ts, Api.ts, Problem's codec) by
 * internal/model-generate.ts into internal/model.generated.ts. The plain face walks it instead of
 * `SchemaAST` (Shape.ts: findings, key canonicalisation; internal/model-decode.ts: typed decoding),
 * so it runs without loading any `effect` module.
 *
 * Only what the wire side needs is kept: JSON types, literals, arrays, objects (properties, optional
 * or required, string-keyed records), unions, the named checks and transformations below, and the
 * ampkit annotations (internal/annotations.ts) as `owner` / `noBranchOwner` / `label`.
 */
import { isDateTime } from "./rfc3339.js"

/** A named check (a schema filter) on a string or number. */
export interface ModelCheck {
  /** `int`: `Number.isSafeInteger` (Effect's `isInt`); `rfc3339-date-time`: DateTime.ts's filter. */
  readonly id: ModelCheckId
  /** What a passing value is, in words ("an integer"). */
  readonly expected: string
  /** The rule that reports a failure of this check (annotation `ampkit/ruleOwner`). */
  readonly owner?: string
}

export type ModelCheckId = "int" | "rfc3339-date-time"

/** A named transformation from the wire value to the typed value. */
export type ModelTransformation =
  /** RFC 3339 text → `Date` (DateTime.ts). */
  | "date-time"
  /** Any JSON object → `ApiProblem`, leniently (Problem.ts). */
  | "api-problem"

interface Annotated {
  /** The rule that reports this node's failure instead of the generic finding (`ampkit/ruleOwner`). */
  readonly owner?: string
}

export interface ModelScalar extends Annotated {
  readonly _tag: "String" | "Number" | "Boolean" | "Null" | "Unknown" | "Never"
  /** Checks run, in order, on a value of the right type. */
  readonly checks?: ReadonlyArray<ModelCheck>
  /** Applied after the checks pass (decoding only). */
  readonly transformation?: ModelTransformation
}

export interface ModelLiteral extends Annotated {
  readonly _tag: "Literal"
  readonly literal: string | number | boolean | null
}

export interface ModelArray extends Annotated {
  readonly _tag: "Array"
  readonly item: ModelNode
}

export interface ModelProperty {
  readonly name: string
  readonly optional: boolean
  /** The rule that reports this key's absence (`ampkit/ruleOwner` on the key). */
  readonly owner?: string
  readonly type: ModelNode
}

export interface ModelObject extends Annotated {
  readonly _tag: "Object"
  /** Declared properties, in declaration order (the order of decoded values). */
  readonly properties: ReadonlyArray<ModelProperty>
  /** Values under any other string key (a `Schema.Record(Schema.String, …)`); then `properties` is empty. */
  readonly record?: ModelNode
  /** How messages name such an object (`ampkit/label`). */
  readonly label?: string
}

export interface ModelUnion extends Annotated {
  readonly _tag: "Union"
  /** Tried in order; the first that decodes wins. */
  readonly members: ReadonlyArray<ModelNode>
  /** The rule that reports an object matching no member (`ampkit/noBranchOwner`). */
  readonly noBranchOwner?: string
}

export type ModelNode = ModelScalar | ModelLiteral | ModelArray | ModelObject | ModelUnion

/** Whether a value passes a named check. */
export const checkPasses = (id: ModelCheckId, value: unknown): boolean =>
  id === "int" ? Number.isSafeInteger(value) : typeof value === "string" && isDateTime(value)

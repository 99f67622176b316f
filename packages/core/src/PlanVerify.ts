/**
 * PlanVerify: refuse a stale plan (terraform's "saved plan is stale"). A plan records, for every
 * integration it planned against a live one, the `latestRevision.id` it saw; since then someone may
 * have deployed. Before a plan is applied, the live list is read again and compared:
 * - `create`: the integration must still be absent (someone may have created it meanwhile);
 * - `update`, `unchanged`: the live revision must still be the planned one (and the integration live);
 * - `orphan`: never sent, so never stale.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type { Integration as ApiIntegration } from "./Api.js"
import { compareStrings } from "./changes/normal.js"
import { kindLabels, recogniseKind } from "./Document.js"
import { kindOf, quote } from "./internal/quote.js"

/**
 * The part of a plan that verification reads (a whole `Plan` fits). `planId` is required: every plan
 * has one, and without it a manifest with an empty `integrations` list would pass for a plan.
 */
export const PlanRecord = Schema.Struct({
  planId: Schema.String,
  integrations: Schema.Array(
    Schema.Struct({
      name: Schema.String,
      action: Schema.Literals(["create", "update", "unchanged", "orphan"]),
      revision: Schema.optionalKey(Schema.String),
    }),
  ),
})
export interface PlanRecord extends Schema.Schema.Type<typeof PlanRecord> {}

/** An integration whose live state is not the one the plan was made against. */
export interface MovedIntegration {
  readonly name: string
  /** The revision planned against; `null` when the plan expected no live integration (create). */
  readonly plannedRevision: string | null
  /** The live revision now; `null` when there is no live integration of that name. */
  readonly liveRevision: string | null
}

export interface PlanVerification {
  /** Nothing moved: the plan can be applied. */
  readonly ok: boolean
  /** Sorted by name. */
  readonly moved: ReadonlyArray<MovedIntegration>
}

/** Compare a plan with the live integrations now. */
export const verifyPlan = (plan: PlanRecord, current: ReadonlyArray<ApiIntegration>): PlanVerification => {
  const live = new Map<string, string>()
  for (const i of current) if (!live.has(i.name)) live.set(i.name, i.latestRevision.id)
  const moved: Array<MovedIntegration> = []
  for (const entry of plan.integrations) {
    if (entry.action === "orphan") continue
    const liveRevision = live.get(entry.name) ?? null
    const plannedRevision = entry.action === "create" ? null : (entry.revision ?? null)
    if (liveRevision !== plannedRevision) moved.push({ name: entry.name, plannedRevision, liveRevision })
  }
  moved.sort((a, b) => compareStrings(a.name, b.name))
  return { ok: moved.length === 0, moved }
}

/** Read a plan's JSON value (as `ampkit plan --format json` wrote it); the message says what is missing. */
export const decodePlanRecord = (value: unknown): { ok: true; plan: PlanRecord } | { ok: false; message: string } => {
  const decoded = Schema.decodeUnknownResult(PlanRecord)(value)
  if (Result.isFailure(decoded))
    return { ok: false, message: `expected a plan (ampkit plan --format json), but ${notAPlan(value)}` }
  const broken = inconsistency(decoded.success)
  if (broken !== undefined) return { ok: false, message: `the plan cannot be verified: ${broken}` }
  return { ok: true, plan: decoded.success }
}

/**
 * What makes a plan-shaped record one that `ampkit plan` never writes, so that verifying it would prove
 * nothing: an integration listed twice (which entry would count?), or an update or unchanged entry without
 * the live revision it was planned against (a live integration deleted since would pass unnoticed).
 */
const inconsistency = (plan: PlanRecord): string | undefined => {
  const seen = new Map<string, number>()
  for (let i = 0; i < plan.integrations.length; i++) {
    const entry = plan.integrations[i]!
    const first = seen.get(entry.name)
    if (first !== undefined)
      return `integrations[${i}] lists ${quote(entry.name)} again (first at integrations[${first}]): a plan lists each integration once; make the plan again`
    seen.set(entry.name, i)
    if ((entry.action === "update" || entry.action === "unchanged") && entry.revision === undefined)
      return `integrations[${i}] (${quote(entry.name)}, ${entry.action}) has no \`revision\`: a plan records the live revision each update was made against; make the plan again`
  }
  return undefined
}

const actions: ReadonlyArray<unknown> = ["create", "update", "unchanged", "orphan"]

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Why `value` is not a plan record, in words (PlanRecord's conditions, first failing one). */
const notAPlan = (value: unknown): string => {
  const entries = isRecord(value) && Array.isArray(value.integrations) ? value.integrations : []
  const planLike = entries.some((e) => isRecord(e) && Object.hasOwn(e, "action"))
  const kind = planLike ? undefined : recogniseKind(value)
  if (kind !== undefined) return `this looks like ${kindLabels[kind]}`
  if (!isRecord(value)) return `got ${kindOf(value)}`
  if (typeof value.planId !== "string")
    return value.planId === undefined ? "it has no `planId`" : "`planId` is not a string"
  const list = value.integrations
  if (!Array.isArray(list)) return "it has no `integrations` list"
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i]
    const at = `integrations[${i}]`
    if (!isRecord(entry)) return `${at} is ${kindOf(entry)}, not a mapping`
    if (typeof entry.name !== "string") return `${at} has no \`name\` string`
    if (!actions.includes(entry.action)) return `${at}.action is not one of create, update, unchanged, orphan`
    if (entry.revision !== undefined && typeof entry.revision !== "string") return `${at}.revision is not a string`
  }
  return "it does not read as one"
}

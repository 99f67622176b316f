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

/** The part of a plan that verification reads (a whole `Plan` fits). */
export const PlanRecord = Schema.Struct({
  planId: Schema.optionalKey(Schema.String),
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
  if (Result.isSuccess(decoded)) return { ok: true, plan: decoded.success }
  const first = decoded.failure.message.split("\n").slice(0, 2).join(" ")
  return { ok: false, message: `expected a plan (ampkit plan --format json), but ${first}` }
}

/**
 * diff (issue 3, part 4): our keyed semantic diff against fast-json-patch and microdiff
 * (positional) and json-diff-ts (keyed by name), on a pair with a few real edits and a full
 * reorder of every array: time per call and the number of changes each reports.
 */
import { parseSource } from "@ampkit/core"
import { diff } from "@ampkit/core/Diff"
import jsonpatch from "fast-json-patch"
import { atomizeChangeset, diff as jsonDiffTs } from "json-diff-ts"
import microdiff from "microdiff"
import type { DiffPair } from "./diff-pair.js"
import type { Edit } from "./manifest-edits.js"
import { type Contender, measure, type Timing } from "./measure.js"

export interface DiffContenderResult {
  readonly name: string
  /** Whether array items are matched by key (name …) rather than by position. */
  readonly keyed: boolean
  readonly timing: Timing
  readonly changes: number
}

export interface DiffRow {
  readonly label: string
  readonly bytes: number
  readonly edits: ReadonlyArray<Edit>
  /** Arrays of two or more items whose order changed. */
  readonly reorderedArrays: number
  readonly results: ReadonlyArray<DiffContenderResult>
  /** Ours (on values) / fast-json-patch. */
  readonly ratio: number
  /** The change ids ours reported equal the edits' expected ids (no spurious change, none missing). */
  readonly exact: boolean
  readonly oursIds: ReadonlyArray<string>
}

export const diffTarget = 2

type Obj = Record<string, unknown>
const str = (o: Obj, k: string): unknown => o[k]

/** json-diff-ts keys: integrations by name, objects by objectName, fields by delivered key, string lists by value. */
const embeddedObjKeys = new Map<RegExp, string | ((o: Obj, keyName?: boolean) => unknown)>([
  [/^integrations$/, "name"],
  [/requiredWatchFields$/, "$value"],
  [/otherEvents$/, "$value"],
  [/\.objects$/, "objectName"],
  [
    /(requiredFields|optionalFields)$/,
    (o, keyName) => (keyName ? "mapToName" : (str(o, "mapToName") ?? str(o, "fieldName"))),
  ],
])

export interface DiffCaseOptions {
  /** Also time ours from the two texts (parse both with positions, then diff). */
  readonly fromText: boolean
}

export const diffCase = (label: string, pair: DiffPair, options: DiffCaseOptions): DiffRow => {
  const { before, after } = pair
  const b = before as Obj
  const a = after as Obj
  const contenders: Array<{ contender: Contender; keyed: boolean; count: (r: unknown) => number }> = [
    {
      contender: { name: "ampkit diff", run: () => diff({ value: before }, { value: after }) },
      keyed: true,
      count: (r) => (r as ReturnType<typeof diff>).changes.length,
    },
    {
      contender: { name: "fast-json-patch compare", run: () => jsonpatch.compare(b, a) },
      keyed: false,
      count: (r) => (r as Array<unknown>).length,
    },
    {
      contender: { name: "microdiff", run: () => microdiff(b, a, { cyclesFix: false }) },
      keyed: false,
      count: (r) => (r as Array<unknown>).length,
    },
    {
      contender: { name: "json-diff-ts (keyed)", run: () => jsonDiffTs(b, a, { embeddedObjKeys }) },
      keyed: true,
      count: (r) => atomizeChangeset(r as ReturnType<typeof jsonDiffTs>).length,
    },
  ]
  if (options.fromText) {
    contenders.push({
      contender: {
        name: "ampkit diff, from text with positions",
        run: () => diff(parseSource(pair.beforeText).document!, parseSource(pair.afterText).document!),
      },
      keyed: true,
      count: (r) => (r as ReturnType<typeof diff>).changes.length,
    })
  }
  const timings = measure(
    contenders.map((c) => c.contender),
    { rounds: pair.beforeText.length > 200_000 ? 5 : 7 },
  )
  const results = contenders.map((c, i) => ({
    name: c.contender.name,
    keyed: c.keyed,
    timing: timings[i]!,
    changes: c.count(c.contender.run()),
  }))
  const ours = diff({ value: before }, { value: after })
  const oursIds = ours.changes.map((c) => c.id).sort()
  const expected = pair.edits.map((e) => e.expect).sort()
  const exact = oursIds.length === expected.length && oursIds.every((id, k) => id === expected[k])
  return {
    label,
    bytes: Buffer.byteLength(pair.beforeText),
    edits: pair.edits,
    reorderedArrays: pair.reorderedArrays,
    results,
    ratio: timings[0]!.ms / timings[1]!.ms,
    exact,
    oursIds,
  }
}

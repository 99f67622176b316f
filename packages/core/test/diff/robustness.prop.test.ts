/**
 * Hostile and malformed input: the diff is meant for decoded documents, but the worker and the
 * browser may hand it plain JSON. Whatever the values, it never throws anything but
 * DiffInputError, stays deterministic, and a value compared with a copy of itself is unchanged.
 */
import fc from "fast-check"
import { expect, test } from "vitest"
import { DiffInputError, diff } from "../../src/Diff.js"
import { manifestArb } from "../arbitraries/manifest.js"
import { clone } from "./edits.js"

const numRuns = Number(process.env.AMPKIT_PROP_RUNS ?? 300)

/** Every path to a value inside `v`. */
const paths = (v: unknown, at: Array<string | number> = []): Array<Array<string | number>> => {
  const out: Array<Array<string | number>> = [at]
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...paths(x, [...at, i]))
  } else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]))
  return out
}

/** `v` with the value at one of its paths replaced by `junk` (or removed when junk is undefined). */
const corrupt = (v: unknown, pick: number, junk: unknown): unknown => {
  const all = paths(v).filter((p) => p.length > 0)
  if (all.length === 0) return v
  const path = all[pick % all.length]!
  const copy = clone(v) as Record<string | number, unknown>
  let node = copy
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (junk === undefined && !Array.isArray(node)) delete node[last]
  else node[last] = junk
  return copy
}

const junkArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, null, "", "__proto__", "constructor", 0, -1, 1e308, true, [], {}, [null], {
    objects: null,
  }),
)

test("corrupted documents: no throw, deterministic, self-diff empty", () => {
  fc.assert(
    fc.property(manifestArb(3), fc.array(fc.tuple(fc.nat(), junkArb), { minLength: 1, maxLength: 4 }), (m, damage) => {
      let bad: unknown = m
      for (const [pick, junk] of damage) bad = corrupt(bad, pick, junk)
      for (const [a, b] of [
        [m, bad],
        [bad, m],
      ]) {
        try {
          const one = JSON.stringify(diff({ value: a }, { value: b }))
          expect(JSON.stringify(diff({ value: clone(a) }, { value: clone(b) }))).toBe(one)
        } catch (error) {
          expect(error).toBeInstanceOf(DiffInputError)
        }
      }
      try {
        expect(diff({ value: bad }, { value: clone(bad) }).changes).toEqual([])
      } catch (error) {
        expect(error).toBeInstanceOf(DiffInputError)
      }
    }),
    { numRuns },
  )
})

test("any JSON value as a side: a result or a DiffInputError naming the side", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), manifestArb(2), (junk, m) => {
      try {
        diff({ value: junk }, { value: m })
      } catch (error) {
        expect(error).toBeInstanceOf(DiffInputError)
        expect((error as DiffInputError).side).toBe("before")
      }
    }),
    { numRuns },
  )
})

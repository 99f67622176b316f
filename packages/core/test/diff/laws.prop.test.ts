/**
 * The five laws of the diff (design/changes.md, "Laws"), over generated valid manifests:
 * 1. empty self-diff, also under any reordering and any rewriting of defaults (and across kinds);
 * 2. completeness: replaying the changes on the old side gives the new side;
 * 3. mirror symmetry: diff(b, a) is diff(a, b) with added ↔ removed and before ↔ after;
 * 4. every level is the one of changes.md's table for the change's id and direction;
 * 5. determinism: byte-identical JSON, and fingerprints that do not move when unrelated parts move.
 */
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { applyChanges, type Change, canonicalIntegrations, diff, type Json, type Level } from "../../src/Diff.js"
import { integrationBlockArb, integrationNameArb, manifestArb } from "../arbitraries/manifest.js"
import { applyEdit, clone, edits, type Manifest } from "./edits.js"
import { asIntegrationList, prng, rewrite, shuffle } from "./equivalent.js"

const numRuns = Number(process.env.AMPKIT_PROP_RUNS ?? 300)

/** b = a after 1–6 random edits of any kind. */
const editedPairArb = fc
  .record({
    a: manifestArb(4),
    steps: fc.array(fc.record({ edit: fc.nat(edits.length - 1), pick: fc.nat() }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ a, steps }) => {
    let b = a as Manifest
    for (const { edit, pick } of steps) b = applyEdit(edits[edit]!, b, pick)!.after
    return { a: a as Manifest, b }
  })

/** Two unrelated drawings that share some integration names (so whole blocks differ). */
const sharedNamesPairArb = fc
  .record({
    names: fc.uniqueArray(integrationNameArb, { minLength: 1, maxLength: 5 }),
    keepA: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    keepB: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .chain(({ names, keepA, keepB }) => {
    const inA = names.filter((_, i) => keepA[i] !== false || i === 0)
    const inB = names.filter((_, i) => keepB[i] !== false)
    return fc.record({
      a: fc.tuple(...inA.map(integrationBlockArb)),
      b: fc.tuple(...inB.map(integrationBlockArb)),
    })
  })
  .map(({ a, b }) => ({
    a: { specVersion: "1.0.0", integrations: a } as Manifest,
    b: { specVersion: "1.0.0", integrations: b } as Manifest,
  }))

const pairArb = fc.oneof(editedPairArb, sharedNamesPairArb)

const side = (value: unknown) => ({ value })

describe("law 1: a diff of a document with itself is empty", () => {
  test("diff(a, a), and diff(a, a written differently), across document kinds", () => {
    fc.assert(
      fc.property(manifestArb(4), fc.integer(), (a, seed) => {
        const m = a as Manifest
        expect(diff(side(m), side(clone(m))).changes).toEqual([])
        const r = rewrite(m, seed)
        expect(diff(side(m), side(r)).changes).toEqual([])
        expect(diff(side(r), side(m)).changes).toEqual([])
        expect(diff(side(asIntegrationList(m)), side(r)).changes).toEqual([])
        expect(diff(side(m), side(asIntegrationList(rewrite(m, seed + 1)))).changes).toEqual([])
      }),
      { numRuns },
    )
  })
})

describe("law 2: the diff is complete", () => {
  test("applyChanges(a, diff(a, b)) equals b modulo ordering and defaults", () => {
    fc.assert(
      fc.property(pairArb, fc.integer(), ({ a, b }, seed) => {
        const changes = diff(side(a), side(rewrite(b, seed))).changes
        expect(canonicalIntegrations(applyChanges(a, changes))).toEqual(canonicalIntegrations(b))
      }),
      { numRuns },
    )
  })

  test("…also when the old side is the API's Integration[]", () => {
    fc.assert(
      fc.property(editedPairArb, ({ a, b }) => {
        const list = asIntegrationList(a)
        const changes = diff(side(list), side(b)).changes
        expect(canonicalIntegrations(applyChanges(list, changes))).toEqual(canonicalIntegrations(b))
      }),
      { numRuns: Math.ceil(numRuns / 3) },
    )
  })
})

const mirrorIds: Record<string, string> = {}
for (const stem of [
  "integration",
  "read",
  "read-object",
  "required-field",
  "optional-field",
  "optional-fields-auto",
  "write",
  "write-object",
  "subscribe",
  "subscribe-object",
  "subscribe-event",
  "subscribe-other-event",
  "watch-schema",
]) {
  mirrorIds[`${stem}-added`] = `${stem}-removed`
  mirrorIds[`${stem}-removed`] = `${stem}-added`
}
mirrorIds["field-made-optional"] = "field-made-required"
mirrorIds["field-made-required"] = "field-made-optional"
const mirrorOf = (id: string) => mirrorIds[id] ?? id
const isPresence = (id: string) => mirrorIds[id] !== undefined && !id.startsWith("field-made")

/**
 * Subjects name objects as the new document spells them, so inside an object renamed in letter
 * case only the object segment differs between the two directions: compare it case-insensitively.
 */
const subjectKey = (subject: ReadonlyArray<string>) => subject.map((s, i) => (i === 1 ? s.toLowerCase() : s))

describe("law 3: diff(b, a) mirrors diff(a, b)", () => {
  test("same things, added ↔ removed, before ↔ after", () => {
    fc.assert(
      fc.property(pairArb, ({ a, b }) => {
        const forth = diff(side(a), side(b)).changes
        const back = diff(side(b), side(a)).changes
        const mirrored = forth.map((c) =>
          JSON.stringify([
            mirrorOf(c.id),
            c.integration,
            c.after ?? null,
            c.before ?? null,
            isPresence(c.id) ? [subjectKey(c.subject), c.pointer] : null,
          ]),
        )
        const actual = back.map((c) =>
          JSON.stringify([
            c.id,
            c.integration,
            c.before ?? null,
            c.after ?? null,
            isPresence(c.id) ? [subjectKey(c.subject), c.pointer] : null,
          ]),
        )
        expect(actual.sort()).toEqual(mirrored.sort())
      }),
      { numRuns },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Law 4: the level table of changes.md, written out here independently of the catalog.

const fixedLevels: Record<string, Level> = {
  "integration-added": "safe",
  "integration-removed": "dangerous",
  "provider-changed": "breaking",
  "module-changed": "breaking",
  "display-name-changed": "safe",
  "read-added": "safe",
  "read-removed": "breaking",
  "read-object-removed": "breaking",
  "object-name-case-changed": "dangerous",
  "read-object-always-enabled-changed": "dangerous",
  "read-object-destination-changed": "dangerous",
  "read-object-mapping-changed": "breaking",
  "read-object-display-changed": "safe",
  "required-field-added": "reconfigure",
  "required-field-removed": "breaking",
  "field-made-optional": "breaking",
  "field-made-required": "reconfigure",
  "optional-field-added": "safe",
  "optional-field-removed": "breaking",
  "optional-fields-auto-added": "safe",
  "optional-fields-auto-removed": "breaking",
  "field-mapping-changed": "breaking",
  "field-source-changed": "dangerous",
  "field-display-changed": "safe",
  "backfill-changed": "safe",
  "delivery-changed": "breaking",
  "write-added": "safe",
  "write-removed": "breaking",
  "write-object-added": "safe",
  "write-object-removed": "breaking",
  "write-inherit-mapping-changed": "breaking",
  "subscribe-added": "safe",
  "subscribe-removed": "breaking",
  "subscribe-object-added": "safe",
  "subscribe-object-removed": "breaking",
  "subscribe-destination-changed": "dangerous",
  "subscribe-inherit-fields-changed": "breaking",
  "subscribe-event-added": "safe",
  "subscribe-event-removed": "breaking",
  "subscribe-other-event-added": "safe",
  "subscribe-other-event-removed": "breaking",
  "association-full-records-changed": "breaking",
  "proxy-use-module-changed": "breaking",
  "watch-schema-added": "dangerous",
  "watch-schema-removed": "dangerous",
  "watch-schema-changed": "dangerous",
}

const field = (v: Json | undefined, key: string): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, Json>)[key] : undefined

/** Whether the update event watches at least what it watched (all ⊇ everything; selected only covers selected). */
const watchesAtLeast = (before: Json | undefined, after: Json | undefined): boolean => {
  if (field(after, "watchFieldsAuto") === "all") return true
  if (field(before, "watchFieldsAuto") === "all") return false
  if (field(before, "watchFieldsAuto") === "selected" && field(after, "watchFieldsAuto") !== "selected") return false
  const kept = (field(after, "requiredWatchFields") as Array<string> | undefined) ?? []
  return ((field(before, "requiredWatchFields") as Array<string> | undefined) ?? []).every((f) => kept.includes(f))
}

const expectedLevel = (c: Change): Level => {
  switch (c.id) {
    case "read-object-added":
      return field(c.after, "enabled") === "always" ? "dangerous" : "safe"
    case "read-object-schedule-changed":
      return c.after === undefined ? "breaking" : "dangerous"
    case "write-value-defaults-changed":
      return field(c.before, "allowAnyFields") === true && field(c.after, "allowAnyFields") !== true
        ? "reconfigure"
        : "safe"
    case "watch-fields-changed":
      return watchesAtLeast(c.before, c.after) ? "safe" : "dangerous"
    case "proxy-enabled-changed":
      return field(c.after, "enabled") === true ? "safe" : "breaking"
    default:
      return fixedLevels[c.id]!
  }
}

describe("law 4: levels follow the table", () => {
  test("every change's level is the table's for its id and direction", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(pairArb, ({ a, b }) => {
        for (const c of [...diff(side(a), side(b)).changes, ...diff(side(b), side(a)).changes]) {
          expect([c.id, c.level]).toEqual([c.id, expectedLevel(c)])
          seen.add(`${c.id}:${c.level}`)
        }
      }),
      { numRuns },
    )
    // the direction-aware ids were seen in both directions
    for (const pair of [
      ["read-object-added:safe", "read-object-added:dangerous"],
      ["read-object-schedule-changed:dangerous", "read-object-schedule-changed:breaking"],
      ["write-value-defaults-changed:safe", "write-value-defaults-changed:reconfigure"],
      ["watch-fields-changed:safe", "watch-fields-changed:dangerous"],
      ["proxy-enabled-changed:safe", "proxy-enabled-changed:breaking"],
    ]) {
      expect(pair.filter((p) => !seen.has(p))).toEqual([])
    }
  })
})

describe("law 5: the diff is deterministic", () => {
  test("same input, byte-identical JSON", () => {
    fc.assert(
      fc.property(pairArb, ({ a, b }) => {
        const one = JSON.stringify(diff(side(a), side(b)))
        const two = JSON.stringify(diff(side(clone(a)), side(clone(b))))
        expect(two).toBe(one)
      }),
      { numRuns },
    )
  })

  test("fingerprints stay when unrelated parts move (reorders, rewrites, other integrations)", () => {
    fc.assert(
      fc.property(pairArb, fc.integer(), integrationBlockArb("unrelatedIntegration"), ({ a, b }, seed, extra) => {
        const fingerprints = (r: ReadonlyArray<Change>) => r.map((c) => c.fingerprint).sort()
        const base = fingerprints(diff(side(a), side(b)).changes)
        expect(fingerprints(diff(side(rewrite(a, seed)), side(rewrite(b, seed + 1))).changes)).toEqual(base)
        const rnd = prng(seed)
        const withExtra = (m: Manifest): Manifest =>
          m.integrations.some((i) => i.name === "unrelatedIntegration")
            ? m
            : { ...m, integrations: shuffle([...m.integrations, clone(extra) as Record<string, unknown>], rnd) }
        if (
          !a.integrations.some((i) => i.name === "unrelatedIntegration") &&
          !b.integrations.some((i) => i.name === "unrelatedIntegration")
        ) {
          expect(fingerprints(diff(side(withExtra(a)), side(withExtra(b))).changes)).toEqual(base)
        }
        // and fingerprints are unique within a diff
        expect(new Set(base).size).toBe(base.length)
      }),
      { numRuns },
    )
  })
})

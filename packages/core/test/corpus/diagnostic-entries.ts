/**
 * Diagnostic entries: the checked-in form of a validation report in the corpus expectation files
 * (samples.expect.json, validator-testdata.expect.json), and the rules for regenerating them.
 *
 * An entry is one diagnostic reduced to what must not change silently: rule id, severity, JSON
 * pointer, `line:column`, and `suppressed` when true. Entries are sorted by rule id, then pointer,
 * then position. An ERROR entry on a real sample carries a `reason`: why a real deploy breaks that
 * rule (written by hand, kept across regenerations).
 *
 * Regeneration: `node packages/core/scripts/evidence-update.mjs` runs the corpus tests with
 * AMPKIT_EVIDENCE_UPDATE=1; the tests then rewrite their expectation files instead of comparing, keeping
 * every hand-written field, and refuse to write when an entry that needs a reason has none.
 */
import { writeFileSync } from "node:fs"
import type { Diagnostic, Severity } from "../../src/Diagnostic.js"

export interface Entry {
  readonly rule: string
  readonly severity: Severity
  readonly pointer: string
  /** `line:column`, 1-based. */
  readonly at: string
  readonly suppressed?: true
  /** Why a real manifest gets this error (required on errors of the samples). */
  readonly reason?: string
}

/** Whether this run rewrites the expectation files (see the module comment). */
export const updating = process.env.AMPKIT_EVIDENCE_UPDATE === "1"

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const position = (at: string): [number, number] => {
  const [line, column] = at.split(":").map(Number)
  return [line ?? 0, column ?? 0]
}

/** Entries in their canonical order: rule, pointer, position. */
export const sortEntries = <E extends Entry>(entries: ReadonlyArray<E>): Array<E> =>
  [...entries].sort((a, b) => {
    const [la, ca] = position(a.at)
    const [lb, cb] = position(b.at)
    return compare(a.rule, b.rule) || compare(a.pointer, b.pointer) || la - lb || ca - cb
  })

/** The entries of a report's diagnostics (no reasons). */
export const entriesOf = (diagnostics: ReadonlyArray<Diagnostic>): Array<Entry> =>
  sortEntries(
    diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      pointer: d.pointer,
      at: `${d.line}:${d.column}`,
      ...(d.suppressed ? { suppressed: true as const } : {}),
    })),
  )

/** An entry without its reason, for comparisons. */
export const bare = (entry: Entry): Entry => {
  const { reason: _reason, ...rest } = entry
  return rest
}

const keyOf = (entry: Entry): string => `${entry.severity} ${entry.rule} ${entry.pointer}`

/**
 * `fresh` entries with the reasons of `previous` carried over, matched by severity, rule and pointer
 * (a moved line keeps its reason; a new pointer needs a new one).
 */
export const carryReasons = (previous: ReadonlyArray<Entry>, fresh: ReadonlyArray<Entry>): Array<Entry> => {
  const reasons = new Map<string, string>()
  for (const e of previous) if (e.reason !== undefined && e.reason.trim() !== "") reasons.set(keyOf(e), e.reason)
  return fresh.map((e) => {
    const reason = reasons.get(keyOf(e))
    return reason === undefined ? e : { ...e, reason }
  })
}

/** One line per entry, for readable diffs. */
const entryJson = (entry: Entry): string => JSON.stringify(entry)

/**
 * JSON text of an expectation file: 2-space indentation; every array of entries (an array whose items
 * all have `rule` and `at`) is written one entry per line, and any other value that fits on its line
 * (120 columns) is written on one line.
 */
export const expectationJson = (value: unknown): string => {
  const write = (v: unknown, indent: string): string => {
    const inner = `${indent}  `
    const flat = JSON.stringify(v)
    if (indent.length + flat.length <= 100 && !(Array.isArray(v) && v.length > 0 && "rule" in Object(v[0]))) return flat
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]"
      const isEntries = v.every((e) => typeof e === "object" && e !== null && "rule" in e && "at" in e)
      const items = v.map((e) => (isEntries ? entryJson(e as Entry) : write(e, inner)))
      return `[\n${items.map((s) => inner + s).join(",\n")}\n${indent}]`
    }
    if (typeof v === "object" && v !== null) {
      const members = Object.entries(v).filter(([, m]) => m !== undefined)
      if (members.length === 0) return "{}"
      return `{\n${members.map(([k, m]) => `${inner}${JSON.stringify(k)}: ${write(m, inner)}`).join(",\n")}\n${indent}}`
    }
    return JSON.stringify(v)
  }
  return `${write(value, "")}\n`
}

/** Write an expectation file. */
export const writeExpectations = (path: string, value: unknown): void => writeFileSync(path, expectationJson(value))

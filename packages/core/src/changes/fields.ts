/**
 * Field entries of a read object (changes.md "Identity"): an entry is identified by its delivered
 * key (`mapToName` if present, else `fieldName`) across `requiredFields` and `optionalFields`, so
 * moving between the two lists keeps its identity. A removed and an added entry with the same
 * `fieldName` are one entry whose mapping changed (`field-mapping-changed`), not two changes.
 *
 * `before` / `after` of every field change are the whole entries (canonical JSON), so that a
 * change says exactly which entry it is about even when its key changes.
 */
import type { Emit } from "./emit.js"
import { compareStrings, type NField, type NReadObject, sameEntry } from "./normal.js"

/** The display members of an entry: only the install UI shows them. */
const displayKeys = ["mapToDisplayName", "prompt", "default"] as const

/** The same entries with the same requiredness: nothing to report (the common case, checked without allocating). */
const sameFields = (o: NReadObject, n: NReadObject): boolean => {
  if (o.fields.size !== n.fields.size) return false
  for (const [key, f] of o.fields) {
    const g = n.fields.get(key)
    if (g === undefined || g.required !== f.required || !sameEntry(f, g)) return false
  }
  return true
}

export const compareFields = (o: NReadObject, n: NReadObject, emit: Emit): void => {
  if (sameFields(o, n)) return
  const subject = (key: string) => ["read", n.name, "fields", key]
  const pairs: Array<readonly [NField, NField]> = []
  const leftOld = new Map<string, Array<NField>>()
  const leftNew = new Map<string, Array<NField>>()
  const removed: Array<NField> = []
  const added: Array<NField> = []
  const park = (m: Map<string, Array<NField>>, f: NField, rest: Array<NField>) => {
    if (f.fieldName === undefined) rest.push(f)
    else {
      const list = m.get(f.fieldName)
      if (list === undefined) m.set(f.fieldName, [f])
      else list.push(f)
    }
  }
  for (const [key, f] of o.fields) {
    const g = n.fields.get(key)
    if (g !== undefined) pairs.push([f, g])
    else park(leftOld, f, removed)
  }
  for (const [key, g] of n.fields) if (!o.fields.has(key)) park(leftNew, g, added)
  const byKey = (a: NField, b: NField) => compareStrings(a.key, b.key)
  for (const [fieldName, olds] of leftOld) {
    const news = leftNew.get(fieldName) ?? []
    leftNew.delete(fieldName)
    olds.sort(byKey)
    news.sort(byKey)
    const k = Math.min(olds.length, news.length)
    for (let i = 0; i < k; i++) pairs.push([olds[i]!, news[i]!])
    for (const o of olds.slice(k)) removed.push(o)
    for (const n of news.slice(k)) added.push(n)
  }
  for (const news of leftNew.values()) for (const n of news) added.push(n)

  for (const f of removed.sort(byKey)) {
    emit(f.required ? "required-field-removed" : "optional-field-removed", subject(f.key), f.entry, undefined, {
      old: f.pointer,
      new: n.pointer,
      anchor: n.pointer,
    })
  }
  for (const g of added.sort(byKey)) {
    emit(g.required ? "required-field-added" : "optional-field-added", subject(g.key), undefined, g.entry, {
      old: o.pointer,
      new: g.pointer,
      anchor: g.pointer,
    })
  }
  pairs.sort((a, b) => byKey(a[1], b[1]))
  for (const [f, g] of pairs) {
    const place = { old: f.pointer, new: g.pointer, anchor: g.pointer }
    const s = subject(g.key)
    if (f.key !== g.key || f.mapToName !== g.mapToName) emit("field-mapping-changed", s, f.entry, g.entry, place)
    if (f.fieldName !== g.fieldName) emit("field-source-changed", s, f.entry, g.entry, place)
    if (displayKeys.some((k) => f.entry[k] !== g.entry[k])) emit("field-display-changed", s, f.entry, g.entry, place)
    if (f.required && !g.required) emit("field-made-optional", s, f.entry, g.entry, place)
    if (!f.required && g.required) emit("field-made-required", s, f.entry, g.entry, place)
  }
}

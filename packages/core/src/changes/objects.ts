/**
 * Object identity inside an action: `objectName`, exactly; an object whose name differs only in
 * letter case is the same object renamed (`object-name-case-changed`), not a removal and an
 * addition (changes.md "Identity"; Ampersand's CLI compares removed read objects case-insensitively).
 */
import { compareStrings } from "./normal.js"

export interface ObjectPairs<T> {
  /** Objects in both versions, in new-name order; `renamed` when only the letter case of the name changed. */
  readonly pairs: ReadonlyArray<{ readonly old: T; readonly new: T; readonly renamed: boolean }>
  readonly removed: ReadonlyArray<T>
  readonly added: ReadonlyArray<T>
}

/**
 * Pair the objects of two versions by name: exact names first, then the leftovers whose names are
 * equal ignoring case (when several share a lower-cased name, in sorted order). Linear in the
 * number of objects; the result does not depend on the order of either input.
 */
export const pairObjects = <T extends { readonly name: string }>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
): ObjectPairs<T> => {
  const pairs: Array<{ old: T; new: T; renamed: boolean }> = []
  const leftOld = new Map<string, Array<T>>()
  const leftNew = new Map<string, Array<T>>()
  const push = (m: Map<string, Array<T>>, o: T) => {
    const key = o.name.toLowerCase()
    const list = m.get(key)
    if (list === undefined) m.set(key, [o])
    else list.push(o)
  }
  for (const [name, o] of before) {
    const n = after.get(name)
    if (n !== undefined) pairs.push({ old: o, new: n, renamed: false })
    else push(leftOld, o)
  }
  for (const [name, n] of after) if (!before.has(name)) push(leftNew, n)
  const removed: Array<T> = []
  const added: Array<T> = []
  const byName = (a: T, b: T) => compareStrings(a.name, b.name)
  for (const [key, olds] of leftOld) {
    const news = leftNew.get(key) ?? []
    leftNew.delete(key)
    olds.sort(byName)
    news.sort(byName)
    const k = Math.min(olds.length, news.length)
    for (let i = 0; i < k; i++) pairs.push({ old: olds[i]!, new: news[i]!, renamed: true })
    for (const o of olds.slice(k)) removed.push(o)
    for (const n of news.slice(k)) added.push(n)
  }
  for (const news of leftNew.values()) for (const n of news) added.push(n)
  pairs.sort((a, b) => compareStrings(a.new.name, b.new.name))
  removed.sort(byName)
  added.sort(byName)
  return { pairs, removed, added }
}

/**
 * Likely renames. On Ampersand an integration's name is its identity (the upsert key), so a
 * renamed integration really is a new one and the old one keeps running: the diff always reports
 * `integration-removed` + `integration-added`. When the added one has the same provider and mostly
 * the same content as a removed one, the addition carries `likelyRenameOf` to say so.
 *
 * "Mostly the same": the Jaccard similarity of the two integrations' feature sets (objects per
 * action, read fields, events, proxy, watchSchema, module) is at least one half. Each removed
 * integration is claimed by at most one added one, best score first.
 */
import { compareStrings, type NIntegration } from "./normal.js"

const threshold = 0.5
/** Above this many candidate pairs the search is skipped (keeps the diff near-linear on hostile input). */
const maxPairs = 20_000

const features = (n: NIntegration): Set<string> => {
  const out = new Set<string>([`module:${n.module}`])
  if (n.proxy.enabled === true) out.add("proxy")
  if (n.watchSchema !== undefined) out.add("watchSchema")
  for (const o of n.read?.objects.values() ?? []) {
    out.add(`read:${o.name}`)
    for (const key of o.fields.keys()) out.add(`read:${o.name}:field:${key}`)
  }
  for (const o of n.write?.objects.values() ?? []) out.add(`write:${o.name}`)
  for (const o of n.subscribe?.objects.values() ?? []) {
    out.add(`subscribe:${o.name}`)
    for (const key of o.events.keys()) out.add(`subscribe:${o.name}:${key}`)
  }
  return out
}

const jaccard = (a: Set<string>, b: Set<string>): number => {
  let both = 0
  for (const x of a) if (b.has(x)) both++
  const union = a.size + b.size - both
  return union === 0 ? 1 : both / union
}

/** For each added integration that likely renames a removed one: added name → removed name. */
export const likelyRenames = (
  removed: ReadonlyArray<NIntegration>,
  added: ReadonlyArray<NIntegration>,
): Map<string, string> => {
  const out = new Map<string, string>()
  const byProvider = new Map<string, Array<NIntegration>>()
  for (const r of removed) {
    const list = byProvider.get(r.provider)
    if (list === undefined) byProvider.set(r.provider, [r])
    else list.push(r)
  }
  let pairs = 0
  for (const a of added) pairs += byProvider.get(a.provider)?.length ?? 0
  if (pairs === 0 || pairs > maxPairs) return out
  const featureCache = new Map<NIntegration, Set<string>>()
  const featuresOf = (n: NIntegration) => {
    const cached = featureCache.get(n)
    if (cached !== undefined) return cached
    const f = features(n)
    featureCache.set(n, f)
    return f
  }
  const candidates: Array<{ added: string; removed: string; score: number }> = []
  for (const a of added) {
    for (const r of byProvider.get(a.provider) ?? []) {
      const score = jaccard(featuresOf(a), featuresOf(r))
      if (score >= threshold) candidates.push({ added: a.name, removed: r.name, score })
    }
  }
  candidates.sort(
    (x, y) => y.score - x.score || compareStrings(x.added, y.added) || compareStrings(x.removed, y.removed),
  )
  const claimed = new Set<string>()
  for (const c of candidates) {
    if (out.has(c.added) || claimed.has(c.removed)) continue
    out.set(c.added, c.removed)
    claimed.add(c.removed)
  }
  return out
}

/**
 * Did-you-mean: the closest candidate to a misspelt name (keys, providers, modules, enum values).
 *
 * Order of preference:
 * 1. a candidate equal to the input ignoring case (`Salesforce` → `salesforce`);
 * 2. the candidate at the smallest optimal-string-alignment distance (Damerau-Levenshtein where a
 *    transposition of two adjacent characters counts as one edit, `feildName` → `fieldName`),
 *    compared case-insensitively, within a threshold that grows with the input's length:
 *    inputs of 1–2 characters get no fuzzy match, 3–5 allow 1 edit, 6–8 allow 2, 9–11 allow 3, longer allow 4.
 * Ties go to the candidate sharing the longer prefix with the input, then to the one that comes
 * first in the candidates' iteration order. Inputs longer than 64 characters only get case-insensitive
 * matches (bounded work on hostile input). Deterministic, linear in the number of candidates.
 */

const MAX_FUZZY_INPUT = 64

/** Largest edit distance accepted for an input of this length. */
export const suggestionThreshold = (length: number): number =>
  length < 3 ? 0 : length < 6 ? 1 : length < 9 ? 2 : length < 12 ? 3 : 4

/**
 * Optimal string alignment distance between `a` and `b`, or `limit + 1` as soon as it is known to
 * exceed `limit`. O(|a|·|b|) time, O(|b|) memory.
 */
export const editDistance = (a: string, b: string, limit = Number.POSITIVE_INFINITY): number => {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const n = b.length
  let prevPrev: Array<number> = new Array<number>(n + 1).fill(0)
  let prev: Array<number> = Array.from({ length: n + 1 }, (_, j) => j)
  let current: Array<number> = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let value = Math.min((prev[j] as number) + 1, (current[j - 1] as number) + 1, (prev[j - 1] as number) + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (prevPrev[j - 2] as number) + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    const recycled = prevPrev
    prevPrev = prev
    prev = current
    current = recycled
  }
  return prev[n] as number
}

const commonPrefix = (a: string, b: string): number => {
  const max = Math.min(a.length, b.length)
  let i = 0
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

/**
 * The candidate the user most likely meant by `input`, or `undefined` when none is close enough.
 * An exact (case-sensitive) match returns `undefined`: there is nothing to suggest.
 */
export const suggest = (input: string, candidates: Iterable<string>): string | undefined => {
  const lower = input.toLowerCase()
  const fuzzy = input.length <= MAX_FUZZY_INPUT
  const limit = suggestionThreshold(input.length)
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  let bestPrefix = -1
  for (const candidate of candidates) {
    if (candidate === input) return undefined
    const candidateLower = candidate.toLowerCase()
    if (candidateLower === lower) {
      // Case-insensitive equality beats any fuzzy match; the first one found wins.
      if (bestDistance > -1) {
        best = candidate
        bestDistance = -1
      }
      continue
    }
    if (!fuzzy || limit === 0 || bestDistance === -1) continue
    const distance = editDistance(lower, candidateLower, Math.min(limit, bestDistance))
    if (distance > limit) continue
    const prefix = commonPrefix(lower, candidateLower)
    if (distance < bestDistance || (distance === bestDistance && prefix > bestPrefix)) {
      best = candidate
      bestDistance = distance
      bestPrefix = prefix
    }
  }
  return best
}

/**
 * NotListed: the core's own caps, folded into the handler's. The core lists at most 10,000 findings per rule
 * (Validate.ts `maxFindingsPerRule`) and 10 refused characters (internal/source-text.ts), and closes each capped
 * list with ONE finding that counts the rest: "50 more `missing-key` findings are not listed (the first 10000
 * are)", whose `notListed` is 50. That finding stands for `n` findings, not one, and its "the first 10000 are" is false once the handler
 * lists fewer (`maxIssues`). So here it is not listed: its `n` goes into the totals and the `omitted…` counts,
 * and every finding is either listed or counted, exactly once.
 */

/** How many findings a core "… more `rule` findings are not listed" finding stands for (its `notListed`); `undefined` for any other. */
export const notListedCount = (finding: { readonly notListed?: number | undefined }): number | undefined =>
  finding.notListed

export interface Listed<A> {
  /** The first `max` findings, closing findings left out. */
  readonly items: ReadonlyArray<A>
  /** Every finding the list stands for: the listed ones, the others, and those the core only counted. */
  readonly total: number
  /** `total - items.length`: the findings not listed here. */
  readonly omitted: number
}

/** The first `max` findings (never a closing one) and how many the whole list stands for. */
export const listFindings = <A extends { readonly notListed?: number | undefined }>(
  findings: ReadonlyArray<A>,
  max: number,
): Listed<A> => {
  const items: Array<A> = []
  let total = 0
  for (const finding of findings) {
    const more = notListedCount(finding)
    if (more !== undefined) {
      total += more
      continue
    }
    total++
    if (items.length < max) items.push(finding)
  }
  return { items, total, omitted: total - items.length }
}

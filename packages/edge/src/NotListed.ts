/**
 * NotListed: the core's own caps, folded into the handler's. The core lists at most 10,000 findings per rule
 * (Validate.ts `maxFindingsPerRule`) and 10 refused characters (internal/source-text.ts), and closes each capped
 * list with ONE finding that counts the rest: "50 more `missing-key` findings are not listed (the first 10000
 * are)". That finding stands for `n` findings, not one, and its "the first 10000 are" is false once the handler
 * lists fewer (`maxIssues`). So here it is not listed: its `n` goes into the totals and the `omitted…` counts,
 * and every finding is either listed or counted, exactly once.
 */

/** The closing finding's sentence and hint, as the core writes them (a real-core test pins both). */
const notListedMessage = /^(\d{1,15}) more `([a-z0-9-]{1,64})` findings? (?:are|is) not listed \(the first \d+ are\)$/
const notListedHint = "fix the ones listed and validate again"

/** How many findings a core "… more `rule` findings are not listed" finding stands for; `undefined` for any other. */
export const notListedCount = (finding: {
  readonly rule: string
  readonly message: string
  readonly hint?: string | undefined
}): number | undefined => {
  if (finding.hint !== notListedHint) return undefined
  const m = notListedMessage.exec(finding.message)
  return m !== null && m[2] === finding.rule ? Number(m[1]) : undefined
}

export interface Listed<A> {
  /** The first `max` findings, closing findings left out. */
  readonly items: ReadonlyArray<A>
  /** Every finding the list stands for: the listed ones, the others, and those the core only counted. */
  readonly total: number
  /** `total - items.length`: the findings not listed here. */
  readonly omitted: number
}

/** The first `max` findings (never a closing one) and how many the whole list stands for. */
export const listFindings = <A extends { readonly rule: string; readonly message: string; readonly hint?: string }>(
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

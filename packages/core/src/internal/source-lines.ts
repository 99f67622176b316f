/** Offsets → 1-based line and column (UTF-16 code units), with a lazily built line-start table. */
import type { Position } from "../Diagnostic.js"

export class LineIndex {
  private starts: Array<number> | undefined

  constructor(private readonly text: string) {}

  /** Line/column of `offset` (clamped to the text). Only `\n` ends a line: CRLF was normalised before. */
  position(offset: number): Position {
    const starts = this.lineStarts()
    const at = Math.max(0, Math.min(offset, this.text.length))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (starts[mid]! <= at) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 }
  }

  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    const { line } = this.position(offset)
    return this.lineStarts()[line - 1]!
  }

  private lineStarts(): Array<number> {
    if (this.starts !== undefined) return this.starts
    const starts = [0]
    const text = this.text
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1)
    this.starts = starts
    return starts
  }
}

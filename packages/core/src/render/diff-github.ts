/**
 * `ampkit diff --format github`: one GitHub Actions workflow command per change, at its line in
 * the NEW file (a removal at its nearest surviving parent there), so that it shows on the pull
 * request's diff. Failing changes are errors, other dangerous ones warnings, the rest notices.
 */
import type { DiffResult, FailOn } from "../Diff.js"
import { gradeOf, newFilePosition } from "./diff-level.js"
import { githubAnnotation } from "./validation-json.js"

export interface DiffGithubOptions {
  /** Path of the new file as the repository knows it (for `file=`). */
  readonly file: string
  readonly failOn: FailOn
}

export const renderDiffGithub = (result: DiffResult, options: DiffGithubOptions): string => {
  const lines = result.changes.map((c) => {
    const position = newFilePosition(c) ?? { line: 1, column: 1 }
    const title = `${c.id} (${c.level}${c.accepted === true ? ", accepted" : ""})`
    return githubAnnotation(
      options.file,
      gradeOf(c, options.failOn),
      position.line,
      position.column,
      title,
      `${c.message} [${c.fingerprint}]`,
    )
  })
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`
}

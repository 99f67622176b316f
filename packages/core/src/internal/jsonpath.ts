/**
 * Nested field paths in bracket notation (domain.md §2.5), as Ampersand's `amp-common`
 * `jsonpath.ParsePath` accepts them: `$` followed by one or more segments, each either
 * `['<key>']` (key non-empty, without `'`) or `[*]` (every item of an array), and nothing else.
 *
 * `['*']` is refused like upstream does (it reconstructs the segment as `[*]`, which then differs
 * from the input). A single left-to-right scan: linear time on any input, no regular expression.
 */

/** The wildcard segment `[*]`. */
export const wildcard: unique symbol = Symbol.for("@ampkit/core/jsonpath/wildcard")

export type PathSegment = string | typeof wildcard

export type PathParse =
  | { readonly ok: true; readonly segments: ReadonlyArray<PathSegment> }
  | {
      readonly ok: false
      /** What is wrong, one clause ("expected `[` at character 9"). */
      readonly reason: string
      /** 0-based index in the input where the problem is. */
      readonly index: number
    }

/** A field name is a nested path when it starts with `$[` (upstream `IsNestedPath`). */
export const isNestedPath = (name: string): boolean => name.startsWith("$[")

const fail = (reason: string, index: number): PathParse => ({ ok: false, reason, index })

/** Parse a bracket path; characters are counted 1-based in `reason`. */
export const parsePath = (path: string): PathParse => {
  if (path.length === 0) return fail("the path is empty", 0)
  if (!isNestedPath(path)) return fail("a nested path starts with `$[`", 0)
  const segments: Array<PathSegment> = []
  let i = 1
  while (i < path.length) {
    if (path[i] !== "[") return fail(`expected \`[\` at character ${i + 1}`, i)
    const open = path[i + 1]
    if (open === "*") {
      if (path[i + 2] !== "]") return fail(`expected \`]\` after \`[*\` at character ${i + 3}`, i + 2)
      segments.push(wildcard)
      i += 3
      continue
    }
    if (open !== "'") return fail(`expected \`'\` or \`*\` after \`[\` at character ${i + 2}`, i + 1)
    const close = path.indexOf("'", i + 2)
    if (close < 0) return fail(`the key opened at character ${i + 2} has no closing \`'\``, i + 1)
    const key = path.slice(i + 2, close)
    if (key.length === 0) return fail(`empty key \`['']\` at character ${i + 1}`, i)
    if (key === "*") return fail(`\`['*']\` at character ${i + 1} is not a wildcard: write \`[*]\``, i)
    if (path[close + 1] !== "]") return fail(`expected \`]\` after the key at character ${close + 2}`, close + 1)
    segments.push(key)
    i = close + 2
  }
  return { ok: true, segments }
}

/** The path text of segments (the inverse of `parsePath` for valid paths). */
export const formatPath = (segments: ReadonlyArray<PathSegment>): string => {
  let out = "$"
  for (const segment of segments) out += segment === wildcard ? "[*]" : `['${segment}']`
  return out
}

/**
 * Limits: the documented bounds every parse runs under (design/reliability.md, "huge input", "deep
 * nesting", "aliases"). Input past a limit is refused with a `document-limit` finding (`alias-limit`
 * when YAML alias or merge-key expansion crosses the node budget), before the work it would cost.
 *
 * | limit             | default   | counts                                                                  |
 * |-------------------|-----------|-------------------------------------------------------------------------|
 * | `maxBytes`        | 4 MiB     | UTF-8 bytes of the whole input text; checked first, before any parsing  |
 * | `maxDepth`        | 64        | nested arrays/objects (`[]` is depth 1, `[[]]` 2); checked before each  |
 * |                   |           | recursive step; any value is capped at `hardMaxDepth` (256)             |
 * | `maxNodes`        | 1,000,000 | values produced (objects, arrays, scalars), every node an alias or a     |
 * |                   |           | merge key `<<` copies included: an alias bomb stops at the budget       |
 * | `maxStringLength` | 1 MiB     | UTF-16 code units of one string value (1,048,576)                       |
 * | `maxKeyLength`    | 1,024     | UTF-16 code units of one object key                                     |
 *
 * Real manifests are far below all of them: the 121 Ampersand samples are at most 13 KB, 8 levels
 * deep and 500 values.
 */

export interface Limits {
  /** Maximum size of the input, in UTF-8 bytes. */
  readonly maxBytes: number
  /** Maximum nesting of arrays and objects (`[]` is 1). Capped at `hardMaxDepth`. */
  readonly maxDepth: number
  /** Maximum number of values produced, alias and merge-key expansions included. */
  readonly maxNodes: number
  /** Maximum length of one string value, in UTF-16 code units. */
  readonly maxStringLength: number
  /** Maximum length of one object key, in UTF-16 code units. */
  readonly maxKeyLength: number
}

export const defaultLimits: Limits = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 1_000_000,
  maxStringLength: 1024 * 1024,
  maxKeyLength: 1024,
}

/**
 * The ceiling on `maxDepth`, whatever a caller asks for. The YAML composer recurses once per level at
 * roughly 1.2 KB of stack each: measured under vitest, ~800 levels overflow Node's default stack, and
 * an overflow inside V8's lazy regexp compilation aborts the whole process (not a catchable
 * RangeError). 256 levels use about a third of the stack, leaving the rest to the caller.
 */
export const hardMaxDepth = 256

/** `defaultLimits` overridden by `partial`; non-numbers and NaN are ignored, `maxDepth` is capped. */
export const resolveLimits = (partial: Partial<Limits> | undefined): Limits => {
  if (partial === undefined) return defaultLimits
  const pick = (key: keyof Limits): number => {
    const v = partial[key]
    return typeof v === "number" && !Number.isNaN(v) ? Math.max(0, v) : defaultLimits[key]
  }
  return {
    maxBytes: pick("maxBytes"),
    maxDepth: Math.min(pick("maxDepth"), hardMaxDepth),
    maxNodes: pick("maxNodes"),
    maxStringLength: pick("maxStringLength"),
    maxKeyLength: pick("maxKeyLength"),
  }
}

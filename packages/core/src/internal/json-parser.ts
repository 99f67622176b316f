/**
 * A strict RFC 8259 JSON parser: the same plain value as `JSON.parse`, with the hardening of
 * design/reliability.md. Iterative (an explicit stack, no recursion), so no input reaches a RangeError.
 *
 * Differences from `JSON.parse`, all deliberate:
 * - a duplicate key is a `duplicate-key` finding at the second key, and the FIRST value is kept
 *   (the document is still produced);
 * - a number that is not finite (`1e400`) or an integer literal outside ±(2^53−1) is an
 *   `invalid-value` finding, and no document is produced (it would silently change meaning);
 * - depth, node count, string and key lengths are bounded (`Limits`) → `document-limit`;
 * - `__proto__` becomes an own data property (as `JSON.parse` does), never the prototype.
 *
 * The caller has already checked characters (no raw C0 outside tab/LF/CR; CRLF normalised) and
 * stripped one BOM. Offsets in findings are offsets into the text given.
 */
import type { Limits } from "../Limits.js"
import { child } from "./pointer.js"
import { excerpt, type SourceFinding, sourceFinding, where } from "./source-finding.js"
import { LineIndex } from "./source-lines.js"
import { setOwn } from "./source-own-property.js"

export interface JsonOutcome {
  /** Present when the text is a JSON document (possibly with `duplicate-key` findings). */
  readonly value?: { readonly value: unknown }
  readonly findings: ReadonlyArray<SourceFinding>
}

interface ObjectFrame {
  readonly kind: 0
  readonly value: Record<string, unknown>
  /** Offset of the `{`. */
  readonly open: number
  key: string
}
interface ArrayFrame {
  readonly kind: 1
  readonly value: Array<unknown>
}
type Frame = ObjectFrame | ArrayFrame

/** Thrown internally to stop at the first syntax error or broken limit; never escapes `parseJson`. */
class Stop {
  constructor(readonly finding: SourceFinding) {}
}

const QUOTE = 34
const BACKSLASH = 92

/** Parse `text` as one JSON value. Never throws for any string. */
export const parseJson = (text: string, limits: Limits): JsonOutcome => {
  const parser = new JsonParser(text, limits)
  try {
    const value = parser.parse()
    return parser.invalid ? { findings: parser.findings } : { value: { value }, findings: parser.findings }
  } catch (e) {
    if (e instanceof Stop) return { findings: [...parser.findings, e.finding] }
    throw e
  }
}

export class JsonParser {
  pos = 0
  /** A finding that forbids producing a document was recorded (non-finite number …). */
  invalid = false
  readonly findings: Array<SourceFinding> = []
  #nodes = 0
  readonly #stack: Array<Frame> = []
  #lines: LineIndex | undefined

  constructor(
    private readonly text: string,
    private readonly limits: Limits = {
      maxBytes: Number.POSITIVE_INFINITY,
      maxDepth: Number.POSITIVE_INFINITY,
      maxNodes: Number.POSITIVE_INFINITY,
      maxStringLength: Number.POSITIVE_INFINITY,
      maxKeyLength: Number.POSITIVE_INFINITY,
    },
  ) {}

  parse(): unknown {
    const text = this.text
    const stack = this.#stack
    const maxDepth = this.limits.maxDepth
    let value: unknown
    parseValue: for (;;) {
      this.skipSpace()
      const c = text.charCodeAt(this.pos)
      if (c === 123 /* { */ || c === 91 /* [ */) {
        if (stack.length + 1 > maxDepth) {
          this.#stop("document-limit", `nesting is deeper than the limit of ${maxDepth} levels`, this.pos)
        }
        this.#count()
        const open = this.pos++
        this.skipSpace()
        if (c === 123) {
          const obj: Record<string, unknown> = {}
          if (text.charCodeAt(this.pos) === 125 /* } */) {
            this.pos++
            value = obj
          } else {
            const frame: ObjectFrame = { kind: 0, value: obj, open, key: "" }
            stack.push(frame)
            frame.key = this.#memberKey("a string key or `}`")
            continue
          }
        } else {
          const arr: Array<unknown> = []
          if (text.charCodeAt(this.pos) === 93 /* ] */) {
            this.pos++
            value = arr
          } else {
            stack.push({ kind: 1, value: arr })
            continue
          }
        }
      } else if (c === QUOTE) {
        const start = this.pos
        value = this.string()
        if ((value as string).length > this.limits.maxStringLength) {
          this.#stop(
            "document-limit",
            `a string of ${(value as string).length} characters is over the limit of ${this.limits.maxStringLength}`,
            start,
          )
        }
        this.#count()
      } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
        value = this.#number()
        this.#count()
      } else if (c === 116 /* t */ && text.startsWith("true", this.pos)) {
        this.pos += 4
        value = true
        this.#count()
      } else if (c === 102 /* f */ && text.startsWith("false", this.pos)) {
        this.pos += 5
        value = false
        this.#count()
      } else if (c === 110 /* n */ && text.startsWith("null", this.pos)) {
        this.pos += 4
        value = null
        this.#count()
      } else {
        this.#unexpected("a value")
      }

      // Hand the finished value to its container; close every container that ends here.
      for (;;) {
        const frame = stack[stack.length - 1]
        if (frame === undefined) {
          this.skipSpace()
          if (this.pos < text.length) this.#unexpected("the end of the input after the JSON value")
          return value
        }
        if (frame.kind === 1) {
          frame.value.push(value)
          this.skipSpace()
          const d = text.charCodeAt(this.pos)
          if (d === 44 /* , */) {
            this.pos++
            continue parseValue
          }
          if (d !== 93 /* ] */) this.#unexpected("`,` or `]`")
        } else {
          if (Object.hasOwn(frame.value, frame.key)) this.#duplicate(frame.key)
          else setOwn(frame.value, frame.key, value)
          this.skipSpace()
          const d = text.charCodeAt(this.pos)
          if (d === 44 /* , */) {
            this.pos++
            this.skipSpace()
            frame.key = this.#memberKey("a string key")
            continue parseValue
          }
          if (d !== 125 /* } */) this.#unexpected("`,` or `}`")
        }
        this.pos++
        stack.pop()
        value = frame.value
      }
    }
  }

  skipSpace(): void {
    const text = this.text
    let pos = this.pos
    for (;;) {
      const c = text.charCodeAt(pos)
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++
      else break
    }
    this.pos = pos
  }

  /** A member key, the `:` after it and the space before the value. */
  #memberKey(expected: string): string {
    const start = this.pos
    if (this.text.charCodeAt(start) !== QUOTE) this.#unexpected(expected)
    const key = this.string()
    if (key.length > this.limits.maxKeyLength) {
      this.#stop(
        "document-limit",
        `a key of ${key.length} characters is over the limit of ${this.limits.maxKeyLength}`,
        start,
      )
    }
    this.#keyStart = start
    this.skipSpace()
    if (this.text.charCodeAt(this.pos) !== 58 /* : */) this.#unexpected("`:` after the key")
    this.pos++
    return key
  }

  /** Offset of the key being parsed (for the duplicate-key position). */
  #keyStart = 0

  /** The string starting at `pos` (on its opening quote); leaves `pos` after the closing quote. */
  string(): string {
    const text = this.text
    let i = this.pos + 1
    let chunk = i
    let out = ""
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === QUOTE) {
        this.pos = i + 1
        return chunk === this.pos - 1 && out === "" ? "" : out + text.slice(chunk, i)
      }
      if (c === BACKSLASH) {
        out += text.slice(chunk, i)
        const e = text.charCodeAt(i + 1)
        switch (e) {
          case QUOTE:
            out += '"'
            break
          case BACKSLASH:
            out += "\\"
            break
          case 47:
            out += "/"
            break
          case 98:
            out += "\b"
            break
          case 102:
            out += "\f"
            break
          case 110:
            out += "\n"
            break
          case 114:
            out += "\r"
            break
          case 116:
            out += "\t"
            break
          case 117: {
            const hex = text.slice(i + 2, i + 6)
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.#stop(
                "syntax",
                `invalid escape \`\\u${excerpt(hex, 4)}\` at ${this.#at(i)}: expected 4 hex digits`,
                i,
              )
            }
            out += String.fromCharCode(Number.parseInt(hex, 16))
            i += 4
            break
          }
          default:
            if (Number.isNaN(e)) this.#stop("syntax", `unterminated string at ${this.#at(this.pos)}`, this.pos)
            this.#stop(
              "syntax",
              `invalid escape \`\\${excerpt(String.fromCodePoint(text.codePointAt(i + 1)!))}\` at ${this.#at(i)}`,
              i,
            )
        }
        i += 2
        chunk = i
        continue
      }
      if (c < 0x20 || Number.isNaN(c)) {
        if (Number.isNaN(c)) this.#stop("syntax", `unterminated string starting at ${this.#at(this.pos)}`, this.pos)
        const what = c === 10 ? "line break" : `control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`
        this.#stop("syntax", `${what} inside a string at ${this.#at(i)}: escape it`, i)
      }
      i++
    }
  }

  #number(): number {
    const text = this.text
    const start = this.pos
    let i = start
    let integer = true
    if (text.charCodeAt(i) === 45) i++
    const first = text.charCodeAt(i)
    if (first === 48) {
      i++
      const next = text.charCodeAt(i)
      if (next >= 48 && next <= 57) {
        this.#stop("syntax", `number with a leading zero at ${this.#at(start)}: JSON does not allow it`, start)
      }
    } else if (first >= 49 && first <= 57) {
      i++
      while (isDigit(text.charCodeAt(i))) i++
    } else {
      this.pos = i
      this.#unexpected("a digit")
    }
    if (text.charCodeAt(i) === 46 /* . */) {
      integer = false
      i++
      if (!isDigit(text.charCodeAt(i))) {
        this.pos = i
        this.#unexpected("a digit after `.`")
      }
      while (isDigit(text.charCodeAt(i))) i++
    }
    const e = text.charCodeAt(i)
    if (e === 101 || e === 69) {
      integer = false
      i++
      const sign = text.charCodeAt(i)
      if (sign === 43 || sign === 45) i++
      if (!isDigit(text.charCodeAt(i))) {
        this.pos = i
        this.#unexpected("a digit in the exponent")
      }
      while (isDigit(text.charCodeAt(i))) i++
    }
    this.pos = i
    const n = +text.slice(start, i)
    if (!Number.isFinite(n) || (integer && i - start > 15 && !Number.isSafeInteger(n))) {
      const literal = excerpt(text.slice(start, i), 30)
      this.invalid = true
      this.findings.push(
        sourceFinding(
          "invalid-value",
          Number.isFinite(n)
            ? `integer \`${literal}\` is outside ±(2^53−1) and would lose precision`
            : `number \`${literal}\` is too large to be a finite number`,
          this.#lineIndex().position(start),
          this.#pointer(true),
          { hint: "quote it if it is an identifier" },
        ),
      )
    }
    return n
  }

  #count(): void {
    if (++this.#nodes > this.limits.maxNodes) {
      this.#stop("document-limit", `the document has more than ${this.limits.maxNodes} values, the limit`, this.pos)
    }
  }

  #duplicate(key: string): void {
    const first = this.#firstKeyOffset(key)
    const p = this.#lineIndex().position(this.#keyStart)
    const firstLine = first === undefined ? "" : ` (first at line ${this.#lineIndex().position(first).line})`
    this.findings.push(
      sourceFinding(
        "duplicate-key",
        `duplicate key \`${excerpt(key)}\`${firstLine}: the first value is kept`,
        p,
        this.#pointer(true),
        {
          at: "key",
        },
      ),
    )
  }

  /** Offset of the first occurrence of `key` in the innermost object (only on a duplicate: rare). */
  #firstKeyOffset(key: string): number | undefined {
    const frame = this.#stack[this.#stack.length - 1]
    if (frame === undefined || frame.kind !== 0) return undefined
    return scanMembers(this.text, frame.open, (k) => k === key)?.key
  }

  /** The pointer of the value being parsed (`member`), or of its innermost open container. */
  #pointer(member: boolean): string {
    let p = ""
    const n = member ? this.#stack.length : this.#stack.length - 1
    for (let i = 0; i < n; i++) {
      const frame = this.#stack[i]!
      p = frame.kind === 0 ? child(p, frame.key) : child(p, frame.value.length)
    }
    return p
  }

  #lineIndex(): LineIndex {
    if (this.#lines === undefined) this.#lines = new LineIndex(this.text)
    return this.#lines
  }

  #at(offset: number): string {
    return where(this.#lineIndex().position(offset))
  }

  #unexpected(expected: string): never {
    const text = this.text
    const pos = this.pos
    if (pos >= text.length)
      this.#stop("syntax", `unexpected end of input at ${this.#at(pos)}; expected ${expected}`, pos)
    const word = /^[A-Za-z0-9_$.+-]+/.exec(text.slice(pos, pos + 24))
    const token = word !== null ? word[0] : text.slice(pos, pos + (isHighSurrogate(text.charCodeAt(pos)) ? 2 : 1))
    this.#stop("syntax", `unexpected \`${excerpt(token, 20)}\` at ${this.#at(pos)}; expected ${expected}`, pos)
  }

  #stop(rule: "syntax" | "document-limit", message: string, offset: number): never {
    throw new Stop(sourceFinding(rule, message, this.#lineIndex().position(offset), this.#pointer(rule !== "syntax")))
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff

/** Offset just after the string whose opening quote is at `start` (text known to be valid JSON here). */
export const skipString = (text: string, start: number): number => {
  let i = start + 1
  for (;;) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) return i + 1
    if (c === BACKSLASH) i += 2
    else if (Number.isNaN(c)) return i
    else i++
  }
}

/** Offset just after the value starting at `start` (valid JSON, no leading space). */
export const skipValue = (text: string, start: number): number => {
  let i = start
  let depth = 0
  for (;;) {
    const c = text.charCodeAt(i)
    if (Number.isNaN(c)) return i
    if (c === QUOTE) {
      i = skipString(text, i)
      if (depth === 0) return i
      continue
    }
    if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) {
      depth--
      if (depth === 0) return i + 1
      if (depth < 0) return i
    } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) return i
    i++
  }
}

const skipSpaceAt = (text: string, i: number): number => {
  for (;;) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 10 || c === 13 || c === 9) i++
    else return i
  }
}

/**
 * Visit the members of the object whose `{` is at `open` (valid JSON) in order; stop at the first
 * member for which `visit(key, keyOffset, valueOffset)` returns true and return its offsets.
 */
export const scanMembers = (
  text: string,
  open: number,
  visit: (key: string, keyOffset: number, valueOffset: number) => boolean,
): { readonly key: number; readonly value: number } | undefined => {
  const reader = new JsonParser(text)
  let i = skipSpaceAt(text, open + 1)
  while (text.charCodeAt(i) === QUOTE) {
    reader.pos = i
    const key = reader.string()
    const keyOffset = i
    i = skipSpaceAt(text, reader.pos) + 1 // the `:`
    const valueOffset = skipSpaceAt(text, i)
    if (visit(key, keyOffset, valueOffset)) return { key: keyOffset, value: valueOffset }
    i = skipSpaceAt(text, skipValue(text, valueOffset))
    if (text.charCodeAt(i) !== 44) return undefined
    i = skipSpaceAt(text, i + 1)
  }
  return undefined
}

/** Visit the items of the array whose `[` is at `open` (valid JSON) in order; returns their offsets. */
export const scanItems = (text: string, open: number): Array<number> => {
  const out: Array<number> = []
  let i = skipSpaceAt(text, open + 1)
  if (text.charCodeAt(i) === 93) return out
  for (;;) {
    out.push(i)
    i = skipSpaceAt(text, skipValue(text, i))
    if (text.charCodeAt(i) !== 44) return out
    i = skipSpaceAt(text, i + 1)
  }
}

export { skipSpaceAt }

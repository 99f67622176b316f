/**
 * A fast path for the YAML that manifests are written in: one pass over the text, by index, that
 * builds the same `YamlOutcome` as the full path of source-yaml.ts (the `yaml` package's lexer and
 * CST parser, source-yaml-compose.ts, then the hardened walk), or gives up with `undefined`.
 *
 * It reads a deliberately small subset and bails out on anything else, so that for every text it
 * accepts, the value (key order, `__proto__` as an own property), the position records, the findings
 * (`duplicate-key`, `invalid-value`), the YAML 1.1 readings and the `# amp:ignore` directives are
 * exactly those of the full path (the equivalence is property-tested against it):
 * - block mappings and block sequences, indented with spaces (`- key: v` compact mappings, `- - x`,
 *   a sequence at the indent of its key), full-line and trailing comments, blank lines;
 * - scalars: plain (YAML 1.2 core schema; folded over continuation lines, without blank lines
 *   between), single- and double-quoted on one line (all escapes);
 * - one-line flow collections of such scalars (`[a, b]`, `{k: v}`, nested), without `:` or `#` in
 *   their plain scalars and without a trailing comma;
 * - one `---` as the first line of content;
 * - an anchor on a collection that is a mapping value or a sequence item (`key: &name` or `- &name`
 *   then a block collection on the next lines, or a flow collection on the line) and aliases `*name`
 *   of those as block values, as `yaml.stringify` writes shared objects (names of letters, digits,
 *   `-` and `_`); an alias is charged against the limits as in the full path; the anchor is defined
 *   when its collection starts (a later `&name` inside it redefines it; an alias inside it to it bails);
 * - a sequence item on the lines after its `-`.
 * Bailed out: tabs anywhere, other anchors and aliases, merge keys `<<`, tags, directives `%`, block scalars,
 * multi-line quoted scalars and flow collections, `?` keys, empty sequence items and anchored empty values, `...`, several documents,
 * an empty document, a scalar at the root, a key over 1,000 characters, and input near a limit
 * (nesting within 5 levels of `maxDepth`, more than `maxNodes` values, a string or key over its
 * limit): the full path gives those their findings.
 */
import type { Limits } from "../Limits.js"
import type { Directive, Yaml11Scalar } from "../Source.js"
import { escapeToken } from "./pointer.js"
import { directiveRules } from "./source-directives.js"
import { excerpt, type SourceFinding, sourceFinding } from "./source-finding.js"
import type { LineIndex } from "./source-lines.js"
import type { MemberRecord, NodeRecord, YamlOutcome } from "./source-yaml.js"
import { resolvePlain } from "./source-yaml-plain.js"
import { yaml11Reading } from "./source-yaml11.js"
import { yamlEscapes } from "./yaml-escapes.js"

/** Thrown (one shared instance) to give up; caught in `parseYamlFast` only. */
const bail: unique symbol = Symbol("bail")

/** Containers this many levels short of `maxDepth` go to the full path (its parser-stack check has slack). */
const depthMargin = 5
/** An implicit key longer than this goes to the full path (the `yaml` package refuses past 1,024). */
const maxImplicitKey = 1000

const SPACE = 32
const AMPERSAND = 38
const ASTERISK = 42
const NEWLINE = 10
const HASH = 35
const COLON = 58
const DASH = 45
const DOT = 46
const DQUOTE = 34
const SQUOTE = 39
const BACKSLASH = 92
const COMMA = 44
const LBRACKET = 91
const RBRACKET = 93
const LBRACE = 123
const RBRACE = 125

/**
 * Parse `text` (as `parseYaml` receives it) when it is in the subset; `undefined` when it is not
 * (the caller then uses the full path), and when the stack ran out: the fast path recurses once per
 * level, so called with little stack left (deep in a caller's own recursion) even nesting within the
 * limit can overflow it, and the full path decides then.
 */
export const parseYamlFast = (text: string, limits: Limits, lines: LineIndex): YamlOutcome | undefined => {
  if (text.indexOf("\t") !== -1) return undefined
  try {
    return new FastParser(text, limits, lines).document()
  } catch (e) {
    if (e === bail || e instanceof RangeError) return undefined
    throw e
  }
}

class FastParser {
  private readonly findings: Array<SourceFinding> = []
  private readonly yaml11: Array<Yaml11Scalar> = []
  private readonly directives: Array<Directive> = []
  /** Path segments of the node being built (its first `level` entries). */
  private readonly path: Array<string | number> = []
  private invalid = false
  /** Anchored collections, by name (`height` computed at the first alias). */
  private readonly anchors = new Map<string, Anchored>()
  private nodes = 0
  private readonly n: number
  private readonly maxLevel: number
  /** Start and end (the `\n` or the text's length) of the current line; its 1-based number. */
  private ls = 0
  private le = -1
  private line = 0
  /** Indent of the current content line (-1 at the end of the text) and where its content starts. */
  private ind = -1
  private pos = 0

  constructor(
    private readonly text: string,
    private readonly limits: Limits,
    private readonly lines: LineIndex,
  ) {
    this.n = text.length
    this.maxLevel = limits.maxDepth - depthMargin
  }

  document(): YamlOutcome {
    this.nextLine(true)
    if (this.ind < 0) throw bail // empty, or comments only
    const p = this.pos
    const c = this.text.charCodeAt(p)
    let value: unknown
    let node: NodeRecord
    if (this.isDash(p)) {
      const built = this.blockSeq(0, true)
      value = built.value
      node = built.node
    } else if (c === LBRACKET || c === LBRACE) {
      const r = this.flowNode(p, 0, true)
      value = r
      node = this.flowRecord
      this.endLine(this.flowEnd)
      if (this.ind >= 0) throw bail
    } else if (this.key(p)) {
      const built = this.blockMap(0, true)
      value = built.value
      node = built.node
    } else throw bail // a scalar at the root, or something outside the subset
    if (this.ind >= 0) throw bail // content after the root collection
    if (this.invalid) return { findings: this.findings, yaml11Scalars: [], directives: this.directives }
    return {
      value: { value, root: node },
      findings: this.findings,
      yaml11Scalars: this.yaml11,
      directives: this.directives,
    }
  }

  // ---- lines ----

  /**
   * Move to the next line holding content (skipping blank and comment-only lines, recording their
   * directives). `first`: the document's first content line, which may be a `---` marker.
   */
  private nextLine(first = false): void {
    const text = this.text
    const n = this.n
    let ls = this.le + 1
    for (;;) {
      if (ls >= n) {
        this.ls = n
        this.le = n
        this.ind = -1
        this.pos = n
        return
      }
      let le = text.indexOf("\n", ls)
      if (le === -1) le = n
      this.line++
      this.ls = ls
      this.le = le
      let p = ls
      while (p < le && text.charCodeAt(p) === SPACE) p++
      if (p === le) {
        ls = le + 1
        continue
      }
      const c = text.charCodeAt(p)
      if (c === HASH) {
        this.comment(p, true)
        ls = le + 1
        continue
      }
      if (p === ls && (c === DASH || c === DOT) && p + 2 < n) {
        const marker = text.startsWith("---", p) || text.startsWith("...", p)
        if (marker) {
          if (!first || c === DOT) throw bail
          const after = p + 3
          if (after < le && text.charCodeAt(after) !== SPACE) throw bail // `---x`: leave it to the full path
          let q = after
          while (q < le && text.charCodeAt(q) === SPACE) q++
          if (q < le) {
            if (text.charCodeAt(q) !== HASH || q === after) throw bail // content after `---`
            this.comment(q, false)
          }
          first = false
          ls = le + 1
          continue
        }
      }
      this.ind = p - ls
      this.pos = p
      return
    }
  }

  /** After a value ending at `p`: only spaces and a comment may follow on the line; then the next line. */
  private endLine(p: number): void {
    const text = this.text
    const le = this.le
    let q = p
    while (q < le && text.charCodeAt(q) === SPACE) q++
    if (q < le) {
      if (text.charCodeAt(q) !== HASH || q === p) throw bail
      this.comment(q, false)
    }
    this.nextLine()
  }

  /** A comment from `p` (`#`) to the end of the line: a directive when it is one. */
  private comment(p: number, standalone: boolean): void {
    const text = this.text
    let q = p + 1
    while (q < this.le && text.charCodeAt(q) === SPACE) q++
    if (!text.startsWith("amp:ignore", q)) return
    const rules = directiveRules(text.slice(p, this.le))
    if (rules !== undefined) this.directives.push({ line: this.line, standalone, rules })
  }

  /** `-` followed by a space or the end of the line: a block sequence indicator. */
  private isDash(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false
    return p + 1 === this.le || this.text.charCodeAt(p + 1) === SPACE
  }

  // ---- block collections ----

  /** The block sequence whose first `-` is at `this.pos`, at `level`. Leaves the cursor after it. */
  private blockSeq(level: number, record: boolean): { value: Array<unknown>; node: NodeRecord } {
    const start = this.pos
    const col = start - this.ls
    this.enter(level)
    const value: Array<unknown> = []
    const items: Array<NodeRecord> = []
    const text = this.text
    for (;;) {
      // At a `-` of this sequence.
      let p = this.pos + 1
      while (p < this.le && text.charCodeAt(p) === SPACE) p++
      this.path[level] = value.length
      const anchor = p < this.le && text.charCodeAt(p) === AMPERSAND ? this.anchor(p) : undefined
      if (anchor !== undefined) p = this.afterAnchor
      const pending = anchor === undefined ? undefined : this.defineAnchor(anchor)
      const before = this.nodes
      let v: unknown
      let node: NodeRecord
      const c = text.charCodeAt(p)
      if (p === this.le || c === HASH) {
        // The item is on the next lines (an empty item is left to the full path).
        if (p < this.le) this.comment(p, false)
        this.nextLine()
        if (this.ind <= col) throw bail
        v = this.nestedBlock(level + 1, record)
        node = this.nestedRecord
      } else if (anchor === undefined && this.isDash(p)) {
        this.pos = p
        const built = this.blockSeq(level + 1, record)
        v = built.value
        node = built.node
      } else if (anchor === undefined && c !== LBRACKET && c !== LBRACE && c !== ASTERISK && this.key(p)) {
        this.pos = p
        const built = this.blockMap(level + 1, record)
        v = built.value
        node = built.node
      } else {
        v = this.inlineValue(p, level + 1, record, col)
        node = this.inlineRecord
        this.endLine(this.inlineEnd)
        if (this.ind > col) throw bail // a continuation line, or a misplaced one
      }
      if (anchor !== undefined)
        this.anchored(anchor, pending, { value: v, node, count: this.nodes - before, height: -1 })
      value.push(v)
      items.push(node)
      if (this.ind !== col || !this.isDash(this.pos)) break
    }
    if (this.ind > col) throw bail
    return { value, node: { start, items } }
  }

  /**
   * The block mapping whose first key was just read by `key()` at `this.pos`, at `level`; its
   * column is that key's. Leaves the cursor after it.
   */
  private blockMap(level: number, record: boolean): { value: Record<string, unknown>; node: NodeRecord } {
    const text = this.text
    const start = this.pos
    const col = start - this.ls
    this.enter(level)
    const value: Record<string, unknown> = {}
    const members = new Map<string, MemberRecord>()
    for (;;) {
      // `key()` has read the key at this.pos.
      const key = this.keyText
      const keyStart = this.keyStart
      if (key.length > this.limits.maxKeyLength) throw bail
      this.path[level] = key
      const first = members.get(key)
      const keep = first === undefined
      if (!keep) this.duplicate(key, keyStart, level + 1, first.key)
      const rec = record && keep
      let p = this.afterColon
      while (p < this.le && text.charCodeAt(p) === SPACE) p++
      let v: unknown
      let node: NodeRecord
      // `key: &name` then a block collection on the next lines, or a flow collection.
      const anchor = p < this.le && text.charCodeAt(p) === AMPERSAND ? this.anchor(p) : undefined
      if (anchor !== undefined) p = this.afterAnchor
      const pending = anchor === undefined ? undefined : this.defineAnchor(anchor)
      const before = this.nodes
      if (p === this.le || text.charCodeAt(p) === HASH) {
        // The value is on the next lines, or empty.
        if (p < this.le) this.comment(p, false)
        this.nextLine()
        if (this.ind > col || (this.ind === col && this.isDash(this.pos))) {
          v = this.nestedBlock(level + 1, rec)
          node = this.nestedRecord
        } else {
          if (anchor !== undefined) throw bail // an anchored empty value
          this.count()
          v = null
          node = { start: p }
        }
      } else {
        v = this.inlineValue(p, level + 1, rec, col)
        node = this.inlineRecord
        this.endLine(this.inlineEnd)
      }
      if (anchor !== undefined)
        this.anchored(anchor, pending, { value: v, node, count: this.nodes - before, height: -1 })
      if (keep) {
        if (key === "__proto__") {
          Object.defineProperty(value, key, { value: v, writable: true, enumerable: true, configurable: true })
        } else value[key] = v
        members.set(key, { key: keyStart, node })
      }
      if (this.ind !== col) break
      if (this.isDash(this.pos) || !this.key(this.pos)) throw bail
    }
    if (this.ind > col) throw bail
    return { value, node: { start, members } }
  }

  /** Set by `nestedBlock()`: the collection's record. */
  private nestedRecord: NodeRecord = { start: 0 }

  /** The block collection (a sequence or a mapping) that starts at this.pos, at `level`. */
  private nestedBlock(level: number, record: boolean): unknown {
    const q = this.pos
    const c = this.text.charCodeAt(q)
    const built = this.isDash(q)
      ? this.blockSeq(level, record)
      : c !== LBRACKET && c !== LBRACE && this.key(q)
        ? this.blockMap(level, record)
        : undefined
    if (built === undefined) throw bail // a scalar on the next line
    this.nestedRecord = built.node
    return built.value
  }

  /**
   * Define the anchor `name` as its node starts (YAML 1.2, go-yaml v3, as the full path does): an
   * alias inside the node to it is the full path's to report (`alias()` bails on a pending anchor).
   */
  private defineAnchor(name: string): Anchored {
    const pending: Anchored = { value: undefined, node: { start: 0 }, count: 0, height: -1, pending: true }
    this.anchors.set(name, pending)
    return pending
  }

  /** The node anchored `name` is built: it is the anchor's value unless the node redefined the anchor inside. */
  private anchored(name: string, pending: Anchored | undefined, done: Anchored): void {
    if (this.anchors.get(name) === pending) this.anchors.set(name, done)
  }

  /** Set by `anchor()`: where the anchored value (or the end of the line, or a comment) starts. */
  private afterAnchor = 0

  /**
   * The name of the anchor `&name` at `p`. Only a collection may follow: on the next lines (the end
   * of the line or a comment follows) or a flow collection on this line.
   */
  private anchor(p: number): string {
    const text = this.text
    const end = this.nameEnd(p + 1)
    let q = end
    while (q < this.le && text.charCodeAt(q) === SPACE) q++
    if (q < this.le) {
      const d = text.charCodeAt(q)
      if (d !== HASH && d !== LBRACKET && d !== LBRACE) throw bail // a scalar, or a key, on the same line
    }
    this.afterAnchor = q
    return text.slice(p + 1, end)
  }

  // ---- keys ----

  /** Set by `key()`: the normalised key, where it starts, and the offset after its `:`. */
  private keyText = ""
  private keyStart = 0
  private afterColon = 0

  /**
   * Whether the content at `p` is an implicit key of a block mapping (`key:` then a space or the
   * end of the line); reads it into keyText/keyStart/afterColon. Bails on what is outside the subset.
   */
  private key(p: number): boolean {
    const text = this.text
    const le = this.le
    const c = text.charCodeAt(p)
    let end: number
    let colon: number
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.doubleEnd(p) : this.singleEnd(p)
      let q = close
      while (q < le && text.charCodeAt(q) === SPACE) q++
      if (q >= le || text.charCodeAt(q) !== COLON) return false
      if (q + 1 < le && text.charCodeAt(q + 1) !== SPACE) throw bail // `"a":b`
      colon = q
      this.keyText = c === DQUOTE ? this.doubleValue(p, close) : this.singleValue(p, close)
    } else {
      if (!plainFirst(text, p, le, false)) throw bail
      let i = p + 1
      for (;;) {
        if (i >= le) return false // a scalar, not a key
        const d = text.charCodeAt(i)
        if (d === COLON) {
          if (i + 1 === le || text.charCodeAt(i + 1) === SPACE) break
        } else if (d === HASH && text.charCodeAt(i - 1) === SPACE) return false // a comment ends it
        i++
      }
      colon = i
      end = i
      while (text.charCodeAt(end - 1) === SPACE) end--
      const key = text.slice(p, end)
      if (key === "<<") throw bail // a merge key
      this.keyText = key
    }
    if (colon - p > maxImplicitKey) throw bail
    this.keyStart = p
    this.afterColon = colon + 1
    return true
  }

  // ---- scalars and flow collections on one line ----

  /** Set by `inlineValue()`: the value's record and the offset after it. */
  private inlineRecord: NodeRecord = { start: 0 }
  private inlineEnd = 0

  /**
   * A scalar or flow collection starting at `p`, a value of the block collection at column `col`:
   * on this line, except that a plain scalar goes on over the next lines indented past `col`.
   */
  private inlineValue(p: number, level: number, record: boolean, col: number): unknown {
    const text = this.text
    const c = text.charCodeAt(p)
    if (c === LBRACKET || c === LBRACE) {
      const v = this.flowNode(p, level, record)
      this.inlineRecord = this.flowRecord
      this.inlineEnd = this.flowEnd
      return v
    }
    if (c === ASTERISK) return this.alias(p, level)
    this.inlineRecord = { start: p }
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.doubleEnd(p) : this.singleEnd(p)
      this.inlineEnd = close
      return this.quoted(c === DQUOTE ? this.doubleValue(p, close) : this.singleValue(p, close))
    }
    if (!plainFirst(text, p, this.le, false)) throw bail
    let end = this.plainLine(p)
    let source: string | undefined
    // Continuation lines: the next line (no blank line between) indented past `col`, not a comment.
    const n = this.n
    while (end === -1) {
      const end0 = this.plainEnd
      const ls = this.le + 1
      let q = ls
      while (q < n && text.charCodeAt(q) === SPACE) q++
      if (q >= n || q - ls <= col || text.charCodeAt(q) === NEWLINE || text.charCodeAt(q) === HASH) {
        end = end0
        break
      }
      let le = text.indexOf("\n", ls)
      if (le === -1) le = n
      source = `${source ?? text.slice(p, end0)} `
      this.line++
      this.ls = ls
      this.le = le
      if (!plainFirst(text, q, le, false)) throw bail
      end = this.plainLine(q)
      source += text.slice(q, end === -1 ? this.plainEnd : end)
    }
    this.inlineEnd = end
    return this.plain(source ?? text.slice(p, end), p, level, record)
  }

  /**
   * The alias `*name` at `p`, a value at `level`: a copy of the anchored collection's value and its
   * position record, charged against the budgets as the full path does (its nodes, its nesting).
   */
  private alias(p: number, level: number): unknown {
    const end = this.nameEnd(p + 1)
    const target = this.anchors.get(this.text.slice(p + 1, end))
    // No anchor before it, or an alias inside its own anchored node: the full path reports it.
    if (target === undefined || target.pending === true) throw bail
    if (target.height < 0) target.height = heightOf(target.value)
    if (level + target.height >= this.maxLevel) throw bail
    this.nodes += target.count
    if (this.nodes > this.limits.maxNodes) throw bail
    this.inlineRecord = target.node
    this.inlineEnd = end
    return copy(target.value)
  }

  /** The end of an anchor or alias name starting at `p` (letters, digits, `-`, `_`; at least one). */
  private nameEnd(p: number): number {
    const text = this.text
    let i = p
    for (;;) {
      const c = text.charCodeAt(i)
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === DASH || c === 95) i++
      else break
    }
    if (i === p || i > this.le) throw bail
    if (i < this.le && text.charCodeAt(i) !== SPACE) throw bail // a name with other characters
    return i
  }

  /** Set by `plainLine()`: where the line's part of a plain scalar ends. */
  private plainEnd = 0

  /**
   * Scan one line of a plain scalar in block context from `p` to a comment or the end of the line;
   * trailing spaces are not part of it. The offset after it when a comment follows; -1 (and
   * plainEnd set) when it reaches the end of the line.
   */
  private plainLine(p: number): number {
    const text = this.text
    const le = this.le
    let i = p + 1
    let end = i
    while (i < le) {
      const d = text.charCodeAt(i)
      if (d === SPACE) {
        i++
        continue
      }
      if (d === HASH && text.charCodeAt(i - 1) === SPACE) return end
      if (d === COLON && (i + 1 === le || text.charCodeAt(i + 1) === SPACE)) throw bail // `a: b: c`
      i++
      end = i
    }
    this.plainEnd = end
    return -1
  }

  /** Set by `flowNode()`: the collection's record and the offset after its closing bracket. */
  private flowRecord: NodeRecord = { start: 0 }
  private flowEnd = 0

  /** The flow collection opening at `p` (`[` or `{`), closed on this line. */
  private flowNode(p: number, level: number, record: boolean): unknown {
    const text = this.text
    const le = this.le
    this.enter(level)
    let i = p + 1
    while (i < le && text.charCodeAt(i) === SPACE) i++
    if (text.charCodeAt(p) === LBRACKET) {
      const value: Array<unknown> = []
      const items: Array<NodeRecord> = []
      if (i < le && text.charCodeAt(i) === RBRACKET) i++
      else {
        for (;;) {
          this.path[level] = value.length
          value.push(this.flowItem(i, level + 1, record))
          items.push(this.flowRecord)
          i = this.flowEnd
          while (i < le && text.charCodeAt(i) === SPACE) i++
          if (i >= le) throw bail
          const d = text.charCodeAt(i++)
          if (d === RBRACKET) break
          if (d !== COMMA) throw bail
          while (i < le && text.charCodeAt(i) === SPACE) i++
          if (i >= le || text.charCodeAt(i) === RBRACKET) throw bail // a trailing comma, or a line break
        }
      }
      this.flowRecord = { start: p, items }
      this.flowEnd = i
      return value
    }
    const value: Record<string, unknown> = {}
    const members = new Map<string, MemberRecord>()
    if (i < le && text.charCodeAt(i) === RBRACE) i++
    else {
      for (;;) {
        // A key: quoted, or plain up to `: `.
        const keyStart = i
        const c = text.charCodeAt(i)
        let key: string
        if (c === DQUOTE || c === SQUOTE) {
          const close = c === DQUOTE ? this.doubleEnd(i) : this.singleEnd(i)
          key = c === DQUOTE ? this.doubleValue(i, close) : this.singleValue(i, close)
          i = close
          while (i < le && text.charCodeAt(i) === SPACE) i++
          if (i >= le || text.charCodeAt(i) !== COLON) throw bail
        } else {
          if (!plainFirst(text, i, le, true)) throw bail
          let end = i + 1
          i++
          for (;;) {
            if (i >= le) throw bail
            const d = text.charCodeAt(i)
            if (d === COLON) break
            if (d === COMMA || d === RBRACE || d === RBRACKET || d === LBRACE || d === LBRACKET || d === HASH) {
              throw bail // a key without a value, or outside the subset
            }
            i++
            if (d !== SPACE) end = i
          }
          key = text.slice(keyStart, end)
          if (key === "<<") throw bail
        }
        // At the `:`; a space must follow.
        if (i + 1 >= le || text.charCodeAt(i + 1) !== SPACE) throw bail
        if (i - keyStart > maxImplicitKey || key.length > this.limits.maxKeyLength) throw bail
        i += 2
        while (i < le && text.charCodeAt(i) === SPACE) i++
        if (i >= le) throw bail
        const d = text.charCodeAt(i)
        if (d === COMMA || d === RBRACE) throw bail // an empty value
        this.path[level] = key
        const first = members.get(key)
        const keep = first === undefined
        if (!keep) this.duplicate(key, keyStart, level + 1, first.key)
        const v = this.flowItem(i, level + 1, record && keep)
        if (keep) {
          if (key === "__proto__") {
            Object.defineProperty(value, key, { value: v, writable: true, enumerable: true, configurable: true })
          } else value[key] = v
          members.set(key, { key: keyStart, node: this.flowRecord })
        }
        i = this.flowEnd
        while (i < le && text.charCodeAt(i) === SPACE) i++
        if (i >= le) throw bail
        const e = text.charCodeAt(i++)
        if (e === RBRACE) break
        if (e !== COMMA) throw bail
        while (i < le && text.charCodeAt(i) === SPACE) i++
        if (i >= le || text.charCodeAt(i) === RBRACE) throw bail
      }
    }
    this.flowRecord = { start: p, members }
    this.flowEnd = i
    return value
  }

  /** An item (or member value) of a flow collection at `p`; sets flowRecord and flowEnd. */
  private flowItem(p: number, level: number, record: boolean): unknown {
    const text = this.text
    const c = text.charCodeAt(p)
    if (c === LBRACKET || c === LBRACE) return this.flowNode(p, level, record)
    if (c === DQUOTE || c === SQUOTE) {
      const close = c === DQUOTE ? this.doubleEnd(p) : this.singleEnd(p)
      const v = this.quoted(c === DQUOTE ? this.doubleValue(p, close) : this.singleValue(p, close))
      this.flowRecord = { start: p }
      this.flowEnd = close
      // `["a": 1]` is a pair: outside the subset.
      let q = close
      while (q < this.le && text.charCodeAt(q) === SPACE) q++
      if (q < this.le && text.charCodeAt(q) === COLON) throw bail
      return v
    }
    if (!plainFirst(text, p, this.le, true)) throw bail
    const le = this.le
    let i = p + 1
    let end = i
    for (;;) {
      if (i >= le) throw bail
      const d = text.charCodeAt(i)
      if (d === COMMA || d === RBRACKET || d === RBRACE) break
      if (d === COLON || d === HASH || d === LBRACKET || d === LBRACE) throw bail
      i++
      if (d !== SPACE) end = i
    }
    this.flowRecord = { start: p }
    this.flowEnd = end
    return this.plain(text.slice(p, end), p, level, record)
  }

  /** Set by `doubleEnd()`: whether the scalar holds a `\\` escape. */
  private escaped = false

  /** Offset after the closing `"` of the double-quoted scalar at `p`; bails when not closed on the line. */
  private doubleEnd(p: number): number {
    const text = this.text
    const le = this.le
    let escaped = false
    let i = p + 1
    for (;;) {
      if (i >= le) throw bail
      const c = text.charCodeAt(i)
      if (c === DQUOTE) {
        this.escaped = escaped
        return i + 1
      }
      if (c === BACKSLASH) {
        escaped = true
        i += 2
      } else i++
    }
  }

  /** Offset after the closing `'` of the single-quoted scalar at `p`; bails when not closed on the line. */
  private singleEnd(p: number): number {
    const text = this.text
    const le = this.le
    let i = p + 1
    for (;;) {
      if (i >= le) throw bail
      if (text.charCodeAt(i) === SQUOTE) {
        if (text.charCodeAt(i + 1) !== SQUOTE || i + 1 >= le) return i + 1
        i += 2
      } else i++
    }
  }

  /** The value of the double-quoted scalar from `p` to `close` (after its closing quote), just read by doubleEnd. */
  private doubleValue(p: number, close: number): string {
    const text = this.text
    const last = close - 1
    if (!this.escaped) return text.slice(p + 1, last)
    let out = ""
    let from = p + 1
    let i = from
    while (i < last) {
      if (text.charCodeAt(i) !== BACKSLASH) {
        i++
        continue
      }
      out += text.slice(from, i)
      const e = text[i + 1]!
      const simple = yamlEscapes[e]
      if (simple !== undefined) {
        out += simple
        i += 2
      } else {
        const length = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0
        if (length === 0) throw bail // an invalid escape: the full path reports it
        const hex = text.slice(i + 2, i + 2 + length)
        if (i + 2 + length > last || !hexDigits.test(hex)) throw bail
        const code = Number.parseInt(hex, 16)
        if (code > 0x10ffff) throw bail
        out += String.fromCodePoint(code)
        i += 2 + length
      }
      from = i
    }
    return out + text.slice(from, last)
  }

  /** The value of the single-quoted scalar from `p` to `close`. */
  private singleValue(p: number, close: number): string {
    const raw = this.text.slice(p + 1, close - 1)
    return raw.indexOf("'") === -1 ? raw : raw.replace(/''/g, "'")
  }

  /** A quoted scalar's value: counted and checked against the string limit. */
  private quoted(value: string): string {
    this.count()
    if (value.length > this.limits.maxStringLength) throw bail
    return value
  }

  /** The plain scalar `source` (folded) starting at `start`, resolved with the core schema; its findings and 1.1 reading. */
  private plain(source: string, start: number, level: number, record: boolean): unknown {
    this.count()
    const value = resolvePlain(source)
    if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        const why = nonFinite.test(source) ? "is not a finite number" : "is too large to be a finite number"
        this.fail(
          `number \`${excerpt(source, 30)}\` ${why}`,
          start,
          level,
          "JSON has no infinity or NaN; quote it if it is text",
        )
      } else if (!Number.isSafeInteger(value) && integerLiteral.test(source)) {
        this.fail(
          `integer \`${excerpt(source, 30)}\` is outside ±(2^53−1) and would lose precision`,
          start,
          level,
          "quote it if it is an identifier",
        )
      }
    }
    if (record && mayReadAs11(source)) {
      const as = yaml11Reading(source, value)
      if (as !== undefined) this.yaml11.push({ pointer: this.pointer(level), source, as })
    }
    if (typeof value === "string" && value.length > this.limits.maxStringLength) throw bail
    return value
  }

  // ---- budgets and findings ----

  private enter(level: number): void {
    if (level >= this.maxLevel) throw bail
    this.count()
  }

  private count(): void {
    if (++this.nodes > this.limits.maxNodes) throw bail
  }

  private duplicate(key: string, offset: number, level: number, first: number): void {
    const firstLine = ` (first at line ${this.lines.position(first).line})`
    this.findings.push(
      sourceFinding(
        "duplicate-key",
        `duplicate key \`${excerpt(key)}\`${firstLine}: the first value is kept`,
        this.lines.position(offset),
        this.pointer(level),
        { at: "key" },
      ),
    )
  }

  private fail(message: string, offset: number, level: number, hint: string): void {
    this.invalid = true
    this.findings.push(
      sourceFinding("invalid-value", message, this.lines.position(offset), this.pointer(level), { hint }),
    )
  }

  /** The JSON pointer of the first `level` path segments. */
  private pointer(level: number): string {
    let out = ""
    for (let i = 0; i < level; i++) out += `/${escapeToken(this.path[i]!)}`
    return out
  }
}

interface Anchored {
  readonly value: unknown
  readonly node: NodeRecord
  /** Nodes the anchored value holds: the cost of one copy. */
  readonly count: number
  /** Nesting of containers in the value; -1 until computed. */
  height: number
  /** The node is still being built (its anchor is defined from its start). */
  readonly pending?: true
}

/** Nesting of containers in plain data (a scalar is 0, `[]` 1). */
const heightOf = (value: unknown): number => {
  if (value === null || typeof value !== "object") return 0
  let max = 0
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const h = heightOf(item)
    if (h > max) max = h
  }
  return max + 1
}

/** A deep copy of plain data, `__proto__` kept as an own property (as source-yaml.ts copies). */
const copy = (value: unknown): unknown => {
  if (value === null || typeof value !== "object") return value
  if (Array.isArray(value)) return value.map(copy)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = copy((value as Record<string, unknown>)[key])
    if (key === "__proto__")
      Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true })
    else out[key] = v
  }
  return out
}

const hexDigits = /^[0-9a-fA-F]+$/

/**
 * Whether the character at `p` may start a plain scalar here: not an indicator (`-` only before
 * another character); in flow context (`flow`) also not before a flow indicator.
 */
const plainFirst = (text: string, p: number, le: number, flow: boolean): boolean => {
  switch (text.charCodeAt(p)) {
    case DASH: {
      if (p + 1 >= le) return false
      const d = text.charCodeAt(p + 1)
      if (d === SPACE) return false
      return !flow || (d !== COMMA && d !== RBRACKET && d !== RBRACE && d !== LBRACKET && d !== LBRACE)
    }
    case 33: // !
    case DQUOTE:
    case HASH:
    case 37: // %
    case 38: // &
    case SQUOTE:
    case 42: // *
    case COMMA:
    case COLON:
    case 62: // >
    case 63: // ?
    case 64: // @
    case LBRACKET:
    case RBRACKET:
    case 96: // `
    case LBRACE:
    case 124: // |
    case RBRACE:
    case SPACE:
    case NEWLINE:
      return false
    default:
      return true
  }
}

/** The walk's checks on numbers (source-yaml.ts). */
const nonFinite = /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/
const integerLiteral = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/

/**
 * A cheap filter before `yaml11Reading`: it reports only sources whose first character is a sign,
 * digit or `.` (numbers) or one of `yYnNoO` (booleans, at most 3 characters long).
 */
const mayReadAs11 = (s: string): boolean => {
  const c = s.charCodeAt(0)
  if ((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT) return true
  return s.length <= 3 && (c === 121 || c === 89 || c === 110 || c === 78 || c === 111 || c === 79)
}

/**
 * YAML 1.2 (core schema) → plain JSON data, hardened (design/reliability.md, parsing table).
 *
 * The `yaml` package lexes and parses (its CST `Parser` only: its Composer, Document and node classes
 * cost ≈30 KiB gzip in the browser bundle, issue #6); source-yaml-compose.ts composes the CST with the
 * checks of the package's composer into light nodes, and the plain value is built here by walking
 * them, which is where the policy lives:
 * - the lexer's lexemes are checked first: tags (`!!binary`, `!x`) and directives (`%YAML`, `%TAG`)
 *   are refused, comments are collected for `# amp:ignore` directives, and the CST parser's stack is
 *   watched so nesting past `maxDepth` stops before the (recursive) composer ever runs;
 * - one document only; an empty or comments-only input is refused with the reason;
 * - keys are scalars, compared after normalisation (a plain key is its text, as Go's YAML decoders
 *   read keys into strings: `1:` and `"1":` collide, `1.0:` and `1:` do not);
 * - a duplicate key is a `duplicate-key` finding at the second key; the first value is kept;
 * - anchors, aliases and merge keys `<<` are resolved (explicit keys win over merged ones, earlier
 *   merge sources over later ones); every node an alias or merge copies counts against `maxNodes`,
 *   charged BEFORE copying, so an alias bomb stops (`alias-limit`) after work bounded by the budget;
 * - an anchor is defined when its node STARTS, as in YAML 1.2 and go-yaml v3 (which the server uses):
 *   a later `&A` inside the node redefines it (`a: &A {b: &A [1]}` then `*A` is `[1]`), and an alias
 *   inside the node to its own anchor (`&A [*A]`, `&A {<<: *A}`) is a `syntax` finding, as go-yaml's
 *   "anchor 'A' value contains itself";
 * - `.inf`, `.nan`, `1e400` and integer literals outside ±(2^53−1) are `invalid-value`;
 * - `__proto__` keys become own data properties; no merge ever writes a prototype.
 */
import { type CST, Lexer, Parser } from "yaml"
import type { Limits } from "../Limits.js"
import type { Directive, Yaml11Scalar } from "../Source.js"
import { child } from "./pointer.js"
import { directiveRules } from "./source-directives.js"
import { excerpt, type SourceFinding, type SourceRule, sourceFinding, where } from "./source-finding.js"
import type { LineIndex } from "./source-lines.js"
import { setOwn } from "./source-own-property.js"
import { composeStream, type Problem, type YNode, type YPair, type YScalar } from "./source-yaml-compose.js"
import { parseYamlFast } from "./source-yaml-fast.js"
import { yaml11Reading } from "./source-yaml11.js"

/** Position record of a produced node: where its value starts, and its children. */
export interface NodeRecord {
  readonly start: number
  readonly members?: Map<string, MemberRecord>
  readonly items?: ReadonlyArray<NodeRecord>
}
export interface MemberRecord {
  /** Offset of the key. */
  readonly key: number
  readonly node: NodeRecord
}

export interface YamlOutcome {
  /** Present when the text is one YAML document that maps to plain data (duplicate keys allowed). */
  readonly value?: { readonly value: unknown; readonly root: NodeRecord }
  readonly findings: ReadonlyArray<SourceFinding>
  readonly yaml11Scalars: ReadonlyArray<Yaml11Scalar>
  readonly directives: ReadonlyArray<Directive>
}

/** Parser stack entries that are not nodes (document, the scalar being read …): slack for the pre-check. */
const stackSlack = 3
/** At most this many `syntax` findings from the YAML library (one per line). */
const maxLibraryErrors = 20

/** Thrown to abandon the walk at a broken limit; never escapes `parseYaml`. */
class Stop {
  constructor(readonly finding: SourceFinding) {}
}

/** Parse `text` (BOM stripped, characters checked, CRLF normalised) as one YAML 1.2 document. */
export const parseYaml = (text: string, limits: Limits, lines: LineIndex): YamlOutcome =>
  parseYamlFast(text, limits, lines) ?? parseYamlFull(text, limits, lines)

/** The full path (the `yaml` package, then the walk): any input. Exported to check the fast path against. */
export const parseYamlFull = (text: string, limits: Limits, lines: LineIndex): YamlOutcome => {
  const findings: Array<SourceFinding> = []
  const directives: Array<Directive> = []
  const lexed = lex(text, limits, lines, findings, directives)
  if (lexed.stopped) return { findings, yaml11Scalars: [], directives }

  const documents = lexed.tokens.filter((t) => t.type === "document")
  if (documents.length === 0) {
    const why = lexed.comments > 0 ? "the input holds only comments" : "the input is empty"
    findings.push(sourceFinding("syntax", `${why}: there is no YAML document`, { line: 1, column: 1 }))
    return { findings, yaml11Scalars: [], directives }
  }
  if (documents.length > 1) {
    const second = documents[1]!
    findings.push(
      sourceFinding(
        "syntax",
        `the input holds ${documents.length} YAML documents (separated by \`---\`); one is expected`,
        lines.position(second.offset),
        "",
        { hint: "split it into one file per document" },
      ),
    )
    return { findings, yaml11Scalars: [], directives }
  }

  let composed: ReturnType<typeof composeStream>
  try {
    composed = composeStream(lexed.tokens)
  } catch (e) {
    // Only nesting too deep for this stack overflows it (the `yaml` composer reported it so).
    if (!(e instanceof RangeError)) throw e
    const message = `nesting is too deep to read (${excerpt(e.message, 60)})`
    findings.push(sourceFinding("document-limit", message, lines.position(0)))
    return { findings, yaml11Scalars: [], directives }
  }
  const refused = findings.length > 0 // tags or directives: no document, but keep looking for other defects
  const before = findings.length
  libraryFindings(composed.errors, composed.warnings, refused, lines, findings)
  if (findings.length > before) return { findings, yaml11Scalars: [], directives }
  if (isEmptyScalar(composed.root)) {
    findings.push(sourceFinding("syntax", "the YAML document is empty: it holds no value", lines.position(0)))
    return { findings, yaml11Scalars: [], directives }
  }

  const walker = new Walker(limits, lines)
  try {
    const built = walker.walk(composed.root, "", 0, true, 0)
    for (const finding of walker.findings) findings.push(finding)
    return walker.invalid || refused
      ? { findings, yaml11Scalars: [], directives }
      : { value: { value: built.value, root: built.node }, findings, yaml11Scalars: walker.yaml11, directives }
  } catch (e) {
    if (e instanceof Stop)
      return { findings: [...findings, ...walker.findings, e.finding], yaml11Scalars: [], directives }
    // The walk recurses once per level, within maxDepth: only a caller that left little stack overflows it.
    if (!(e instanceof RangeError)) throw e
    const message = `nesting is too deep to read (${excerpt(e.message, 60)})`
    return {
      findings: [...findings, sourceFinding("document-limit", message, lines.position(0))],
      yaml11Scalars: [],
      directives,
    }
  }
}

interface Lexed {
  readonly tokens: Array<CST.Token>
  readonly comments: number
  readonly stopped: boolean
}

/** Lex and parse to CST tokens, checking every lexeme; stops early when nesting passes the limit. */
const lex = (
  text: string,
  limits: Limits,
  lines: LineIndex,
  findings: Array<SourceFinding>,
  directives: Array<Directive>,
): Lexed => {
  const parser = new Parser()
  const tokens: Array<CST.Token> = []
  let comments = 0
  let afterScalarMark = false
  // A lower bound on the values the document holds: each `-`, each `:`, each `,` of a flow sequence
  // (the item before it) and each `,` of a flow mapping after a key without `:` (that key's null value)
  // stands for one distinct value. Past maxNodes, stop before the library builds the rest.
  let values = 0
  const flows: Array<{ readonly seq: boolean; valued: boolean }> = [] // open flow collections
  const maxStack = limits.maxDepth + stackSlack
  for (const lexeme of new Lexer().lex(text, false)) {
    const offset = parser.offset
    if (afterScalarMark)
      afterScalarMark = false // scalar content: may start with `#`, `!`, `%` …
    else {
      const type = lexemeType(lexeme)
      const flow = flows.at(-1)
      let counts = false
      if (type === "scalar") afterScalarMark = true
      else if (type === "flow-seq-start" || type === "flow-map-start")
        flows.push({ seq: type === "flow-seq-start", valued: false })
      else if (type === "flow-seq-end" || type === "flow-map-end") flows.pop()
      else if (type === "seq-item-ind") counts = true
      else if (type === "map-value-ind") {
        counts = true
        if (flow !== undefined) flow.valued = true
      } else if (type === "comma" && flow !== undefined) {
        counts = flow.seq || !flow.valued
        flow.valued = false
      }
      if (counts) {
        if (++values > limits.maxNodes) {
          const message = `the document has more than ${limits.maxNodes} values, the limit`
          findings.push(sourceFinding("document-limit", message, lines.position(offset)))
          return { tokens, comments, stopped: true }
        }
      } else if (type === "comment") {
        comments++
        const rules = directiveRules(lexeme)
        if (rules !== undefined) {
          const line = lines.position(offset).line
          const before = text.slice(lines.lineStart(offset), offset)
          directives.push({ line, standalone: /^[ \t]*$/.test(before), rules })
        }
      } else if (type === "tag") {
        findings.push(
          sourceFinding(
            "syntax",
            `tag \`${excerpt(lexeme)}\` at ${where(lines.position(offset))} is not allowed`,
            lines.position(offset),
            "",
            { hint: "remove the tag: write plain YAML 1.2 values (quote text)" },
          ),
        )
      } else if (type === "directive-line") {
        const name = /^%YAML\b/.test(lexeme) ? "a %YAML directive" : `directive \`${excerpt(lexeme, 30)}\``
        findings.push(
          sourceFinding("syntax", `${name} is not allowed: ampkit reads YAML 1.2 only`, lines.position(offset), "", {
            hint: "remove the directive line",
          }),
        )
      }
    }
    for (const token of parser.next(lexeme)) tokens.push(token)
    if (parser.stack.length > maxStack) {
      findings.push(
        sourceFinding(
          "document-limit",
          `nesting is deeper than the limit of ${limits.maxDepth} levels`,
          lines.position(offset),
        ),
      )
      return { tokens, comments, stopped: true }
    }
  }
  for (const token of parser.end()) tokens.push(token)
  return { tokens, comments, stopped: false }
}

/** The YAML library's errors and warnings as `syntax` findings: one per line, the first few. */
const libraryFindings = (
  errors: ReadonlyArray<Problem>,
  warnings: ReadonlyArray<Problem>,
  refused: boolean,
  lines: LineIndex,
  findings: Array<SourceFinding>,
): void => {
  const seen = new Set<number>()
  for (const problem of [...errors, ...warnings]) {
    // Tags and directives were refused with a better message already.
    if (refused && (problem.code === "TAG_RESOLVE_FAILED" || problem.code === "BAD_DIRECTIVE")) continue
    const position = lines.position(problem.offset)
    if (seen.has(position.line)) continue
    if (seen.size >= maxLibraryErrors) break
    seen.add(position.line)
    const hint = unclosedFlow.test(problem.message) ? unclosedFlowHint : libraryHints[problem.code]
    // The library turns a stack overflow into an error: only nesting too deep for this stack causes one.
    const tooDeep = problem.message.includes("Maximum call stack size exceeded")
    findings.push(
      sourceFinding(
        tooDeep ? "document-limit" : "syntax",
        `${excerpt(libraryMessage(problem.message), 80)} at ${where(position)}`,
        position,
        "",
        hint === undefined ? {} : { hint },
      ),
    )
  }
}

/** The library's message, first line, without its jargon. */
const libraryMessage = (message: string): string =>
  (message.split("\n")[0] ?? "")
    .replace(/ at line \d+, column \d+:?$/, "")
    .replace(/ token in YAML (stream|document)/, "")
    .replace(/-ind\b/, " indicator")
    .replace(/\.$/, "")

/** A flow collection (`[…]`, `{…}`) still open where the block around it goes on: its end is missing. */
const unclosedFlow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a/
const unclosedFlowHint = "close the `[` or `{` on its line (or indent its next lines past the key)"

const libraryHints: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "indent with spaces",
  BLOCK_AS_IMPLICIT_KEY: "quote a value that contains `: `",
  MULTILINE_IMPLICIT_KEY: "put the key on one line, or quote it",
  MISSING_CHAR: "close the quote or bracket",
  CONTENT_AFTER_KEY: "write `? key` on one line and `: value` on the next, or drop the `?`",
  BAD_SCALAR_START: "quote the value",
  BAD_INDENT: "align the items of one list or mapping at the same column",
}

/** A node produced by the walk. */
interface Built {
  readonly value: unknown
  readonly node: NodeRecord
  /** Nesting of containers in the value (a scalar is 0, `[]` 1). */
  readonly height: number
}

/** A mapping a merge key brings in; `shared`: the anchored value itself, to copy member by member. */
interface MergeSource extends Built {
  readonly shared: boolean
}

interface AnchoredNode {
  readonly source: YNode
  readonly built: Built
  /** Nodes the anchored value holds: the cost of one copy. */
  readonly count: number
  readonly pending?: undefined
}

/** An anchored key scalar (`&k name: v`): built only when an alias uses it as a value. */
interface AnchoredKey {
  readonly source: YScalar
  readonly built?: undefined
  readonly pending?: undefined
}

/** An anchored node still being built: an alias to it is inside it (go-yaml: "value contains itself"). */
interface AnchoredPending {
  readonly source: YNode
  readonly built?: undefined
  readonly pending: true
}

type Anchored = AnchoredNode | AnchoredKey | AnchoredPending

class Walker {
  readonly findings: Array<SourceFinding> = []
  readonly yaml11: Array<Yaml11Scalar> = []
  /** A finding that forbids producing a document (complex key, unknown alias, non-finite number …). */
  invalid = false
  #nodes = 0
  readonly #anchors = new Map<string, Anchored>()

  constructor(
    private readonly limits: Limits,
    private readonly lines: LineIndex,
  ) {}

  /**
   * Build the value of `node` at `pointer`, `depth` containers deep. `record`: collect YAML 1.1
   * scalars (false inside a discarded duplicate). `fallback`: offset used when the node is absent.
   */
  walk(node: YNode | null, pointer: string, depth: number, record: boolean, fallback: number): Built {
    if (node === null) {
      this.#count(fallback, pointer)
      return { value: null, node: { start: fallback }, height: 0 }
    }
    if (node.kind === "alias") return this.#alias(node.name, node.start, depth, pointer)
    const before = this.#nodes
    const anchor = node.anchor
    // The anchor is defined from the start of its node (YAML 1.2, go-yaml): see the module comment.
    let pending: AnchoredPending | undefined
    if (anchor !== undefined) {
      pending = { source: node, pending: true }
      this.#anchors.set(anchor, pending)
    }
    const built =
      node.kind === "map"
        ? this.#map(node.pairs, node.start, pointer, depth, record)
        : node.kind === "seq"
          ? this.#seq(node.items, node.start, pointer, depth, record)
          : this.#scalar(node, pointer, record)
    // Unless the node redefined its own anchor inside (then the inner definition stands).
    if (anchor !== undefined && this.#anchors.get(anchor) === pending) {
      this.#anchors.set(anchor, { source: node, built, count: this.#nodes - before })
    }
    return built
  }

  #alias(name: string, offset: number, depth: number, pointer: string): Built {
    const target = this.#anchors.get(name)
    if (target === undefined) {
      this.#fail("syntax", `alias \`*${excerpt(name)}\` has no anchor \`&${excerpt(name)}\` before it`, offset, pointer)
      return { value: null, node: { start: offset }, height: 0 }
    }
    if (target.pending) {
      this.#fail("syntax", selfReference(name), offset, pointer)
      return { value: null, node: { start: offset }, height: 0 }
    }
    if (target.built === undefined) return this.#scalar(target.source, pointer, false)
    this.#charge(target, name, offset, depth, pointer)
    return { value: copy(target.built.value), node: target.built.node, height: target.built.height }
  }

  /** Count a copy of `target` against the budgets, before making it. */
  #charge(target: AnchoredNode, name: string, offset: number, depth: number, pointer: string): void {
    if (depth + target.built.height > this.limits.maxDepth) {
      this.#stop(
        "document-limit",
        `nesting through alias \`*${excerpt(name)}\` is deeper than the limit of ${this.limits.maxDepth} levels`,
        offset,
        pointer,
      )
    }
    this.#nodes += target.count
    if (this.#nodes > this.limits.maxNodes) {
      this.#stop(
        "alias-limit",
        `alias \`*${excerpt(name)}\` expands the document past the limit of ${this.limits.maxNodes} nodes`,
        offset,
        pointer,
      )
    }
  }

  #scalar(node: YScalar, pointer: string, record: boolean): Built {
    const start = node.start
    this.#count(start, pointer)
    let value = node.value
    if (typeof value === "number" && node.plain && !node.tagged) {
      const source = node.source
      if (!Number.isFinite(value)) {
        const why = /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(source)
          ? "is not a finite number"
          : "is too large to be a finite number"
        this.#fail(
          "invalid-value",
          `number \`${excerpt(source, 30)}\` ${why}`,
          start,
          pointer,
          "JSON has no infinity or NaN; quote it if it is text",
        )
      } else if (!Number.isSafeInteger(value) && /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/.test(source)) {
        this.#fail(
          "invalid-value",
          `integer \`${excerpt(source, 30)}\` is outside ±(2^53−1) and would lose precision`,
          start,
          pointer,
          "quote it if it is an identifier",
        )
      }
    }
    if (node.plain && record) {
      const as = yaml11Reading(node.source, value)
      if (as !== undefined) this.yaml11.push({ pointer, source: node.source, as })
    }
    if (typeof value === "string") {
      if (value.length > this.limits.maxStringLength) {
        this.#stop(
          "document-limit",
          `a string of ${value.length} characters is over the limit of ${this.limits.maxStringLength}`,
          start,
          pointer,
        )
      }
    } else if (value !== null && typeof value !== "number" && typeof value !== "boolean") {
      value = null
      this.invalid = true
    }
    return { value, node: { start }, height: 0 }
  }

  #seq(items: ReadonlyArray<YNode>, start: number, pointer: string, depth: number, record: boolean): Built {
    this.#enter(start, depth, pointer)
    const value: Array<unknown> = []
    const records: Array<NodeRecord> = []
    let height = 0
    for (const item of items) {
      const built = this.walk(item, child(pointer, value.length), depth + 1, record, start)
      value.push(built.value)
      records.push(built.node)
      if (built.height > height) height = built.height
    }
    return { value, node: { start, items: records }, height: height + 1 }
  }

  #map(pairs: ReadonlyArray<YPair>, start: number, pointer: string, depth: number, record: boolean): Built {
    this.#enter(start, depth, pointer)
    const value: Record<string, unknown> = {}
    const members = new Map<string, MemberRecord>()
    const merges: Array<MergeSource> = []
    let height = 0
    let firstMergeKey: number | undefined
    for (const pair of pairs) {
      const keyNode = pair.key
      const keyStart = keyNode.start
      const valueFallback = keyNode.end
      if (isMergeKey(keyNode)) {
        if (firstMergeKey === undefined) firstMergeKey = keyStart
        else this.#duplicate("<<", keyStart, child(pointer, "<<"), firstMergeKey)
        merges.push(...this.#mergeSources(pair.value, pointer, depth, record, valueFallback))
        continue
      }
      // An anchored key (`&k name: v`) can be aliased later as a value.
      if (keyNode.kind === "scalar" && keyNode.anchor !== undefined)
        this.#anchors.set(keyNode.anchor, { source: keyNode })
      const key = this.#keyOf(keyNode, keyStart)
      if (key === undefined) {
        this.walk(pair.value, pointer, depth + 1, false, valueFallback)
        continue
      }
      if (key.length > this.limits.maxKeyLength) {
        this.#stop(
          "document-limit",
          `a key of ${key.length} characters is over the limit of ${this.limits.maxKeyLength}`,
          keyStart,
          pointer,
        )
      }
      const at = child(pointer, key)
      const first = members.get(key)
      if (first !== undefined) {
        this.#duplicate(key, keyStart, at, first.key)
        this.walk(pair.value, at, depth + 1, false, valueFallback) // for its own findings and anchors
        continue
      }
      const built = this.walk(pair.value, at, depth + 1, record, valueFallback)
      setOwn(value, key, built.value)
      members.set(key, { key: keyStart, node: built.node })
      if (built.height > height) height = built.height
    }
    // Merge keys: explicit keys win; among sources, the first to define a key wins.
    for (const source of merges) {
      const from = source.value as Record<string, unknown>
      for (const [key, member] of source.node.members ?? []) {
        if (members.has(key)) continue
        setOwn(value, key, source.shared ? copy(from[key]) : from[key])
        members.set(key, member)
      }
      if (source.height - 1 > height) height = source.height - 1
    }
    return { value, node: { start, members }, height: height + 1 }
  }

  /** The mappings a merge key `<<` brings in (each a fresh copy), charged against the budgets. */
  #mergeSources(
    node: YNode | null,
    pointer: string,
    depth: number,
    record: boolean,
    fallback: number,
  ): Array<MergeSource> {
    const items = node !== null && node.kind === "seq" ? node.items : [node]
    const out: Array<MergeSource> = []
    for (const item of items) {
      if (item !== null && item.kind === "alias") {
        const offset = item.start
        const target = this.#anchors.get(item.name)
        if (target === undefined) {
          this.#fail(
            "syntax",
            `alias \`*${excerpt(item.name)}\` has no anchor \`&${excerpt(item.name)}\` before it`,
            offset,
          )
        } else if (target.pending) {
          this.#fail("syntax", selfReference(item.name), offset)
        } else if (target.built === undefined || target.built.node.members === undefined) {
          this.#fail("syntax", `merge key \`<<\` takes mappings only; \`*${excerpt(item.name)}\` is not one`, offset)
        } else {
          this.#charge(target, item.name, offset, depth, pointer) // members are copied one by one
          out.push({ ...target.built, shared: true })
        }
      } else if (item !== null && item.kind === "map") {
        // An inline mapping: its members land in this map, so walk it at this map's pointer and depth.
        out.push({ ...this.walk(item, pointer, depth, record, fallback), shared: false })
      } else {
        const offset = item?.start ?? fallback
        this.#fail("syntax", "merge key `<<` takes a mapping, an alias of one, or a list of them", offset)
        if (item !== null) this.walk(item, pointer, depth + 1, false, offset)
      }
    }
    return out
  }

  /** The normalised key of a key node, or undefined (and a finding) when it is not a scalar. */
  #keyOf(node: YNode, offset: number): string | undefined {
    if (node.kind === "scalar") {
      if (node.plain) return node.source
      return typeof node.value === "string" ? node.value : String(node.value)
    }
    if (node.kind === "alias") {
      const target = this.#anchors.get(node.name)
      if (target === undefined) {
        this.#fail(
          "syntax",
          `alias \`*${excerpt(node.name)}\` has no anchor \`&${excerpt(node.name)}\` before it`,
          offset,
        )
        return undefined
      }
      if (target.pending) {
        this.#fail("syntax", selfReference(node.name), offset)
        return undefined
      }
      if (target.source.kind === "scalar") return this.#keyOf(target.source, offset)
    }
    this.#fail(
      "syntax",
      `a key must be a scalar, not a ${node.kind === "seq" ? "list" : "mapping"}, at ${this.#at(offset)}`,
      offset,
    )
    return undefined
  }

  #duplicate(key: string, offset: number, pointer: string, first: number | undefined): void {
    const firstLine = first === undefined ? "" : ` (first at line ${this.lines.position(first).line})`
    this.findings.push(
      sourceFinding(
        "duplicate-key",
        `duplicate key \`${excerpt(key)}\`${firstLine}: the first value is kept`,
        this.lines.position(offset),
        pointer,
        {
          at: "key",
        },
      ),
    )
  }

  /** Check the depth before building a container one level deeper, and count it. */
  #enter(offset: number, depth: number, pointer: string): void {
    if (depth + 1 > this.limits.maxDepth) {
      this.#stop(
        "document-limit",
        `nesting is deeper than the limit of ${this.limits.maxDepth} levels`,
        offset,
        pointer,
      )
    }
    this.#count(offset, pointer)
  }

  #count(offset: number, pointer: string): void {
    if (++this.#nodes > this.limits.maxNodes) {
      this.#stop(
        "document-limit",
        `the document has more than ${this.limits.maxNodes} values, the limit`,
        offset,
        pointer,
      )
    }
  }

  #fail(rule: SourceRule, message: string, offset: number, pointer = "", hint?: string): void {
    this.invalid = true
    this.findings.push(
      sourceFinding(rule, message, this.lines.position(offset), pointer, hint === undefined ? {} : { hint }),
    )
  }

  #stop(rule: SourceRule, message: string, offset: number, pointer: string): never {
    throw new Stop(sourceFinding(rule, message, this.lines.position(offset), pointer))
  }

  #at(offset: number): string {
    return where(this.lines.position(offset))
  }
}

/** go-yaml v3 refuses an alias inside the node its anchor names ("anchor 'A' value contains itself"). */
const selfReference = (name: string): string =>
  `alias \`*${excerpt(name)}\` is inside the node anchored \`&${excerpt(name)}\`: a value cannot contain itself`

/** The implicit null of an empty document (`---` alone), as opposed to a written `~` or `null`. */
const isEmptyScalar = (node: YNode): boolean =>
  node.kind === "scalar" && node.plain && node.source === "" && node.value === null

const isMergeKey = (node: YNode): boolean =>
  node.kind === "scalar" && node.plain && node.source === "<<" && !node.tagged

/** The type of a lexeme of the `yaml` package's `Lexer` (its `CST.tokenType`, without the CST module). */
const lexemeType = (source: string): string | null => {
  switch (source) {
    case "\u{FEFF}":
      return "byte-order-mark"
    case "\x02":
      return "doc-mode"
    case "\x18":
      return "flow-error-end"
    case "\x1f":
      return "scalar"
    case "---":
      return "doc-start"
    case "...":
      return "doc-end"
    case "":
    case "\n":
    case "\r\n":
      return "newline"
    case "-":
      return "seq-item-ind"
    case "?":
      return "explicit-key-ind"
    case ":":
      return "map-value-ind"
    case "{":
      return "flow-map-start"
    case "}":
      return "flow-map-end"
    case "[":
      return "flow-seq-start"
    case "]":
      return "flow-seq-end"
    case ",":
      return "comma"
  }
  switch (source[0]) {
    case " ":
    case "\t":
      return "space"
    case "#":
      return "comment"
    case "%":
      return "directive-line"
    case "*":
      return "alias"
    case "&":
      return "anchor"
    case "!":
      return "tag"
    case "'":
      return "single-quoted-scalar"
    case '"':
      return "double-quoted-scalar"
    case "|":
    case ">":
      return "block-scalar-header"
  }
  return null
}

/** A deep copy of plain data (depth already bounded by the caller's checks). */
const copy = (value: unknown): unknown => {
  if (value === null || typeof value !== "object") return value
  if (Array.isArray(value)) return value.map(copy)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) setOwn(out, key, copy((value as Record<string, unknown>)[key]))
  return out
}

/**
 * TEST ORACLE: a frozen copy of the Composer-based full path of src/internal/source-yaml.ts, as it
 * was before the CST composer (source-yaml-compose.ts) replaced it (issue #6, bundle size). It
 * composes with the `yaml` package's `Composer` and walks the composed `Document`. The differential
 * tests (yaml-full-differential.test.ts) check the new full path against it. Do not "fix" it: the
 * only intended difference (anchor timing) is asserted explicitly by those tests.
 */
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  type Node,
  type Pair,
  Parser,
  Scalar,
} from "yaml"
import { child } from "../../../src/internal/pointer.js"
import { directiveRules } from "../../../src/internal/source-directives.js"
import {
  excerpt,
  type SourceFinding,
  type SourceRule,
  sourceFinding,
  where,
} from "../../../src/internal/source-finding.js"
import type { LineIndex } from "../../../src/internal/source-lines.js"
import { setOwn } from "../../../src/internal/source-own-property.js"
import { yaml11Reading } from "../../../src/internal/source-yaml11.js"
import type { Limits } from "../../../src/Limits.js"
import type { Directive, Yaml11Scalar } from "../../../src/Source.js"

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

/** The full path (the `yaml` package, then the walk): any input. Exported to check the fast path against. */
export const parseYamlOracle = (text: string, limits: Limits, lines: LineIndex): YamlOutcome => {
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

  const composer = new Composer({
    version: "1.2",
    schema: "core",
    merge: false,
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    intAsBigInt: false,
  })
  const docs = [...composer.compose(lexed.tokens, true, text.length)]
  const doc = docs[0]
  if (doc === undefined) throw new Error("yaml Composer produced no document for a document token")
  const refused = findings.length > 0 // tags or directives: no document, but keep looking for other defects
  const before = findings.length
  libraryFindings(doc.errors, doc.warnings, refused, lines, findings)
  if (findings.length > before) return { findings, yaml11Scalars: [], directives }
  if (doc.contents === null || isEmptyScalar(doc.contents)) {
    findings.push(sourceFinding("syntax", "the YAML document is empty: it holds no value", lines.position(0)))
    return { findings, yaml11Scalars: [], directives }
  }

  const walker = new Walker(limits, lines)
  try {
    const built = walker.walk(doc.contents, "", 0, true, 0)
    for (const finding of walker.findings) findings.push(finding)
    return walker.invalid || refused
      ? { findings, yaml11Scalars: [], directives }
      : { value: { value: built.value, root: built.node }, findings, yaml11Scalars: walker.yaml11, directives }
  } catch (e) {
    if (e instanceof Stop)
      return { findings: [...findings, ...walker.findings, e.finding], yaml11Scalars: [], directives }
    throw e
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
      const type = CST.tokenType(lexeme)
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

interface LibraryProblem {
  readonly code: string
  readonly message: string
  readonly pos: readonly [number, number]
}

/** The YAML library's errors and warnings as `syntax` findings: one per line, the first few. */
const libraryFindings = (
  errors: ReadonlyArray<LibraryProblem>,
  warnings: ReadonlyArray<LibraryProblem>,
  refused: boolean,
  lines: LineIndex,
  findings: Array<SourceFinding>,
): void => {
  const seen = new Set<number>()
  for (const problem of [...errors, ...warnings]) {
    // Tags and directives were refused with a better message already.
    if (refused && (problem.code === "TAG_RESOLVE_FAILED" || problem.code === "BAD_DIRECTIVE")) continue
    const position = lines.position(problem.pos[0])
    if (seen.has(position.line)) continue
    if (seen.size >= maxLibraryErrors) break
    seen.add(position.line)
    // Hints are policy, not parsing: kept in step with source-yaml.ts.
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

const unclosedFlow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a/
const unclosedFlowHint = "close the `[` or `{` on its line (or indent its next lines past the key)"

const libraryHints: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: "indent with spaces",
  BLOCK_AS_IMPLICIT_KEY: "quote a value that contains `: `",
  MULTILINE_IMPLICIT_KEY: "put the key on one line, or quote it",
  MISSING_CHAR: "close the quote or bracket",
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
  readonly source: Node
  readonly built: Built
  /** Nodes the anchored value holds: the cost of one copy. */
  readonly count: number
}

/** An anchored key scalar (`&k name: v`): built only when an alias uses it as a value. */
interface AnchoredKey {
  readonly source: Scalar
  readonly built?: undefined
}

type Anchored = AnchoredNode | AnchoredKey

class Walker {
  readonly findings: Array<SourceFinding> = []
  readonly yaml11: Array<Yaml11Scalar> = []
  /** A finding that forbids producing a document (complex key, unknown alias, non-finite number …). */
  invalid = false
  private nodes = 0
  private readonly anchors = new Map<string, Anchored>()

  constructor(
    private readonly limits: Limits,
    private readonly lines: LineIndex,
  ) {}

  /**
   * Build the value of `node` at `pointer`, `depth` containers deep. `record`: collect YAML 1.1
   * scalars (false inside a discarded duplicate). `fallback`: offset used when the node is absent.
   */
  walk(node: unknown, pointer: string, depth: number, record: boolean, fallback: number): Built {
    const before = this.nodes
    let built: Built
    if (isAlias(node)) return this.alias(node.source, node.range?.[0] ?? fallback, depth, pointer)
    if (isMap(node)) built = this.map(node.items, node.range?.[0] ?? fallback, pointer, depth, record)
    else if (isSeq(node)) built = this.seq(node.items, node.range?.[0] ?? fallback, pointer, depth, record)
    else if (isScalar(node)) built = this.scalar(node, pointer, record)
    else if (node === null || node === undefined) {
      this.count(fallback, pointer)
      built = { value: null, node: { start: fallback }, height: 0 }
    } else {
      // Not a node of the core schema (only a refused tag can make one): no document.
      this.invalid = true
      this.count(fallback, pointer)
      return { value: null, node: { start: fallback }, height: 0 }
    }
    const anchor = (node as { anchor?: string } | null)?.anchor
    if (anchor !== undefined) this.anchors.set(anchor, { source: node as Node, built, count: this.nodes - before })
    return built
  }

  private alias(name: string, offset: number, depth: number, pointer: string): Built {
    const target = this.anchors.get(name)
    if (target === undefined) {
      this.fail("syntax", `alias \`*${excerpt(name)}\` has no anchor \`&${excerpt(name)}\` before it`, offset, pointer)
      return { value: null, node: { start: offset }, height: 0 }
    }
    if (target.built === undefined) return this.scalar(target.source, pointer, false)
    this.charge(target, name, offset, depth, pointer)
    return { value: copy(target.built.value), node: target.built.node, height: target.built.height }
  }

  /** Count a copy of `target` against the budgets, before making it. */
  private charge(target: AnchoredNode, name: string, offset: number, depth: number, pointer: string): void {
    if (depth + target.built.height > this.limits.maxDepth) {
      this.stop(
        "document-limit",
        `nesting through alias \`*${excerpt(name)}\` is deeper than the limit of ${this.limits.maxDepth} levels`,
        offset,
        pointer,
      )
    }
    this.nodes += target.count
    if (this.nodes > this.limits.maxNodes) {
      this.stop(
        "alias-limit",
        `alias \`*${excerpt(name)}\` expands the document past the limit of ${this.limits.maxNodes} nodes`,
        offset,
        pointer,
      )
    }
  }

  private scalar(node: Scalar, pointer: string, record: boolean): Built {
    const start = node.range?.[0] ?? 0
    this.count(start, pointer)
    let value: unknown = node.value
    if (typeof value === "number" && node.type === Scalar.PLAIN && node.tag === undefined) {
      const source = typeof node.source === "string" ? node.source : String(value)
      if (!Number.isFinite(value)) {
        const why = /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(source)
          ? "is not a finite number"
          : "is too large to be a finite number"
        this.fail(
          "invalid-value",
          `number \`${excerpt(source, 30)}\` ${why}`,
          start,
          pointer,
          "JSON has no infinity or NaN; quote it if it is text",
        )
      } else if (!Number.isSafeInteger(value) && /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/.test(source)) {
        this.fail(
          "invalid-value",
          `integer \`${excerpt(source, 30)}\` is outside ±(2^53−1) and would lose precision`,
          start,
          pointer,
          "quote it if it is an identifier",
        )
      }
    }
    if (node.type === Scalar.PLAIN && record && typeof node.source === "string") {
      const as = yaml11Reading(node.source, value)
      if (as !== undefined) this.yaml11.push({ pointer, source: node.source, as })
    }
    if (typeof value === "string") {
      if (value.length > this.limits.maxStringLength) {
        this.stop(
          "document-limit",
          `a string of ${value.length} characters is over the limit of ${this.limits.maxStringLength}`,
          start,
          pointer,
        )
      }
    } else if (value !== null && typeof value !== "number" && typeof value !== "boolean") {
      value = null // a tagged scalar (`!!binary`): refused by the lexeme check already
      this.invalid = true
    }
    return { value, node: { start }, height: 0 }
  }

  private seq(items: ReadonlyArray<unknown>, start: number, pointer: string, depth: number, record: boolean): Built {
    this.enter(start, depth, pointer)
    const value: Array<unknown> = []
    const records: Array<NodeRecord> = []
    let height = 0
    for (const item of items) {
      const at = child(pointer, value.length)
      // A single-pair mapping inside a flow sequence (`[a: 1]`); the library wraps it in a map already.
      const built = isPair(item)
        ? this.map([item], pairStart(item, start), at, depth + 1, record)
        : this.walk(item, at, depth + 1, record, start)
      value.push(built.value)
      records.push(built.node)
      if (built.height > height) height = built.height
    }
    return { value, node: { start, items: records }, height: height + 1 }
  }

  private map(pairs: ReadonlyArray<unknown>, start: number, pointer: string, depth: number, record: boolean): Built {
    this.enter(start, depth, pointer)
    const value: Record<string, unknown> = {}
    const members = new Map<string, MemberRecord>()
    const merges: Array<MergeSource> = []
    let height = 0
    let firstMergeKey: number | undefined
    for (const pair of pairs) {
      if (!isPair(pair)) continue
      const keyNode = pair.key as unknown
      const keyStart = pairStart(pair, start)
      const valueFallback = (keyNode as { range?: [number, number, number] } | null)?.range?.[1] ?? keyStart
      if (isMergeKey(keyNode)) {
        if (firstMergeKey === undefined) firstMergeKey = keyStart
        else this.duplicate("<<", keyStart, child(pointer, "<<"), firstMergeKey)
        merges.push(...this.mergeSources(pair.value, pointer, depth, record, valueFallback))
        continue
      }
      // An anchored key (`&k name: v`) can be aliased later as a value.
      if (isScalar(keyNode) && keyNode.anchor !== undefined) this.anchors.set(keyNode.anchor, { source: keyNode })
      const key = this.keyOf(keyNode, keyStart)
      if (key === undefined) {
        this.walk(pair.value, pointer, depth + 1, false, valueFallback)
        continue
      }
      if (key.length > this.limits.maxKeyLength) {
        this.stop(
          "document-limit",
          `a key of ${key.length} characters is over the limit of ${this.limits.maxKeyLength}`,
          keyStart,
          pointer,
        )
      }
      const at = child(pointer, key)
      const first = members.get(key)
      if (first !== undefined) {
        this.duplicate(key, keyStart, at, first.key)
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
  private mergeSources(
    node: unknown,
    pointer: string,
    depth: number,
    record: boolean,
    fallback: number,
  ): Array<MergeSource> {
    const items = isSeq(node) ? node.items : [node]
    const out: Array<MergeSource> = []
    for (const item of items) {
      if (isAlias(item)) {
        const offset = item.range?.[0] ?? fallback
        const target = this.anchors.get(item.source)
        if (target === undefined) {
          this.fail(
            "syntax",
            `alias \`*${excerpt(item.source)}\` has no anchor \`&${excerpt(item.source)}\` before it`,
            offset,
          )
        } else if (target.built === undefined || target.built.node.members === undefined) {
          this.fail("syntax", `merge key \`<<\` takes mappings only; \`*${excerpt(item.source)}\` is not one`, offset)
        } else {
          this.charge(target, item.source, offset, depth, pointer) // members are copied one by one
          out.push({ ...target.built, shared: true })
        }
      } else if (isMap(item)) {
        // An inline mapping: its members land in this map, so walk it at this map's pointer and depth.
        out.push({ ...this.walk(item, pointer, depth, record, fallback), shared: false })
      } else {
        const offset = (item as { range?: [number, number, number] } | null)?.range?.[0] ?? fallback
        this.fail("syntax", "merge key `<<` takes a mapping, an alias of one, or a list of them", offset)
        if (item !== null && item !== undefined) this.walk(item, pointer, depth + 1, false, offset)
      }
    }
    return out
  }

  /** The normalised key of a key node, or undefined (and a finding) when it is not a scalar. */
  private keyOf(node: unknown, offset: number): string | undefined {
    if (node === null || node === undefined) return ""
    if (isScalar(node)) {
      if (node.type === Scalar.PLAIN) return typeof node.source === "string" ? node.source : String(node.value ?? "")
      return typeof node.value === "string" ? node.value : String(node.value)
    }
    if (isAlias(node)) {
      const target = this.anchors.get(node.source)
      if (target === undefined) {
        this.fail(
          "syntax",
          `alias \`*${excerpt(node.source)}\` has no anchor \`&${excerpt(node.source)}\` before it`,
          offset,
        )
        return undefined
      }
      if (isScalar(target.source)) return this.keyOf(target.source, offset)
    }
    this.fail(
      "syntax",
      `a key must be a scalar, not a ${isSeq(node) ? "list" : "mapping"}, at ${this.at(offset)}`,
      offset,
    )
    return undefined
  }

  private duplicate(key: string, offset: number, pointer: string, first: number | undefined): void {
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
  private enter(offset: number, depth: number, pointer: string): void {
    if (depth + 1 > this.limits.maxDepth) {
      this.stop("document-limit", `nesting is deeper than the limit of ${this.limits.maxDepth} levels`, offset, pointer)
    }
    this.count(offset, pointer)
  }

  private count(offset: number, pointer: string): void {
    if (++this.nodes > this.limits.maxNodes) {
      this.stop(
        "document-limit",
        `the document has more than ${this.limits.maxNodes} values, the limit`,
        offset,
        pointer,
      )
    }
  }

  private fail(rule: SourceRule, message: string, offset: number, pointer = "", hint?: string): void {
    this.invalid = true
    this.findings.push(
      sourceFinding(rule, message, this.lines.position(offset), pointer, hint === undefined ? {} : { hint }),
    )
  }

  private stop(rule: SourceRule, message: string, offset: number, pointer: string): never {
    throw new Stop(sourceFinding(rule, message, this.lines.position(offset), pointer))
  }

  private at(offset: number): string {
    return where(this.lines.position(offset))
  }
}

/** The implicit null of an empty document (`---` alone), as opposed to a written `~` or `null`. */
const isEmptyScalar = (node: unknown): boolean =>
  isScalar(node) && node.type === Scalar.PLAIN && node.source === "" && node.value === null

const isMergeKey = (node: unknown): boolean =>
  isScalar(node) && node.type === Scalar.PLAIN && node.source === "<<" && node.tag === undefined

const pairStart = (pair: Pair, fallback: number): number => {
  const key = pair.key as { range?: [number, number, number] } | null
  const value = pair.value as { range?: [number, number, number] } | null
  return key?.range?.[0] ?? value?.range?.[0] ?? fallback
}

/** A deep copy of plain data (depth already bounded by the caller's checks). */
const copy = (value: unknown): unknown => {
  if (value === null || typeof value !== "object") return value
  if (Array.isArray(value)) return value.map(copy)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) setOwn(out, key, copy((value as Record<string, unknown>)[key]))
  return out
}

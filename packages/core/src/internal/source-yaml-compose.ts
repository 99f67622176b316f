/**
 * Compose the CST of the `yaml` package's `Parser` into a light node tree, with the checks of the
 * package's `Composer` (yaml 2.9.1, dist/compose/*.js), without its Document, node classes, schema
 * and stringify modules (issue #6: they cost ≈30 KiB gzip in the browser bundle).
 *
 * This is a port of compose-doc, compose-node, compose-collection, resolve-block-map,
 * resolve-block-seq, resolve-flow-collection, resolve-props, resolve-end, resolve-block-scalar,
 * resolve-flow-scalar, util-contains-newline and util-empty-scalar-position, for the options the
 * full path used (YAML 1.2, core schema, `strict`, no unique keys, no merge, no compat schema): the
 * same problems are reported at the same offsets, in the same order (errors, then warnings); the
 * messages are the package's. Comments are not kept (only whether a node has one, where that moves
 * an offset). Tags are refused by the caller before any value is used: a tagged scalar keeps its
 * text (`!!str`, `!`) or its core-schema value, and a tagged collection its kind; of the package's
 * tag checks only `BAD_COLLECTION_TYPE` (a warning that survives the caller's filter) is reproduced.
 */
import type { CST } from "yaml"
import { resolvePlain } from "./source-yaml-plain.js"
import { yamlEscapes } from "./yaml-escapes.js"

/** A composed node. `start`, `end`, `after`: the package's `range` (start, value end, node end). */
export type YNode = YScalar | YMap | YSeq | YAlias

interface YBase {
  readonly start: number
  readonly end: number
  after: number
  anchor?: string
  /** The anchor's offset (of its `&`). */
  anchorAt?: number
}

export interface YScalar extends YBase {
  readonly kind: "scalar"
  readonly value: unknown
  /** A plain scalar (not quoted, not a block scalar). */
  readonly plain: boolean
  /** The scalar's text after unfolding and unescaping (the package's `Scalar.source`). */
  readonly source: string
  readonly tagged: boolean
}
export interface YPair {
  readonly key: YNode
  readonly value: YNode | null
}
export interface YMap extends YBase {
  readonly kind: "map"
  readonly pairs: Array<YPair>
}
export interface YSeq extends YBase {
  readonly kind: "seq"
  readonly items: Array<YNode>
}
export interface YAlias extends YBase {
  readonly kind: "alias"
  readonly name: string
}

/** A problem the package's composer reports: offset, code, message. */
export interface Problem {
  readonly offset: number
  readonly code: string
  readonly message: string
}

export interface Composed {
  /** The document's value node (an empty scalar when the document has none). */
  readonly root: YNode
  readonly errors: ReadonlyArray<Problem>
  readonly warnings: ReadonlyArray<Problem>
}

type Token = CST.Token
type SourceToken = CST.SourceToken

interface Props {
  readonly comma: SourceToken | null
  readonly found: SourceToken | null
  readonly hasComment: boolean
  readonly hasNewline: boolean
  readonly anchor: SourceToken | null
  readonly tag: SourceToken | null
  readonly newlineAfterProp: SourceToken | null
  readonly end: number
  readonly start: number
}

interface PropsContext {
  readonly flow?: string
  readonly indicator: "doc-start" | "explicit-key-ind" | "map-value-ind" | "seq-item-ind"
  readonly next: Token | null | undefined
  readonly offset: number
  readonly parentIndent: number
  readonly startOnNewline: boolean
}

/** Known tags of the `yaml` package (core schema): the collection kind each expects (`""`: a scalar). */
const knownTags: Readonly<Record<string, string>> = {
  "tag:yaml.org,2002:binary": "",
  "tag:yaml.org,2002:merge": "",
  "tag:yaml.org,2002:omap": "seq",
  "tag:yaml.org,2002:pairs": "seq",
  "tag:yaml.org,2002:set": "map",
  "tag:yaml.org,2002:timestamp": "",
}
Object.setPrototypeOf(knownTags, null)

/**
 * Compose the stream `tokens` (of `text`, as the `Parser` gave them) that holds exactly one
 * `document` token: its value node and the composer's errors and warnings.
 */
export const composeStream = (tokens: ReadonlyArray<Token>): Composed => {
  const c = new StreamComposer()
  let root: YNode | undefined
  let atDirectives = false
  let haveDoc = false
  for (const token of tokens) {
    switch (token.type) {
      case "directive":
        atDirectives = true
        break
      case "document": {
        root = c.document(token)
        if (atDirectives && !c.docStart)
          c.error(token.offset, "MISSING_CHAR", "Missing directives-end/doc-start indicator line")
        haveDoc = true
        atDirectives = false
        break
      }
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        break
      case "error":
        c.error(
          token.offset,
          "UNEXPECTED_TOKEN",
          token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message,
        )
        break
      case "doc-end":
        if (!haveDoc) {
          c.error(token.offset, "UNEXPECTED_TOKEN", "Unexpected doc-end without preceding document")
          break
        }
        c.end(token.end, token.offset + token.source.length, true)
        break
      default:
        c.error((token as { offset: number }).offset, "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`)
    }
  }
  if (root === undefined) throw new Error("composeStream: the stream holds no document")
  return { root, errors: c.errors, warnings: c.warnings }
}

class StreamComposer {
  readonly errors: Array<Problem> = []
  readonly warnings: Array<Problem> = []
  docStart = false
  /** The document's root value is being composed and no collection was entered yet. */
  #atRoot = false

  error(offset: number, code: string, message: string): void {
    this.errors.push({ offset, code, message })
  }

  #warn(offset: number, code: string, message: string): void {
    this.warnings.push({ offset, code, message })
  }

  // ---- compose-doc ----

  document(doc: CST.Document): YNode {
    this.#atRoot = true
    const props = this.#props(doc.start, {
      indicator: "doc-start",
      next: doc.value ?? doc.end?.[0],
      offset: doc.offset,
      parentIndent: 0,
      startOnNewline: true,
    })
    if (props.found !== null) {
      this.docStart = true
      const value = doc.value
      if (value !== undefined && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline) {
        this.error(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker")
      }
    }
    const root = doc.value !== undefined ? this.#node(doc.value, props) : this.#empty(props.end, doc.start, null, props)
    this.end(doc.end, root.after, false)
    return root
  }

  // ---- resolve-end ----

  /** The tokens after a node (spaces, comments, newlines); the offset after them. */
  end(end: ReadonlyArray<SourceToken> | undefined, offset: number, reqSpace: boolean): number {
    if (end === undefined) return offset
    let hasSpace = false
    for (const token of end) {
      switch (token.type) {
        case "space":
          hasSpace = true
          break
        case "comment":
          if (reqSpace && !hasSpace) {
            this.error(
              token.offset,
              "MISSING_CHAR",
              "Comments must be separated from other tokens by white space characters",
            )
          }
          break
        case "newline":
          hasSpace = true
          break
        default:
          this.error(token.offset, "UNEXPECTED_TOKEN", `Unexpected ${token.type} at node end`)
      }
      offset += token.source.length
    }
    return offset
  }

  // ---- resolve-props ----

  #props(tokens: ReadonlyArray<Token>, ctx: PropsContext): Props {
    const { flow, indicator, next, offset, parentIndent } = ctx
    let atNewline = ctx.startOnNewline
    let hasSpace = ctx.startOnNewline
    let hasComment = false
    let hasNewline = false
    let reqSpace = false
    let tab: SourceToken | null = null
    let anchor: SourceToken | null = null
    let tag: SourceToken | null = null
    let newlineAfterProp: SourceToken | null = null
    let comma: SourceToken | null = null
    let found: SourceToken | null = null
    let start: number | null = null
    for (const token of tokens as ReadonlyArray<SourceToken>) {
      if (reqSpace) {
        if (token.type !== "space" && token.type !== "newline" && token.type !== "comma") {
          this.error(
            token.offset,
            "MISSING_CHAR",
            "Tags and anchors must be separated from the next token by white space",
          )
        }
        reqSpace = false
      }
      if (tab !== null) {
        if (atNewline && token.type !== "comment" && token.type !== "newline") {
          this.error(tab.offset, "TAB_AS_INDENT", "Tabs are not allowed as indentation")
        }
        tab = null
      }
      switch (token.type) {
        case "space":
          if (
            flow === undefined &&
            (indicator !== "doc-start" || next?.type !== "flow-collection") &&
            token.source.includes("\t")
          ) {
            tab = token
          }
          hasSpace = true
          break
        case "comment":
          if (!hasSpace) {
            this.error(
              token.offset,
              "MISSING_CHAR",
              "Comments must be separated from other tokens by white space characters",
            )
          }
          hasComment = true
          atNewline = false
          break
        case "newline":
          atNewline = true
          hasNewline = true
          if (anchor !== null || tag !== null) newlineAfterProp = token
          hasSpace = true
          break
        case "anchor":
          if (anchor !== null) this.error(token.offset, "MULTIPLE_ANCHORS", "A node can have at most one anchor")
          if (token.source.endsWith(":")) {
            this.#warn(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous")
          }
          anchor = token
          start ??= token.offset
          atNewline = false
          hasSpace = false
          reqSpace = true
          break
        case "tag":
          if (tag !== null) this.error(token.offset, "MULTIPLE_TAGS", "A node can have at most one tag")
          tag = token
          start ??= token.offset
          atNewline = false
          hasSpace = false
          reqSpace = true
          break
        case indicator:
          if (anchor !== null || tag !== null) {
            this.error(token.offset, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`)
          }
          if (found !== null) {
            this.error(token.offset, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`)
          }
          found = token
          atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind"
          hasSpace = false
          break
        default:
          if (token.type === "comma" && flow !== undefined) {
            if (comma !== null) this.error(token.offset, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`)
            comma = token
            atNewline = false
            hasSpace = false
            break
          }
          this.error(token.offset, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`)
          atNewline = false
          hasSpace = false
      }
    }
    const last = tokens[tokens.length - 1] as SourceToken | undefined
    const end = last !== undefined ? last.offset + last.source.length : offset
    if (
      reqSpace &&
      next !== null &&
      next !== undefined &&
      next.type !== "space" &&
      next.type !== "newline" &&
      next.type !== "comma" &&
      (next.type !== "scalar" || next.source !== "")
    ) {
      this.error(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space")
    }
    if (
      tab !== null &&
      ((atNewline && tab.indent <= parentIndent) || next?.type === "block-map" || next?.type === "block-seq")
    ) {
      this.error(tab.offset, "TAB_AS_INDENT", "Tabs are not allowed as indentation")
    }
    return { comma, found, hasComment, hasNewline, anchor, tag, newlineAfterProp, end, start: start ?? end }
  }

  // ---- compose-node ----

  #node(token: Token, props: Props): YNode {
    const { anchor, tag } = props
    let node: YNode | undefined
    switch (token.type) {
      case "alias":
        node = this.#alias(token)
        if (anchor !== null || tag !== null) {
          this.error(token.offset, "ALIAS_PROPS", "An alias node must not specify any properties")
        }
        break
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
      case "block-scalar":
        node = this.#scalar(token, tag)
        if (anchor !== null) this.#setAnchor(node, anchor)
        break
      case "block-map":
      case "block-seq":
      case "flow-collection":
        node = this.#collection(token, props)
        if (anchor !== null) this.#setAnchor(node, anchor)
        break
      default: {
        const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`
        this.error((token as { offset: number }).offset, "UNEXPECTED_TOKEN", message)
      }
    }
    node ??= this.#empty((token as { offset: number }).offset, undefined, null, props)
    return node
  }

  #setAnchor(node: YNode, anchor: SourceToken): void {
    node.anchor = anchor.source.substring(1)
    node.anchorAt = anchor.offset
    if (node.anchor === "") this.error(anchor.offset, "BAD_ALIAS", "Anchor cannot be an empty string")
  }

  /** An empty scalar (a missing value or key), placed as the package places it. */
  #empty(offset: number, before: ReadonlyArray<Token> | undefined, pos: number | null, props: Props): YScalar {
    const at = emptyScalarPosition(offset, before, pos)
    const node: YScalar = {
      kind: "scalar",
      start: at,
      end: at,
      after: at,
      value: props.tag !== null && !nullTag(props.tag.source) ? "" : null,
      plain: true,
      source: "",
      tagged: props.tag !== null,
    }
    if (props.anchor !== null) this.#setAnchor(node, props.anchor)
    if (props.hasComment) node.after = props.end
    return node
  }

  #alias(token: CST.FlowScalar): YAlias {
    const { offset, source } = token
    const name = source.substring(1)
    if (name === "") this.error(offset, "BAD_ALIAS", "Alias cannot be an empty string")
    if (name.endsWith(":")) this.#warn(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous")
    const end = offset + source.length
    const after = this.end(token.end, end, true)
    return { kind: "alias", name, start: offset, end, after }
  }

  // ---- compose-scalar, resolve-flow-scalar, resolve-block-scalar ----

  #scalar(token: CST.FlowScalar | CST.BlockScalar, tag: SourceToken | null): YScalar {
    const tagged = tag !== null
    if (token.type === "block-scalar") {
      const r = this.#blockScalar(token)
      return {
        kind: "scalar",
        start: r.start,
        end: r.end,
        after: r.end,
        value: r.value,
        plain: false,
        source: r.value,
        tagged,
      }
    }
    const { offset, source } = token
    let text: string
    let plain = false
    switch (token.type) {
      case "scalar":
        plain = true
        text = this.#plainValue(source, offset)
        break
      case "single-quoted-scalar":
        if (source[source.length - 1] !== "'" || source.length === 1) {
          this.error(offset + source.length, "MISSING_CHAR", "Missing closing 'quote")
        }
        text = unfoldLines(source.slice(1, -1)).replace(/''/g, "'")
        break
      default:
        text = this.#doubleQuotedValue(source, offset)
    }
    const end = offset + source.length
    const after = this.end(token.end, end, true)
    let value: unknown = text
    if (plain && (!tagged || !stringTag(tag.source))) value = text === "" ? null : resolvePlain(text)
    return { kind: "scalar", start: offset, end, after, value, plain, source: text, tagged }
  }

  #plainValue(source: string, offset: number): string {
    let badChar = ""
    switch (source[0]) {
      case "\t":
        badChar = "a tab character"
        break
      case ",":
        badChar = "flow indicator character ,"
        break
      case "%":
        badChar = "directive indicator character %"
        break
      case "|":
      case ">":
        badChar = `block scalar indicator ${source[0]}`
        break
      case "@":
      case "`":
        badChar = `reserved character ${source[0]}`
        break
    }
    if (badChar !== "") this.error(offset, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`)
    return unfoldLines(source)
  }

  #doubleQuotedValue(source: string, offset: number): string {
    let res = ""
    for (let i = 1; i < source.length - 1; ++i) {
      const ch = source[i]
      if (ch === "\r" && source[i + 1] === "\n") continue
      if (ch === "\n") {
        const { fold, offset: next } = foldNewline(source, i)
        res += fold
        i = next
      } else if (ch === "\\") {
        let next = source[++i]
        const cc = next === undefined ? undefined : yamlEscapes[next]
        if (cc !== undefined) res += cc
        else if (next === "\n") {
          next = source[i + 1]
          while (next === " " || next === "\t") next = source[++i + 1]
        } else if (next === "\r" && source[i + 1] === "\n") {
          next = source[++i + 1]
          while (next === " " || next === "\t") next = source[++i + 1]
        } else if (next === "x" || next === "u" || next === "U") {
          const length = next === "x" ? 2 : next === "u" ? 4 : 8
          const cc = source.substr(i + 1, length)
          const code = cc.length === length && /^[0-9a-fA-F]+$/.test(cc) ? Number.parseInt(cc, 16) : Number.NaN
          if (Number.isNaN(code) || code > 0x10ffff) {
            const raw = source.substr(i - 1, length + 2)
            this.error(offset + i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`)
            res += raw
          } else res += String.fromCodePoint(code)
          i += length
        } else {
          const raw = source.substr(i - 1, 2)
          this.error(offset + i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`)
          res += raw
        }
      } else if (ch === " " || ch === "\t") {
        const wsStart = i
        let next = source[i + 1]
        while (next === " " || next === "\t") next = source[++i + 1]
        if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n")) {
          res += i > wsStart ? source.slice(wsStart, i + 1) : ch
        }
      } else res += ch
    }
    if (source[source.length - 1] !== '"' || source.length === 1) {
      this.error(offset + source.length, "MISSING_CHAR", 'Missing closing "quote')
    }
    return res
  }

  #blockScalar(scalar: CST.BlockScalar): { value: string; start: number; end: number } {
    const start = scalar.offset
    const header = this.#blockScalarHeader(scalar)
    if (header === undefined) return { value: "", start, end: start }
    const literal = header.mode !== ">"
    const lines = scalar.source ? splitLines(scalar.source) : []
    let chompStart = lines.length
    for (let i = lines.length - 1; i >= 0; --i) {
      const content = lines[i]![1]
      if (content === "" || content === "\r") chompStart = i
      else break
    }
    if (chompStart === 0) {
      const value = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : ""
      let end = start + header.length
      if (scalar.source) end += scalar.source.length
      return { value, start, end }
    }
    let trimIndent = scalar.indent + header.indent
    let offset = scalar.offset + header.length
    let contentStart = 0
    for (let i = 0; i < chompStart; ++i) {
      const [indent, content] = lines[i]!
      if (content === "" || content === "\r") {
        if (header.indent === 0 && indent.length > trimIndent) trimIndent = indent.length
      } else {
        if (indent.length < trimIndent) {
          const message =
            "Block scalars with more-indented leading empty lines must use an explicit indentation indicator"
          this.error(offset + indent.length, "MISSING_CHAR", message)
        }
        if (header.indent === 0) trimIndent = indent.length
        contentStart = i
        if (trimIndent === 0 && !this.#atRoot) {
          this.error(offset, "BAD_INDENT", "Block scalar values in collections must be indented")
        }
        break
      }
      offset += indent.length + content.length + 1
    }
    for (let i = lines.length - 1; i >= chompStart; --i) {
      if (lines[i]![0].length > trimIndent) chompStart = i + 1
    }
    let value = ""
    let sep = ""
    let prevMoreIndented = false
    for (let i = 0; i < contentStart; ++i) value += `${lines[i]![0].slice(trimIndent)}\n`
    for (let i = contentStart; i < chompStart; ++i) {
      let [indent, content] = lines[i]!
      offset += indent.length + content.length + 1
      const crlf = content[content.length - 1] === "\r"
      if (crlf) content = content.slice(0, -1)
      if (content && indent.length < trimIndent) {
        const src = header.indent ? "explicit indentation indicator" : "first line"
        const message = `Block scalar lines must not be less indented than their ${src}`
        this.error(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message)
        indent = ""
      }
      if (literal) {
        value += sep + indent.slice(trimIndent) + content
        sep = "\n"
      } else if (indent.length > trimIndent || content[0] === "\t") {
        if (sep === " ") sep = "\n"
        else if (!prevMoreIndented && sep === "\n") sep = "\n\n"
        value += sep + indent.slice(trimIndent) + content
        sep = "\n"
        prevMoreIndented = true
      } else if (content === "") {
        if (sep === "\n") value += "\n"
        else sep = "\n"
      } else {
        value += sep + content
        sep = " "
        prevMoreIndented = false
      }
    }
    switch (header.chomp) {
      case "-":
        break
      case "+":
        for (let i = chompStart; i < lines.length; ++i) value += `\n${lines[i]![0].slice(trimIndent)}`
        if (value[value.length - 1] !== "\n") value += "\n"
        break
      default:
        value += "\n"
    }
    return { value, start, end: start + header.length + scalar.source.length }
  }

  #blockScalarHeader(
    scalar: CST.BlockScalar,
  ): { mode: string; indent: number; chomp: string; length: number } | undefined {
    const { offset, props } = scalar
    const first = props[0] as SourceToken | undefined
    if (first?.type !== "block-scalar-header") {
      this.error(first?.offset ?? offset, "IMPOSSIBLE", "Block scalar header not found")
      return undefined
    }
    const { source } = first
    const mode = source[0]!
    let indent = 0
    let chomp = ""
    let error = -1
    for (let i = 1; i < source.length; ++i) {
      const ch = source[i]!
      if (!chomp && (ch === "-" || ch === "+")) chomp = ch
      else {
        const n = Number(ch)
        if (!indent && n) indent = n
        else if (error === -1) error = offset + i
      }
    }
    if (error !== -1) this.error(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`)
    let hasSpace = false
    let length = source.length
    for (let i = 1; i < props.length; ++i) {
      const token = props[i]!
      switch (token.type) {
        case "space":
          hasSpace = true
          length += token.source.length
          break
        case "newline":
          length += token.source.length
          break
        case "comment":
          if (!hasSpace) {
            const message = "Comments must be separated from other tokens by white space characters"
            this.error(token.offset, "MISSING_CHAR", message)
          }
          length += token.source.length
          break
        case "error":
          this.error(token.offset, "UNEXPECTED_TOKEN", token.message)
          length += token.source.length
          break
        default: {
          const message = `Unexpected token in block scalar header: ${token.type}`
          this.error((token as { offset: number }).offset, "UNEXPECTED_TOKEN", message)
          const ts = (token as { source?: unknown }).source
          if (ts && typeof ts === "string") length += ts.length
        }
      }
    }
    return { mode, indent, chomp, length }
  }

  // ---- compose-collection ----

  #collection(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, props: Props): YNode {
    const tagToken = props.tag
    if (token.type === "block-seq") {
      const { anchor, newlineAfterProp: nl } = props
      const lastProp =
        anchor !== null && tagToken !== null
          ? anchor.offset > tagToken.offset
            ? anchor
            : tagToken
          : (anchor ?? tagToken)
      if (lastProp !== null && (nl === null || nl.offset < lastProp.offset)) {
        this.error(lastProp.offset, "MISSING_CHAR", "Missing newline after block sequence props")
      }
    }
    if (tagToken !== null) {
      const expType =
        token.type === "block-map"
          ? "map"
          : token.type === "block-seq"
            ? "seq"
            : token.start.source === "{"
              ? "map"
              : "seq"
      const expected = knownTags[tagName(tagToken.source)]
      if (expected !== undefined && expected !== expType) {
        const message = `${tagName(tagToken.source)} used for ${expType} collection, but expects ${expected || "scalar"}`
        this.#warn(tagToken.offset, "BAD_COLLECTION_TYPE", message)
      }
    }
    return token.type === "block-map"
      ? this.#blockMap(token)
      : token.type === "block-seq"
        ? this.#blockSeq(token)
        : this.#flowCollection(token)
  }

  // ---- resolve-block-map ----

  #blockMap(bm: CST.BlockMap): YMap {
    this.#atRoot = false
    const pairs: Array<YPair> = []
    let offset = bm.offset
    let commentEnd: number | null = null
    const startColMsg = "All mapping items must start at the same column"
    for (const item of bm.items) {
      const { start, key, sep, value } = item
      const keyProps = this.#props(start, {
        indicator: "explicit-key-ind",
        next: key ?? sep?.[0],
        offset,
        parentIndent: bm.indent,
        startOnNewline: true,
      })
      const implicitKey = keyProps.found === null
      if (implicitKey) {
        if (key) {
          if (key.type === "block-seq") {
            this.error(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key")
          } else if ("indent" in key && key.indent !== bm.indent) this.error(offset, "BAD_INDENT", startColMsg)
        }
        if (keyProps.anchor === null && keyProps.tag === null && !sep) {
          commentEnd = keyProps.end
          continue
        }
        if (keyProps.newlineAfterProp !== null || containsNewline(key)) {
          const at = key ? (key as { offset: number }).offset : (start[start.length - 1]?.offset ?? offset)
          this.error(at, "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line")
        }
      } else if (keyProps.found?.indent !== bm.indent) this.error(offset, "BAD_INDENT", startColMsg)
      const keyStart = keyProps.end
      const keyNode = key ? this.#node(key, keyProps) : this.#empty(keyStart, start, null, keyProps)
      const valueProps = this.#props(sep ?? [], {
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.after,
        parentIndent: bm.indent,
        startOnNewline: !key || key.type === "block-scalar",
      })
      offset = valueProps.end
      if (valueProps.found !== null) {
        if (implicitKey) {
          if (value?.type === "block-map" && !valueProps.hasNewline) {
            this.error(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings")
          }
          if (keyProps.start < valueProps.found.offset - 1024) {
            const message =
              "The : indicator must be at most 1024 chars after the start of an implicit block mapping key"
            this.error(keyNode.start, "KEY_OVER_1024_CHARS", message)
          }
        }
        const valueNode = value ? this.#node(value, valueProps) : this.#empty(offset, sep, null, valueProps)
        offset = valueNode.after
        pairs.push({ key: keyNode, value: valueNode })
      } else {
        if (implicitKey) {
          this.error(keyNode.start, "MISSING_CHAR", "Implicit map keys need to be followed by map values")
        } else if (value) {
          // `? "k"a: 1`: the CST hangs `a: 1` on the item as a value with no `:` before it. The package's
          // composer drops it without a word (yaml 2.9.1); here it is an error, not a silent loss.
          const at = (value as { offset: number }).offset
          this.error(at, "CONTENT_AFTER_KEY", "Content after an explicit key must start on its own line, after a `:`")
        }
        pairs.push({ key: keyNode, value: null })
      }
    }
    if (commentEnd !== null && commentEnd < offset) {
      this.error(commentEnd, "IMPOSSIBLE", "Map comment with trailing content")
    }
    return { kind: "map", start: bm.offset, end: offset, after: commentEnd ?? offset, pairs }
  }

  // ---- resolve-block-seq ----

  #blockSeq(bs: CST.BlockSequence): YSeq {
    this.#atRoot = false
    const items: Array<YNode> = []
    let offset = bs.offset
    let commentEnd: number | null = null
    for (const { start, value } of bs.items) {
      const props = this.#props(start, {
        indicator: "seq-item-ind",
        next: value,
        offset,
        parentIndent: bs.indent,
        startOnNewline: true,
      })
      if (props.found === null) {
        if (props.anchor !== null || props.tag !== null || value) {
          if (value?.type === "block-seq") {
            this.error(props.end, "BAD_INDENT", "All sequence items must start at the same column")
          } else this.error(offset, "MISSING_CHAR", "Sequence item without - indicator")
        } else {
          commentEnd = props.end
          continue
        }
      }
      const node = value ? this.#node(value, props) : this.#empty(props.end, start, null, props)
      offset = node.after
      items.push(node)
    }
    return { kind: "seq", start: bs.offset, end: offset, after: commentEnd ?? offset, items }
  }

  // ---- resolve-flow-collection ----

  #flowCollection(fc: CST.FlowCollection): YMap | YSeq {
    const isMap = fc.start.source === "{"
    const fcName = isMap ? "flow map" : "flow sequence"
    const atRoot = this.#atRoot
    this.#atRoot = false
    const pairs: Array<YPair> = []
    const items: Array<YNode> = []
    const blockMsg = "Block collections are not allowed within flow collections"
    let offset = fc.offset + fc.start.source.length
    for (let i = 0; i < fc.items.length; ++i) {
      const { start, key, sep, value } = fc.items[i]!
      const props = this.#props(start, {
        flow: fcName,
        indicator: "explicit-key-ind",
        next: key ?? sep?.[0],
        offset,
        parentIndent: fc.indent,
        startOnNewline: false,
      })
      if (props.found === null) {
        if (props.anchor === null && props.tag === null && !sep && !value) {
          if (i === 0 && props.comma !== null) {
            this.error(props.comma.offset, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`)
          } else if (i < fc.items.length - 1) {
            this.error(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`)
          }
          offset = props.end
          continue
        }
        if (!isMap && containsNewline(key)) {
          const message = "Implicit keys of flow sequence pairs need to be on a single line"
          this.error((key as { offset: number }).offset, "MULTILINE_IMPLICIT_KEY", message)
        }
      }
      if (i === 0) {
        if (props.comma !== null) this.error(props.comma.offset, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`)
      } else if (props.comma === null) this.error(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`)
      if (!isMap && !sep && props.found === null) {
        const valueNode = value ? this.#node(value, props) : this.#empty(props.end, sep, null, props)
        items.push(valueNode)
        offset = valueNode.after
        if (isBlock(value)) this.error(valueNode.start, "BLOCK_IN_FLOW", blockMsg)
      } else {
        const keyStart = props.end
        const keyNode = key ? this.#node(key, props) : this.#empty(keyStart, start, null, props)
        if (isBlock(key)) this.error(keyNode.start, "BLOCK_IN_FLOW", blockMsg)
        const valueProps = this.#props(sep ?? [], {
          flow: fcName,
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.after,
          parentIndent: fc.indent,
          startOnNewline: false,
        })
        if (valueProps.found !== null) {
          if (!isMap && props.found === null) {
            if (sep) {
              for (const st of sep) {
                if (st === valueProps.found) break
                if (st.type === "newline") {
                  const message = "Implicit keys of flow sequence pairs need to be on a single line"
                  this.error(st.offset, "MULTILINE_IMPLICIT_KEY", message)
                  break
                }
              }
            }
            if (props.start < valueProps.found.offset - 1024) {
              const message =
                "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key"
              this.error(valueProps.found.offset, "KEY_OVER_1024_CHARS", message)
            }
          }
        } else if (value) {
          if ("source" in value && value.source?.[0] === ":") {
            this.error(value.offset, "MISSING_CHAR", `Missing space after : in ${fcName}`)
          } else this.error(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`)
        }
        const valueNode = value
          ? this.#node(value, valueProps)
          : valueProps.found !== null
            ? this.#empty(valueProps.end, sep, null, valueProps)
            : null
        if (valueNode !== null && isBlock(value)) this.error(valueNode.start, "BLOCK_IN_FLOW", blockMsg)
        if (isMap) pairs.push({ key: keyNode, value: valueNode })
        else {
          const last = valueNode ?? keyNode
          const pair: YMap = {
            kind: "map",
            start: keyNode.start,
            end: last.end,
            after: last.after,
            pairs: [{ key: keyNode, value: valueNode }],
          }
          items.push(pair)
        }
        offset = valueNode !== null ? valueNode.after : valueProps.end
      }
    }
    const expectedEnd = isMap ? "}" : "]"
    const [ce, ...ee] = fc.end
    let cePos = offset
    if (ce?.source === expectedEnd) cePos = ce.offset + ce.source.length
    else {
      const name = isMap ? "Flow map" : "Flow sequence"
      const message = atRoot
        ? `${name} must end with a ${expectedEnd}`
        : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`
      this.error(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", message)
      if (ce !== undefined && ce.source.length !== 1) ee.unshift(ce)
    }
    const after = ee.length > 0 ? this.end(ee, cePos, true) : cePos
    return isMap
      ? { kind: "map", start: fc.offset, end: cePos, after, pairs }
      : { kind: "seq", start: fc.offset, end: cePos, after, items }
  }
}

const isBlock = (token: Token | null | undefined): boolean =>
  token !== null && token !== undefined && (token.type === "block-map" || token.type === "block-seq")

/** util-contains-newline. */
const containsNewline = (key: Token | null | undefined): boolean => {
  if (!key) return false
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n")) return true
      if (key.end) for (const st of key.end) if (st.type === "newline") return true
      return false
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start) if (st.type === "newline") return true
        if (it.sep) for (const st of it.sep) if (st.type === "newline") return true
        if (containsNewline(it.key) || containsNewline(it.value)) return true
      }
      return false
    default:
      return true
  }
}

/** util-empty-scalar-position. */
const emptyScalarPosition = (offset: number, before: ReadonlyArray<Token> | undefined, pos: number | null): number => {
  if (before) {
    pos ??= before.length
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i] as SourceToken | undefined
      switch (st?.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length
          continue
      }
      st = before[++i] as SourceToken | undefined
      while (st?.type === "space") {
        offset += st.source.length
        st = before[++i] as SourceToken | undefined
      }
      break
    }
  }
  return offset
}

/** resolve-flow-scalar's `unfoldLines`: fold the lines of a plain or single-quoted scalar. */
const unfoldLines = (source: string): string => {
  const line = /(.*?)\r?\n/sy
  let match = line.exec(source)
  if (!match) return source
  let res = match[1]!.replace(/(?<![ \t])[ \t]+$/, "")
  let sep = " "
  let pos = line.lastIndex
  // biome-ignore lint/suspicious/noAssignInExpressions: the package's loop
  while ((match = line.exec(source))) {
    const lm = match[1]!.replace(/^[ \t]+|(?<![ \t])[ \t]+$/g, "")
    if (lm === "") {
      if (sep === "\n") res += sep
      else sep = "\n"
    } else {
      res += sep + lm
      sep = " "
    }
    pos = line.lastIndex
  }
  const last = /[ \t]*(.*)/sy
  last.lastIndex = pos
  match = last.exec(source)
  return res + sep + (match?.[1] ?? "")
}

/** Fold a line break of a double-quoted scalar: one into a space, more into one fewer `\n`. */
const foldNewline = (source: string, offset: number): { fold: string; offset: number } => {
  let fold = ""
  let ch = source[offset + 1]
  while (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n") break
    if (ch === "\n") fold += "\n"
    offset += 1
    ch = source[offset + 1]
  }
  return { fold: fold || " ", offset }
}

/** A block scalar's lines as `[indent, content]`. */
const splitLines = (source: string): Array<[string, string]> => {
  const split = source.split(/\n( *)/)
  const first = split[0]!
  const m = /^( *)/.exec(first)
  const line0: [string, string] = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first]
  const lines: Array<[string, string]> = [line0]
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!])
  return lines
}

/** The tag a `!!name` or `!<…>` tag token names (other handles are not resolved: the tag is refused anyway). */
const tagName = (source: string): string =>
  source.startsWith("!!")
    ? `tag:yaml.org,2002:${source.slice(2)}`
    : source.startsWith("!<")
      ? source.slice(2, -1)
      : source

const stringTag = (source: string): boolean => source === "!" || tagName(source) === "tag:yaml.org,2002:str"
const nullTag = (source: string): boolean => tagName(source) === "tag:yaml.org,2002:null"

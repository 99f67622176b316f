/** Findings of the parse stage: rule id, one short sentence, pointer and an explicit position. */
import type { Finding, Position } from "../Diagnostic.js"

/** A parse finding: always carries the position it is about (it wins over `locate(pointer)`). */
export type SourceFinding = Finding & { readonly position: Position }

/** The rule ids of rules.md "Document and syntax" the parser emits. */
export type SourceRule = "syntax" | "duplicate-key" | "alias-limit" | "document-limit" | "invalid-value"

export const sourceFinding = (
  rule: SourceRule,
  message: string,
  position: Position,
  pointer = "",
  extra: { readonly at?: "key" | "value"; readonly hint?: string } = {},
): SourceFinding => ({
  rule,
  severity: "error",
  message,
  pointer,
  ...(extra.at !== undefined ? { at: extra.at } : {}),
  ...(extra.hint !== undefined ? { hint: extra.hint } : {}),
  position,
})

const invisible = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/g

/** Escape invisible, control and bidi characters and lone surrogates so a message is safe to print. */
export const escapeText = (text: string): string =>
  text
    .replace(invisible, (c) => codePointName(c.charCodeAt(0)))
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) =>
      codePointName(c.charCodeAt(0)),
    )

/** `\x07` for code points below 0x100, `\u2028` above. */
export const codePointName = (code: number): string =>
  code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`

/** `U+2028` style name of a UTF-16 code unit. */
export const unicodeName = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`

/** The offending text for a message: escaped and cut to `max` characters (with `…`). */
export const excerpt = (text: string, max = 40): string => {
  const escaped = escapeText(text.length > max * 2 ? text.slice(0, max * 2) : text)
  if (escaped.length <= max) return escaped
  let cut = max - 1
  const last = escaped.charCodeAt(cut - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut-- // never split a surrogate pair
  return `${escaped.slice(0, cut)}…`
}

/** `line 3, column 5` */
export const where = (p: Position): string => `line ${p.line}, column ${p.column}`

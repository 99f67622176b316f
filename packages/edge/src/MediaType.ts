/**
 * MediaType: the request's `Content-Type`, parsed per RFC 9110 §8.3.1. A body is accepted only in the
 * listed types, with no parameter other than `charset=utf-8` (or another label of UTF-8, such as `utf8`);
 * anything else is a 415.
 */
import { excerpt } from "./Excerpt.js"
import { Failure } from "./Failure.js"

export type BodySyntax = "yaml" | "json"

/** Media types of a manifest body and the syntax each one means. */
export const manifestMediaTypes: Readonly<Record<string, BodySyntax>> = {
  "application/yaml": "yaml",
  "application/x-yaml": "yaml",
  "text/yaml": "yaml",
  "application/json": "json",
}

/** Media type of a JSON request envelope (diff, plan). */
export const jsonMediaTypes: Readonly<Record<string, BodySyntax>> = { "application/json": "json" }

export interface MediaType {
  /** `type/subtype`, lower case. */
  readonly essence: string
  /** Parameter names lower case, values unquoted. */
  readonly parameters: ReadonlyArray<readonly [string, string]>
}

const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
const quoted = '"(?:[^"\\\\\\x00-\\x08\\x0a-\\x1f\\x7f]|\\\\[\\x09\\x20-\\x7e\\x80-\\xff])*"'
const essencePattern = new RegExp(`^(${token})/(${token})`)
const parameterPattern = new RegExp(`^[ \\t]*;[ \\t]*(${token})=(${token}|${quoted})`)

/** Parse a Content-Type value; `undefined` when it is not `type/subtype *(; name=value)`. */
export const parseMediaType = (value: string): MediaType | undefined => {
  const head = essencePattern.exec(value.trim())
  if (head === null) return undefined
  let rest = value.trim().slice(head[0].length)
  const parameters: Array<readonly [string, string]> = []
  while (rest !== "") {
    const p = parameterPattern.exec(rest)
    if (p === null) return /^[ \t]*;?[ \t]*$/.test(rest) ? { essence: essenceOf(head), parameters } : undefined
    const raw = p[2]!
    const unquoted = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw
    parameters.push([p[1]!.toLowerCase(), unquoted])
    rest = rest.slice(p[0].length)
  }
  return { essence: essenceOf(head), parameters }
}

const essenceOf = (m: RegExpExecArray): string => `${m[1]}/${m[2]}`.toLowerCase()

/** Whether a charset names UTF-8: `utf-8` or another label of it in the Encoding Standard (`utf8`, any case). */
const isUtf8Label = (label: string): boolean => {
  if (label.trim() !== label) return false
  try {
    return new TextDecoder(label).encoding === "utf-8"
  } catch {
    return false // not a label of any encoding
  }
}

/** The syntax a request body is in, from its Content-Type; throws an `UnsupportedMediaType` failure. */
export const bodySyntax = (contentType: string | null, accepted: Readonly<Record<string, BodySyntax>>): BodySyntax => {
  const list = Object.keys(accepted).join(", ")
  const refuse = (why: string) =>
    new Failure("UnsupportedMediaType", `${why}; send one of ${list} (optionally with charset=utf-8)`, {
      extensions: { accepted: Object.keys(accepted) },
      headers: { "Accept-Post": Object.keys(accepted).join(", ") },
    })
  if (contentType === null || contentType.trim() === "") throw refuse("the request has no Content-Type")
  const media = parseMediaType(contentType)
  if (media === undefined) throw refuse(`the Content-Type ${excerpt(contentType)} does not parse`)
  const syntax = Object.hasOwn(accepted, media.essence) ? accepted[media.essence] : undefined
  if (syntax === undefined) throw refuse(`the media type ${excerpt(media.essence)} is not accepted here`)
  for (const [name, value] of media.parameters) {
    if (name !== "charset") throw refuse(`the Content-Type parameter ${excerpt(name)} is not accepted`)
    if (!isUtf8Label(value)) throw refuse(`the charset ${excerpt(value)} is not accepted (UTF-8 only)`)
  }
  if (media.parameters.length > 1) throw refuse("the Content-Type repeats its charset")
  return syntax
}

import type { Finding } from "../Diagnostic.js"
import { codePoint, codePointName } from "../internal/char-names.js"
import { defaultIgnorableClass, isDefaultIgnorable } from "../internal/invisible.js"
import { fitMessage } from "../internal/quote.js"
import { type Subject, visitIdentifiers } from "./identifierValues.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * Identifiers of a manifest that hold a character no real name holds (design/reliability.md,
 * "Unicode spoofing and control chars in names"): a C0 / C1 control or DEL, a line or paragraph
 * separator, an invisible character (Unicode's Default_Ignorable_Code_Point: zero-width spaces and
 * joiners, bidi marks, embeddings, overrides and isolates, the soft hyphen, word joiner, BOM,
 * variation selectors, tag characters …), an interlinear annotation mark, U+FFFD (text decoded
 * from bad bytes), an unpaired surrogate; or leading / trailing whitespace.
 *
 * Identifiers (identifierValues.ts) are checked for all of the above. Display names (`displayName`,
 * `mapToDisplayName`) are text for people, in any script: only controls other than tab / line feed /
 * carriage return, bidi embeddings and overrides (U+202A–U+202E: they reorder what a reader sees) and
 * unpaired surrogates are reported there.
 *
 * Severity error: these values are API names that Ampersand and the provider match exactly, so a
 * name holding one of these characters never names the object, field, destination or event its
 * author sees. The server does not check them: the deploy succeeds and reads, writes or events fail
 * later, or, written on purpose, the name hides what it is from the people who review the manifest.
 * One finding per value, at the value: the first such character, else the edge whitespace.
 */
export const identifierCharset: Rule = withServerKeys({
  id: "identifier-charset",
  severity: "error",
  summary:
    "An API name (object, field, event, destination) has a control, invisible or bidi char or edge space: no real name has.",
  domain: [],
  // Findings are pushed into one array (a generator per checked value would cost more than the check).
  check(ctx) {
    const out: Array<Finding> = []
    visitIdentifiers(ctx.value, (kind, text, pointer, subject) =>
      kind === "identifier" ? identifier(out, text, pointer, subject) : display(out, text, pointer, subject),
    )
    return out
  },
})

// ---------------------------------------------------------------------------------------------
// Characters

type Kind = "control" | "separator" | "invisible" | "bidi" | "surrogate" | "replacement"

const isBidiOverride = (cp: number): boolean => cp >= 0x202a && cp <= 0x202e
const isBidi = (cp: number): boolean => isBidiOverride(cp) || (cp >= 0x2066 && cp <= 0x2069)
const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)

/** Why a code point never belongs in an identifier, or undefined when it may. */
const identifierKind = (cp: number): Kind | undefined => {
  if (isControl(cp)) return "control"
  if (cp < 0xa0) return undefined
  if (cp >= 0xd800 && cp <= 0xdfff) return "surrogate"
  if (cp === 0x2028 || cp === 0x2029) return "separator"
  if (isBidi(cp)) return "bidi"
  if (isDefaultIgnorable(cp) || (cp >= 0xfff9 && cp <= 0xfffb)) return "invisible"
  if (cp === 0xfffd) return "replacement"
  return undefined
}

/** In display names: controls but tab, LF and CR (whitespace there), bidi embeddings / overrides, surrogates. */
const displayKind = (cp: number): Kind | undefined => {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return undefined
  if (isControl(cp)) return "control"
  if (isBidiOverride(cp)) return "bidi"
  if (cp >= 0xd800 && cp <= 0xdfff) return "surrogate"
  return undefined
}

/** Unicode's White_Space characters that are neither controls nor separators. */
const isSpace = (cp: number): boolean =>
  cp === 0x20 ||
  cp === 0xa0 ||
  cp === 0x1680 ||
  (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x202f ||
  cp === 0x205f ||
  cp === 0x3000

const kindWords: Readonly<Record<Kind, string>> = {
  control: "a control character",
  separator: "a line break",
  invisible: "an invisible character",
  bidi: "a bidi control",
  surrogate: "an unpaired surrogate",
  replacement: "the mark of text decoded from bad bytes",
}

/** The first offending code point of `text` and its 1-based position in code points, or undefined. */
const firstOffending = (
  text: string,
  kindOf: (cp: number) => Kind | undefined,
): { readonly cp: number; readonly kind: Kind; readonly position: number } | undefined => {
  let position = 0
  for (let i = 0; i < text.length; i++) {
    position++
    const unit = text.charCodeAt(i)
    let cp = unit
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000
        i++
      }
    }
    const kind = kindOf(cp)
    if (kind !== undefined) return { cp, kind, position }
  }
  return undefined
}

const finding = (message: string, pointer: string, hint: string): Finding => ({
  rule: "identifier-charset",
  severity: "error",
  message,
  pointer,
  hint,
})

/**
 * A superset of what `identifierKind` / `displayKind` report, as one regular expression: most values
 * hold none of it, and one `test` is far cheaper than a call per code point (a lone surrogate is
 * matched alone under the `u` flag; a paired one is an astral code point and is not).
 */
const identifierSuspect = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufff9-\\ufffb\\ufffd\\ud800-\\udfff${defaultIgnorableClass}]`,
  "u",
)

/** `pointer` is computed only for a finding: most values have none, and building a pointer costs more than the check. */
function identifier(out: Array<Finding>, text: string, pointer: () => string, subject: Subject): void {
  const bad = identifierSuspect.test(text) ? firstOffending(text, identifierKind) : undefined
  if (bad !== undefined) {
    const char = codePointName(bad.cp)
    out.push(
      finding(
        fitMessage((max, labelMax) => `${subject(max, labelMax)} holds ${char} at character ${bad.position}`),
        pointer(),
        `remove ${codePoint(bad.cp)}, ${kindWords[bad.kind]}: no real API name holds one (look for an escape in quotes)`,
      ),
    )
    return
  }
  const first = text.codePointAt(0)
  if (first !== undefined && isSpace(first)) {
    out.push(
      finding(
        fitMessage((max, labelMax) => `${subject(max, labelMax)} starts with ${codePointName(first)}`),
        pointer(),
        "remove the leading whitespace: quoted values keep it, and the real name has none",
      ),
    )
    return
  }
  const last = text.codePointAt(text.length - 1)
  if (last !== undefined && isSpace(last))
    out.push(
      finding(
        fitMessage((max, labelMax) => `${subject(max, labelMax)} ends with ${codePointName(last)}`),
        pointer(),
        "remove the trailing whitespace: quoted values keep it, and the real name has none",
      ),
    )
}

function display(out: Array<Finding>, text: string, pointer: () => string, subject: Subject): void {
  const bad = identifierSuspect.test(text) ? firstOffending(text, displayKind) : undefined
  if (bad === undefined) return
  const char = codePointName(bad.cp)
  out.push(
    finding(
      fitMessage((max, labelMax) => `${subject(max, labelMax)} holds ${char} at character ${bad.position}`),
      pointer(),
      `remove ${codePoint(bad.cp)}, ${kindWords[bad.kind]}: in text that people read it hides or reorders what they see`,
    ),
  )
}

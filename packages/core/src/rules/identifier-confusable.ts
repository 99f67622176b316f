import type { Finding } from "../Diagnostic.js"
import { codePoint, codePointName } from "../internal/char-names.js"
import { fitMessage } from "../internal/quote.js"
import { type Subject, visitIdentifiers } from "./identifierValues.js"
import type { Rule } from "./Rule.js"
import { withServerKeys } from "./withServerKeys.js"

/**
 * API names that look like another name (design/reliability.md, "Unicode spoofing"): a name that
 * mixes Latin letters with Cyrillic, Greek, Armenian or Cherokee ones (`соntact` with a Cyrillic
 * `с`), that holds a fullwidth form of an ASCII character (`Ｉd`), or a space other than U+0020 inside
 * it (a no-break space looks like a space and is not one). Such a name reads as the name it imitates,
 * in a review and in `ampkit diff` (`contact` removed, `соntact` added), yet names nothing the
 * provider has, or something else.
 *
 * The identifiers are identifier-charset's (identifierValues.ts); display names are text for people and
 * may hold any script. Names in one non-Latin script (`Контакт`), Latin with accents (`Schlüssel`)
 * and Latin mixed with scripts that do not imitate it (`顧客_id`) are left alone. Severity warning:
 * a provider may have such a name; a look-alike is far more often a paste or a trick.
 * One finding per value, at the value: the first look-alike.
 */
export const identifierConfusable: Rule = withServerKeys({
  id: "identifier-confusable",
  severity: "warning",
  summary:
    "An API name mixes Latin with look-alike letters (Cyrillic, Greek …), or holds a fullwidth form or an odd space.",
  domain: [],
  check(ctx) {
    const out: Array<Finding> = []
    visitIdentifiers(ctx.value, (kind, text, pointer, subject) => {
      if (kind === "identifier" && !plain.test(text)) check(out, text, pointer, subject)
    })
    return out
  },
})

/** Printable ASCII only: nothing to look like anything else (most names). */
const plain = /^[\x20-\x7e]*$/

/** Scripts whose letters imitate Latin ones (UTS #39's usual suspects), by name. */
const lookAlikeScripts: ReadonlyArray<readonly [string, RegExp]> = [
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
]
const latinLetter = /\p{Script=Latin}/u
/** White_Space characters that render as a space but are not U+0020 (controls are identifier-charset's). */
const oddSpace = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/

function check(out: Array<Finding>, text: string, pointer: () => string, subject: Subject): void {
  let latin = false
  let other: { readonly script: string; readonly cp: number; readonly position: number } | undefined
  let position = 0
  for (const char of text) {
    position++
    const cp = char.codePointAt(0) ?? 0
    if (cp < 0x80) {
      if ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) latin = true
      continue
    }
    if (oddSpace.test(char)) {
      const at = position
      out.push({
        rule: "identifier-confusable",
        severity: "warning",
        message: fitMessage(
          (max, labelMax) => `${subject(max, labelMax)} holds ${codePointName(cp)} at character ${at}`,
        ),
        pointer: pointer(),
        hint: `${codePoint(cp)} looks like a space and is not one: type a plain space, or none`,
      })
      return
    }
    if (cp >= 0xff01 && cp <= 0xff5e) {
      const ascii = String.fromCharCode(cp - 0xfee0)
      const at = position
      out.push({
        rule: "identifier-confusable",
        severity: "warning",
        message: fitMessage(
          (max, labelMax) => `${subject(max, labelMax)} holds fullwidth ${codePoint(cp)} at character ${at}`,
        ),
        pointer: pointer(),
        hint: `retype it as ASCII \`${ascii}\`: the fullwidth form only looks like it`,
      })
      return
    }
    if (latinLetter.test(char)) latin = true
    else if (other === undefined)
      for (const [script, pattern] of lookAlikeScripts)
        if (pattern.test(char)) {
          other = { script, cp, position }
          break
        }
  }
  if (!latin || other === undefined) return
  const { script, cp, position: at } = other
  out.push({
    rule: "identifier-confusable",
    severity: "warning",
    message: fitMessage(
      (max, labelMax) =>
        `${subject(max, labelMax)} mixes Latin and ${script} letters (${codePoint(cp)} at character ${at})`,
    ),
    pointer: pointer(),
    hint: `retype it in one script: ${script} ${codePoint(cp)} may only look like a Latin letter`,
  })
}

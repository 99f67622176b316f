/** Plain scalars of the YAML 1.2 core schema, resolved as the `yaml` package (2.x) resolves them. */

// The core schema's tests (yaml 2.x, schema/core and schema/common), in the order it tries them.
const intOct = /^0o[0-7]+$/
const intDec = /^[-+]?[0-9]+$/
const intHex = /^0x[0-9a-fA-F]+$/
const floatNaN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
const floatExp = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/
const float = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/

/** A non-empty plain scalar resolved as the `yaml` package's core schema does (`intAsBigInt: false`). */
export const resolvePlain = (s: string): unknown => {
  const c = s.charCodeAt(0)
  switch (c) {
    case 126: // ~
      return s.length === 1 ? null : s
    case 110: // n
    case 78: // N
      return s === "null" || s === "Null" || s === "NULL" ? null : s
    case 116: // t
    case 84: // T
      return s === "true" || s === "True" || s === "TRUE" ? true : s
    case 102: // f
    case 70: // F
      return s === "false" || s === "False" || s === "FALSE" ? false : s
  }
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46
  if (!numeric) return s
  if (intOct.test(s)) return Number.parseInt(s.substring(2), 8)
  if (intDec.test(s)) return Number.parseInt(s, 10)
  if (intHex.test(s)) return Number.parseInt(s.substring(2), 16)
  if (floatNaN.test(s)) {
    return s.slice(-3).toLowerCase() === "nan" ? Number.NaN : s[0] === "-" ? -Infinity : Infinity
  }
  if (floatExp.test(s) || float.test(s)) return Number.parseFloat(s)
  return s
}

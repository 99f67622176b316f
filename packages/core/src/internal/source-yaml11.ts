/**
 * YAML 1.1 readings of plain scalars (https://yaml.org/type/bool.html, int.html, float.html).
 *
 * Ampersand's server resolves YAML 1.1; ampkit reads YAML 1.2 core. A plain scalar is reported when
 * YAML 1.1 gives it a non-string value that differs from the YAML 1.2 one:
 * - `boolean`: y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF (the true/false forms agree);
 * - `octal`: `[-+]?0[0-7_]+` (`0755` is 493 in 1.1, 755 in 1.2; `007` agrees and is not reported);
 * - `sexagesimal`: `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+` and its float form (`1:30` is 90);
 * - `number`: the other 1.1-only number forms: `0b101`, underscores (`1_000`, `1_0.5`, `0x1_F`),
 *   a signed hex `-0x1F`.
 *
 * The 1.1 float regex of the spec, `[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?`, would make
 * `1.0.0` a float; every implementation (PyYAML, libyaml users) reads `[0-9_]*` there, and so do we.
 * Not reported: scalars YAML 1.1 reads as a string where 1.2 reads a number (`1e5`, `0o17`, `09`):
 * `as` has no "string". 1.1 timestamps (`2001-12-14`) are not reported either. Keys are not checked.
 */
import type { Yaml11Scalar } from "../Source.js"

const bool11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/
const int2 = /^([-+]?)0b([01_]+)$/
const int8 = /^([-+]?)0([0-7_]+)$/
const int10 = /^([-+]?)(0|[1-9][0-9_]*)$/
const int16 = /^([-+]?)0x([0-9a-fA-F_]+)$/
const int60 = /^([-+]?)([1-9][0-9_]*(?::[0-5]?[0-9])+)$/
const float10 = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)(?:[eE][-+][0-9]+)?$/
const float60 = /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/

/** Only these characters occur in a YAML 1.1 boolean or number: a cheap first filter. */
const candidate = /^[-+0-9.:_a-zA-Z]+$/

/** How YAML 1.1 reads `source` when that differs from `v12` (its YAML 1.2 core value), else undefined. */
export const yaml11Reading = (source: string, v12: unknown): Yaml11Scalar["as"] | undefined => {
  if (!candidate.test(source)) return undefined
  if (bool11.test(source)) return "boolean"
  let m = int2.exec(source)
  if (m !== null) return differs(signed(m[1]!, digits(m[2]!, 2)), v12) ? "number" : undefined
  m = int8.exec(source)
  if (m !== null) return differs(signed(m[1]!, digits(m[2]!, 8)), v12) ? "octal" : undefined
  m = int10.exec(source)
  if (m !== null) return differs(signed(m[1]!, digits(m[2]!, 10)), v12) ? "number" : undefined
  m = int16.exec(source)
  if (m !== null) return differs(signed(m[1]!, digits(m[2]!, 16)), v12) ? "number" : undefined
  m = int60.exec(source)
  if (m !== null) return differs(signed(m[1]!, base60(m[2]!)), v12) ? "sexagesimal" : undefined
  if (float10.test(source)) return differs(Number(source.replace(/_/g, "")), v12) ? "number" : undefined
  m = float60.exec(source)
  if (m !== null) return differs(signed(m[1]!, base60(m[2]!)), v12) ? "sexagesimal" : undefined
  return undefined
}

const digits = (text: string, radix: number): number => {
  const clean = text.replace(/_/g, "")
  return clean === "" ? 0 : radix === 10 ? Number(clean) : Number.parseInt(clean, radix)
}

const signed = (sign: string, n: number): number => (sign === "-" ? -n : n)

/** `1:30` → 90, `1:30.5` → 90.5 (the last part may carry the fraction). */
const base60 = (text: string): number => {
  let n = 0
  for (const part of text.replace(/_/g, "").split(":")) n = n * 60 + Number(part)
  return n
}

/** 1.1 and 1.2 disagree: a different type or a different number (`0` and `-0` agree). */
const differs = (v11: number, v12: unknown): boolean => !Number.isNaN(v11) && (typeof v12 !== "number" || v11 !== v12)

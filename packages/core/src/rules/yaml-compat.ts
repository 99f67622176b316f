import type { Finding } from "../Diagnostic.js"
import { toPath } from "../internal/pointer.js"
import { excerpt } from "../internal/quote.js"
import { expectedScalarType, foldKey } from "../Shape.js"
import type { Yaml11Scalar } from "../Source.js"
import type { Rule } from "./Rule.js"
import { isRecord } from "./walk.js"

/**
 * An unquoted scalar that YAML 1.2 (this validator) and YAML 1.1 (Ampersand's server) read
 * differently, in a field whose type makes the difference matter:
 * - a string field (`objectName: no`, `name: 0755`): the server decodes a boolean or number where a
 *   string belongs and fails: error, "quote it";
 * - a boolean field with a 1.1 boolean (`enabled: yes`): YAML 1.2 reads a string, the server the
 *   boolean the author meant: warning, "write true/false";
 * - a number field with a 1.1 octal (`days: 0750`): both read a number, but not the same one
 *   (750 vs 488): warning.
 * `specVersion` is left to rule `spec-version`, which reports every value but "1.0.0".
 * Keys resolve case-insensitively, as on the server (`expectedScalarType`); unlike the other rules this
 * one reads the source's scalars, whose pointers already name the keys as written, so it is not
 * wrapped in `withServerKeys`. Validate.ts lets its findings replace the others at the same pointer.
 */
export const yamlCompat: Rule = {
  id: "yaml-compat",
  severity: "error",
  summary: "An unquoted scalar that YAML 1.2 and Ampersand's YAML 1.1 server read differently.",
  domain: [],
  *check(ctx) {
    const document = ctx.document
    if (document === undefined) return
    for (const scalar of document.yaml11Scalars) {
      if (isSpecVersion(scalar.pointer)) continue
      // The scalars' pointers name keys as written: read them in the parsed document itself.
      const finding = compatFinding(scalar, expectedScalarType(scalar.pointer), document.value)
      if (finding !== undefined) yield finding
    }
  },
}

const compatFinding = (
  scalar: Yaml11Scalar,
  expected: ReturnType<typeof expectedScalarType>,
  root: unknown,
): Finding | undefined => {
  const path = toPath(scalar.pointer)
  const key = path[path.length - 1]
  if (key === undefined) return undefined
  const isItem = /^(0|[1-9][0-9]*)$/.test(key)
  const name = isItem ? `${path[path.length - 2] ?? ""}[${key}]` : key
  const source = excerpt(scalar.source)
  if (expected === "string") {
    return {
      rule: "yaml-compat",
      severity: "error",
      message: `\`${name}: ${source}\` is ${yaml11Reading(scalar)} for Ampersand's server (YAML 1.1), not a string`,
      pointer: scalar.pointer,
      hint: isItem ? `quote it: "${source}"` : `quote it: ${key}: "${source}"`,
    }
  }
  if (expected === "boolean" && scalar.as === "boolean") {
    const value = yaml11Boolean(scalar.source)
    return {
      rule: "yaml-compat",
      severity: "warning",
      message: `\`${name}: ${source}\` is a string in YAML 1.2 but the boolean ${value} for Ampersand's server`,
      pointer: scalar.pointer,
      hint: `write true/false: ${key}: ${value}`,
    }
  }
  if ((expected === "integer" || expected === "number") && scalar.as === "octal") {
    const value12 = valueAt(root, path)
    const value11 = yaml11Octal(scalar.source)
    if (typeof value12 !== "number" || value11 === undefined || value11 === value12) return undefined
    return {
      rule: "yaml-compat",
      severity: "warning",
      message: `\`${name}: ${source}\` is ${value12} in YAML 1.2 but ${value11} for Ampersand's server (YAML 1.1 octal)`,
      pointer: scalar.pointer,
      hint: `drop the leading zero: ${key}: ${value12}`,
    }
  }
  return undefined
}

/** `/specVersion`, however its key is spelt (`/SpecVersion` is the same key for the server). */
const isSpecVersion = (pointer: string): boolean =>
  pointer.lastIndexOf("/") === 0 && foldKey(pointer.slice(1)) === foldKey("specVersion")

/** What YAML 1.1 makes of the scalar, in words. */
const yaml11Reading = (scalar: Yaml11Scalar): string => {
  switch (scalar.as) {
    case "boolean":
      return `the boolean ${yaml11Boolean(scalar.source)}`
    case "octal": {
      const value = yaml11Octal(scalar.source)
      return value === undefined ? "an octal number" : `the octal number ${value}`
    }
    case "sexagesimal": {
      const value = yaml11Sexagesimal(scalar.source)
      return value === undefined ? "a base-60 number" : `the base-60 number ${value}`
    }
    case "number":
      return "a number"
  }
}

/** YAML 1.1 booleans: y|yes|true|on (any of its case forms) are true; n|no|false|off false. */
const yaml11Boolean = (source: string): boolean => /^(y|yes|true|on)$/i.test(source)

/** YAML 1.1 octal `[-+]?0[0-7_]+`, as a number. */
const yaml11Octal = (source: string): number | undefined => {
  const match = /^([-+]?)0([0-7_]+)$/.exec(source)
  if (match === null) return undefined
  const value = Number.parseInt((match[2] ?? "").replace(/_/g, ""), 8)
  return match[1] === "-" ? -value : value
}

/** YAML 1.1 base-60 integer `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`, as a number. */
const yaml11Sexagesimal = (source: string): number | undefined => {
  if (source.length > 64) return undefined
  const match = /^([-+]?)([1-9][0-9_]*(?::[0-5]?[0-9])+)$/.exec(source)
  if (match === null) return undefined
  let value = 0
  for (const part of (match[2] ?? "").split(":")) value = value * 60 + Number(part.replace(/_/g, ""))
  return match[1] === "-" ? -value : value
}

/** The value at a path of own keys / indices, or undefined. */
const valueAt = (root: unknown, path: ReadonlyArray<string>): unknown => {
  let node = root
  for (const token of path) {
    if (Array.isArray(node)) node = node[Number(token)]
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token]
    else return undefined
  }
  return node
}

/**
 * The check behind the fast-path tests: run the fast path (source-yaml-fast.ts) and the full path
 * (the `yaml` package, source-yaml.ts) on one text and compare everything they return, strictly:
 * key order, prototypes, own `__proto__`, `-0`, Map order of the position records, every field of
 * every finding, and the position `locate` gives for every pointer of the value.
 */
import { expect } from "vitest"
import { toPath } from "../../src/internal/pointer.js"
import { LineIndex } from "../../src/internal/source-lines.js"
import { yamlLocator } from "../../src/internal/source-locate.js"
import { checkCharacters, normaliseNewlines, stripBom } from "../../src/internal/source-text.js"
import { parseYamlFull, type YamlOutcome } from "../../src/internal/source-yaml.js"
import { parseYamlFast } from "../../src/internal/source-yaml-fast.js"
import { defaultLimits, type Limits } from "../../src/Limits.js"

/** The first difference between `a` and `b` (plain data, arrays, Maps), or undefined when they are the same. */
export const difference = (a: unknown, b: unknown, at = "$"): string | undefined => {
  if (Object.is(a, b)) return undefined
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return `${at}: ${describe(a)} ≠ ${describe(b)}`
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: different prototypes`
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array and not array`
  if (a instanceof Map && b instanceof Map) {
    const ka = [...a.keys()]
    const kb = [...b.keys()]
    const keys = difference(ka, kb, `${at}.keys()`)
    if (keys !== undefined) return keys
    for (const k of ka) {
      const d = difference(a.get(k), b.get(k), `${at}.get(${JSON.stringify(k)})`)
      if (d !== undefined) return d
    }
    return undefined
  }
  const ka = Reflect.ownKeys(a)
  const kb = Reflect.ownKeys(b)
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) {
    return `${at}: keys [${ka.map(String)}] ≠ [${kb.map(String)}]`
  }
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)
    const db = Object.getOwnPropertyDescriptor(b, k)
    if (da?.enumerable !== db?.enumerable || da?.writable !== db?.writable) return `${at}.${String(k)}: descriptors`
    const d = difference(da?.value, db?.value, `${at}.${String(k)}`)
    if (d !== undefined) return d
  }
  return undefined
}

const describe = (v: unknown): string =>
  typeof v === "string" ? JSON.stringify(v) : Object.is(v, -0) ? "-0" : typeof v === "object" ? "object" : String(v)

/** Every pointer of `value` (the root included), plus a missing child of each container. */
export const pointersOf = (value: unknown, pointer = "", out: Array<string> = []): Array<string> => {
  out.push(pointer)
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) pointersOf(item, `${pointer}/${i}`, out)
    out.push(`${pointer}/${value.length}`)
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      pointersOf(
        (value as Record<string, unknown>)[key],
        `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        out,
      )
    }
    out.push(`${pointer}/no~1such key`)
  }
  return out
}

/** `text` as parseYaml receives it (BOM dropped, CRLF read as LF), or undefined when parseSource refuses its characters. */
export const prepared = (raw: string): string | undefined => {
  const body = stripBom(raw)
  return checkCharacters(body, "yaml").length > 0 ? undefined : normaliseNewlines(body)
}

export interface Compared {
  readonly fast: YamlOutcome | undefined
  readonly full: YamlOutcome
}

/**
 * Run both paths on `text` (already prepared); when the fast path answers, expect the same outcome
 * and the same `locate` positions for every pointer.
 */
export const compare = (text: string, limits: Limits = defaultLimits): Compared => {
  const fast = parseYamlFast(text, limits, new LineIndex(text))
  const full = parseYamlFull(text, limits, new LineIndex(text))
  if (fast === undefined) return { fast, full }
  const d = difference(fast, full)
  expect(d, `fast and full outcomes differ for ${JSON.stringify(text)} under ${JSON.stringify(limits)}`).toBe(undefined)
  if (full.value !== undefined && fast.value !== undefined) {
    const lines = new LineIndex(text)
    const fastLocate = yamlLocator(fast.value.root)
    const fullLocate = yamlLocator(full.value.root)
    for (const pointer of pointersOf(full.value.value)) {
      const path = toPath(pointer)
      const f = fastLocate(path)
      const g = fullLocate(path)
      expect([lines.position(f.key), lines.position(f.value)], pointer).toEqual([
        lines.position(g.key),
        lines.position(g.value),
      ])
    }
  }
  return { fast, full }
}

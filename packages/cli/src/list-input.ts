/**
 * The two lists of the API users save and mix up: list-integrations and list-installations. The core
 * decodes an array as an integration list; an input that is the other list, or one of them wrapped in
 * an object by another tool, is an input of the wrong kind (exit 2), said so here in the user's terms.
 */
import { escapeControl, parseSource } from "@ampkit/core"
import { inputSyntax } from "@ampkit/core/Decode"
import { recogniseKind } from "@ampkit/core/Document"
import { InputError } from "./errors.js"
import type { Input } from "./io.js"

export type ListCall = "list-integrations" | "list-installations"

const isObject = (item: unknown): item is Readonly<Record<string, unknown>> =>
  typeof item === "object" && item !== null && !Array.isArray(item)

/** An API integration, as list-integrations lists it. */
const isIntegration = (item: unknown): boolean => recogniseKind(item) === "integration"

/** An installation, as list-installations lists it (its integration's id, no integration fields). */
export const isInstallation = (item: unknown): boolean =>
  isObject(item) && "integrationId" in item && recogniseKind(item) === undefined

const parsedValue = (input: Input, text: string): unknown =>
  parseSource(text, { syntax: inputSyntax(input.name, text) }).document?.value

const named = (label: string, input: Input): string => `${label}${escapeControl(input.name)}`

/**
 * A list saved by another tool may come wrapped: `{"integrations": [...]}`, `{"results": [...]}`. For
 * such an input, the error that says so: the key of the first array member whose items all look like
 * the list's, or of the only member when it is an array holding nothing of another kind. Undefined for
 * anything else, a manifest (`specVersion`) included, which keeps the message the core gives.
 * `expected` ends "expected …, got an object with key `k`" (default: the JSON array of `call`).
 */
export const wrappedList = (
  label: string,
  input: Input,
  text: string,
  call: ListCall,
  expected = `expected the JSON array of ${call}`,
): InputError | undefined => {
  const value = parsedValue(input, text)
  if (!isObject(value)) return undefined
  const entries = Object.entries(value)
  if (entries.some(([key]) => key.toLowerCase() === "specversion")) return undefined
  const looksLikeItem = call === "list-integrations" ? isIntegration : isInstallation
  const lists = entries.filter((e): e is [string, Array<unknown>] => Array.isArray(e[1]))
  const other = (item: unknown) => !looksLikeItem(item) && recogniseKind(item) !== undefined
  const key =
    lists.find(([, items]) => items.length > 0 && items.every(looksLikeItem))?.[0] ??
    (entries.length === 1 && lists.length === 1 && !lists[0]![1].some(other) ? lists[0]![0] : undefined)
  if (key === undefined) return undefined
  const plain = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(key)
  return new InputError({
    message:
      `${named(label, input)}: ${expected}, got an object with key ` +
      `\`${escapeControl(key.length > 40 ? `${key.slice(0, 40)}…` : key)}\`` +
      ` (pass the array itself${plain ? `, e.g. jq '.${key}'` : ""})`,
  })
}

/**
 * An array of installations where integrations were expected (the core reads any array as an
 * integration list and would report every installation's missing `name`): the error that names it, or
 * undefined when no item is an installation. `instead` ends the sentence (what to do with the file).
 */
export const installationsGiven = (
  label: string,
  input: Input,
  text: string,
  expected: string,
  instead: string,
): InputError | undefined => {
  const value = parsedValue(input, text)
  if (!Array.isArray(value)) return undefined
  const at = value.findIndex(isInstallation)
  if (at < 0) return undefined
  return new InputError({
    message: `${named(label, input)}: ${expected}, but item ${at} looks like an installation (list-installations): ${instead}`,
  })
}

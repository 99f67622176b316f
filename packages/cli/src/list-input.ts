/**
 * The two API lists mixed up (core ApiLists.ts), said as an input error (exit 2) in the user's terms.
 */
import { escapeControl, parseSource } from "@ampkit/core"
import { type ApiList, installationIndex, looksLikeInstallation, wrappedListKey } from "@ampkit/core/ApiLists"
import { inputSyntax } from "@ampkit/core/Decode"
import { InputError } from "./errors.js"
import type { Input } from "./io.js"

const parsedValue = (input: Input, text: string): unknown =>
  parseSource(text, { syntax: inputSyntax(input.name, text) }).document?.value

const named = (label: string, input: Input): string => `${label}${escapeControl(input.name)}`

/** A key as a message shows it: controls escaped, cut at 40 code points (never inside an astral character). */
const shortKey = (key: string): string => {
  const points = [...key.slice(0, 82)]
  return escapeControl(points.length > 40 ? `${points.slice(0, 40).join("")}…` : key)
}

/**
 * An input that is `call`'s array wrapped in an object by another tool: the error that says so, ending
 * "`expected`, got an object with key `k` (pass the array itself …)"; undefined for anything else.
 */
export const wrappedList = (
  label: string,
  input: Input,
  text: string,
  call: ApiList,
  expected = `expected the JSON array of ${call}`,
): InputError | undefined => {
  const key = wrappedListKey(parsedValue(input, text), call)
  if (key === undefined) return undefined
  const plain = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(key)
  return new InputError({
    message:
      `${named(label, input)}: ${expected}, got an object with key ` +
      `\`${shortKey(key)}\`` +
      ` (pass the array itself${plain ? `, e.g. jq '.${key}'` : ""})`,
  })
}

/**
 * An array of installations where integrations were expected: the error that names the first one,
 * ending with `instead` (what to do with the file); the same for one installation given alone (not in
 * an array); undefined when no item is an installation.
 */
export const installationsGiven = (
  label: string,
  input: Input,
  text: string,
  expected: string,
  instead: string,
): InputError | undefined => {
  const value = parsedValue(input, text)
  if (looksLikeInstallation(value)) {
    return new InputError({
      message: `${named(label, input)}: ${expected}, but this is one installation (an item of list-installations): ${instead}`,
    })
  }
  const at = installationIndex(value)
  if (at >= 0) {
    return new InputError({
      message: `${named(label, input)}: ${expected}, but item ${at} looks like an installation (list-installations): ${instead}`,
    })
  }
  // list-installations wrapped by another tool: `{"results": [installations]}`.
  const key = wrappedListKey(value, "list-installations")
  const held = key !== undefined ? (value as Readonly<Record<string, unknown>>)[key] : undefined
  if (!Array.isArray(held) || held.length === 0) return undefined
  return new InputError({
    message: `${named(label, input)}: ${expected}, but this holds list-installations under \`${shortKey(key!)}\`: ${instead}`,
  })
}

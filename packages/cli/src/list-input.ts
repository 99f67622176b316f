/**
 * The two API lists mixed up (core ApiLists.ts), said as an input error (exit 2) in the user's terms.
 */
import { escapeControl, parseSource } from "@ampkit/core"
import { type ApiList, installationIndex, wrappedListKey } from "@ampkit/core/ApiLists"
import { inputSyntax } from "@ampkit/core/Decode"
import { InputError } from "./errors.js"
import type { Input } from "./io.js"

const parsedValue = (input: Input, text: string): unknown =>
  parseSource(text, { syntax: inputSyntax(input.name, text) }).document?.value

const named = (label: string, input: Input): string => `${label}${escapeControl(input.name)}`

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
      `\`${escapeControl(key.length > 40 ? `${key.slice(0, 40)}…` : key)}\`` +
      ` (pass the array itself${plain ? `, e.g. jq '.${key}'` : ""})`,
  })
}

/**
 * An array of installations where integrations were expected: the error that names the first one,
 * ending with `instead` (what to do with the file); undefined when no item is an installation.
 */
export const installationsGiven = (
  label: string,
  input: Input,
  text: string,
  expected: string,
  instead: string,
): InputError | undefined => {
  const at = installationIndex(parsedValue(input, text))
  if (at < 0) return undefined
  return new InputError({
    message: `${named(label, input)}: ${expected}, but item ${at} looks like an installation (list-installations): ${instead}`,
  })
}

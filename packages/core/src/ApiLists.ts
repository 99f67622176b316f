/**
 * The two lists of the API users save and mix up: list-integrations (`Integration[]`) and
 * list-installations (`Installation[]`). The core decodes any array as an integration list; these say,
 * by shape, when an input is the other list, or one of them wrapped in an object by another tool, so
 * that the CLI and the Worker can refuse it in the API's terms rather than list every item's missing keys.
 * Not used by the browser face (its bundle has no room).
 */
import { recogniseKind } from "./Document.js"

export type ApiList = "list-integrations" | "list-installations"

const isObject = (item: unknown): item is Readonly<Record<string, unknown>> =>
  typeof item === "object" && item !== null && !Array.isArray(item)

/** An installation, as list-installations lists it: its integration's id, none of an integration's fields. */
export const looksLikeInstallation = (item: unknown): boolean =>
  isObject(item) && "integrationId" in item && recogniseKind(item) === undefined

/** An API integration, as list-integrations lists it. */
export const looksLikeIntegration = (item: unknown): boolean => recogniseKind(item) === "integration"

/** The index of the first item of an array that looks like an installation; -1 for none or no array. */
export const installationIndex = (value: unknown): number =>
  Array.isArray(value) ? value.findIndex(looksLikeInstallation) : -1

/**
 * The key under which an object holds the array of `list` (`{"integrations": [...]}`, `{"results": [...]}`):
 * the first array member whose items all look like the list's, or the only member when it is an array
 * holding nothing of another kind (the other list's items included). Undefined for anything else, a manifest (`specVersion`) included.
 */
export const wrappedListKey = (value: unknown, list: ApiList): string | undefined => {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value)
  if (entries.some(([key]) => key.toLowerCase() === "specversion")) return undefined
  const looksLikeItem = list === "list-integrations" ? looksLikeIntegration : looksLikeInstallation
  const lists = entries.filter((e): e is [string, Array<unknown>] => Array.isArray(e[1]))
  const other = (item: unknown) =>
    !looksLikeItem(item) && (recogniseKind(item) !== undefined || looksLikeInstallation(item))
  return (
    lists.find(([, items]) => items.length > 0 && items.every(looksLikeItem))?.[0] ??
    (entries.length === 1 && lists.length === 1 && !lists[0]![1].some(other) ? lists[0]![0] : undefined)
  )
}

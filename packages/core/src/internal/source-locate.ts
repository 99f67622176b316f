/**
 * Position lookup: a JSON pointer's path → offsets of the key and of the value of the deepest node
 * that exists along it (the node itself when it exists, else its nearest existing ancestor).
 */
import { scanItems, scanMembers } from "./json-parser.js"
import type { NodeRecord } from "./source-yaml.js"

export interface Offsets {
  /** Offset of the member's key; of the item for an array item; of the value for the root. */
  readonly key: number
  readonly value: number
}

export type Locator = (path: ReadonlyArray<string>) => Offsets

const arrayIndex = /^(?:0|[1-9][0-9]*)$/

/** Locator over the position records built while walking a YAML document. */
export const yamlLocator =
  (root: NodeRecord): Locator =>
  (path) => {
    let node = root
    let key = root.start
    for (const token of path) {
      let next: NodeRecord | undefined
      let nextKey = 0
      if (node.members !== undefined) {
        const member = node.members.get(token)
        if (member !== undefined) {
          next = member.node
          nextKey = member.key
        }
      } else if (node.items !== undefined && arrayIndex.test(token)) {
        next = node.items[Number(token)]
        if (next !== undefined) nextKey = next.start
      }
      if (next === undefined) break
      node = next
      key = nextKey
    }
    return { key, value: node.start }
  }

/**
 * Locator over valid JSON text, built lazily: a container is scanned (once, then cached) only when a
 * lookup passes through it, so parsing pays nothing for positions.
 */
export const jsonLocator = (text: string, rootOffset: number): Locator => {
  const objects = new Map<number, Map<string, Offsets>>()
  const arrays = new Map<number, Array<number>>()
  const membersOf = (open: number): Map<string, Offsets> => {
    let members = objects.get(open)
    if (members === undefined) {
      const found = new Map<string, Offsets>()
      scanMembers(text, open, (key, keyOffset, valueOffset) => {
        if (!found.has(key)) found.set(key, { key: keyOffset, value: valueOffset }) // first wins, as in the value
        return false
      })
      members = found
      objects.set(open, members)
    }
    return members
  }
  const itemsOf = (open: number): Array<number> => {
    let items = arrays.get(open)
    if (items === undefined) {
      items = scanItems(text, open)
      arrays.set(open, items)
    }
    return items
  }
  return (path) => {
    let current: Offsets = { key: rootOffset, value: rootOffset }
    for (const token of path) {
      const c = text.charCodeAt(current.value)
      let next: Offsets | undefined
      if (c === 123) next = membersOf(current.value).get(token)
      else if (c === 91 && arrayIndex.test(token)) {
        const item = itemsOf(current.value)[Number(token)]
        if (item !== undefined) next = { key: item, value: item }
      }
      if (next === undefined) break
      current = next
    }
    return current
  }
}

/** RFC 6901 JSON pointers. */

/** Escape one reference token (`~` → `~0`, `/` → `~1`). */
export const escapeToken = (token: string | number): string =>
  typeof token === "number" ? String(token) : token.replace(/~/g, "~0").replace(/\//g, "~1")

/** Build a pointer from path segments. `[]` is the root pointer `""`. */
export const fromPath = (path: ReadonlyArray<string | number>): string => {
  let out = ""
  for (const segment of path) out += `/${escapeToken(segment)}`
  return out
}

/** Append one segment to a pointer. */
export const child = (pointer: string, segment: string | number): string => `${pointer}/${escapeToken(segment)}`

/** Split a pointer into its unescaped reference tokens. */
export const toPath = (pointer: string): Array<string> => {
  if (pointer === "") return []
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`)
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))
}

/** The pointer of the parent, or undefined for the root. */
export const parent = (pointer: string): string | undefined => {
  if (pointer === "") return undefined
  return pointer.slice(0, pointer.lastIndexOf("/"))
}

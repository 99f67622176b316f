/** Changes of `watchSchema`, the provider schema monitoring (changes.md; domain.md F7). */
import type { Emit } from "./emit.js"
import { jsonEqual } from "./json-equal.js"
import { memberPointer, type NIntegration } from "./normal.js"

export const compareWatchSchema = (o: NIntegration, n: NIntegration, emit: Emit): void => {
  const before = o.watchSchema
  const after = n.watchSchema
  const place = { old: memberPointer(o, "watchSchema"), new: memberPointer(n, "watchSchema"), anchor: n.pointer }
  if (before === undefined && after !== undefined) emit("watch-schema-added", ["watchSchema"], undefined, after, place)
  else if (before !== undefined && after === undefined)
    emit("watch-schema-removed", ["watchSchema"], before, undefined, place)
  else if (before !== undefined && after !== undefined && !jsonEqual(before, after)) {
    emit("watch-schema-changed", ["watchSchema"], before, after, place)
  }
}

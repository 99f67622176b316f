/**
 * The part every action (read, write, subscribe) shares: the action block added or removed, its
 * objects added, removed or renamed in letter case, and the pairs handed to the area's own
 * comparison. A whole action added or removed is reported once for the block and once per object,
 * so that an object's own level (e.g. a read object with `enabled: always`) is never hidden.
 */
import type { ChangeId, Json } from "./Change.js"
import type { Emit } from "./emit.js"
import { compareStrings, memberPointer, type NAction, type NIntegration } from "./normal.js"
import { pairObjects } from "./objects.js"

export type Area = "read" | "write" | "subscribe"

interface ObjectNode {
  readonly name: string
  readonly pointer: string
  readonly raw: Record<string, unknown>
}

export interface ActionArea<T extends ObjectNode> {
  readonly area: Area
  readonly objectJson: (o: T) => Json
  readonly actionJson: (a: NAction<T>) => Json
  /** Compare two versions of the same object (its subject uses the new name). */
  readonly compareObject: (o: T, n: T, emit: Emit) => void
}

const ids = {
  read: ["read-added", "read-removed", "read-object-added", "read-object-removed"],
  write: ["write-added", "write-removed", "write-object-added", "write-object-removed"],
  subscribe: ["subscribe-added", "subscribe-removed", "subscribe-object-added", "subscribe-object-removed"],
} as const satisfies Record<Area, readonly [ChangeId, ChangeId, ChangeId, ChangeId]>

const sorted = <T extends ObjectNode>(a: NAction<T>): Array<T> =>
  [...a.objects.values()].sort((x, y) => compareStrings(x.name, y.name))

/** Where a removed object shows in the new version: the `objects` list when it has any, else the action. */
const objectsAnchor = (a: NAction<unknown>): string => (a.objects.size > 0 ? `${a.pointer}/objects` : a.pointer)

export const compareAction = <T extends ObjectNode>(
  spec: ActionArea<T>,
  oInt: NIntegration,
  nInt: NIntegration,
  emit: Emit,
): void => {
  const area = spec.area
  const o = oInt[area] as NAction<T> | undefined
  const n = nInt[area] as NAction<T> | undefined
  const [added, removed, objectAdded, objectRemoved] = ids[area]
  if (o === undefined) {
    if (n === undefined) return
    emit(added, [area], undefined, spec.actionJson(n), { old: oInt.pointer, new: n.pointer, anchor: n.pointer })
    for (const obj of sorted(n)) {
      emit(objectAdded, [area, obj.name], undefined, spec.objectJson(obj), {
        old: oInt.pointer,
        new: obj.pointer,
        anchor: obj.pointer,
      })
    }
    return
  }
  if (n === undefined) {
    emit(removed, [area], spec.actionJson(o), undefined, { old: o.pointer, new: nInt.pointer, anchor: nInt.pointer })
    for (const obj of sorted(o)) {
      emit(objectRemoved, [area, obj.name], spec.objectJson(obj), undefined, {
        old: obj.pointer,
        new: nInt.pointer,
        anchor: nInt.pointer,
      })
    }
    return
  }
  const { pairs, removed: gone, added: fresh } = pairObjects(o.objects, n.objects)
  for (const obj of gone) {
    emit(objectRemoved, [area, obj.name], spec.objectJson(obj), undefined, {
      old: obj.pointer,
      new: n.pointer,
      anchor: objectsAnchor(n),
    })
  }
  for (const obj of fresh) {
    emit(objectAdded, [area, obj.name], undefined, spec.objectJson(obj), {
      old: o.pointer,
      new: obj.pointer,
      anchor: obj.pointer,
    })
  }
  for (const pair of pairs) {
    if (pair.renamed) {
      emit("object-name-case-changed", [area, pair.new.name], pair.old.name, pair.new.name, {
        old: memberPointer(pair.old, "objectName"),
        new: memberPointer(pair.new, "objectName"),
        anchor: pair.new.pointer,
      })
    }
    spec.compareObject(pair.old, pair.new, emit)
  }
}

/** The place of member `key` of two versions of a node. */
export const placeOf = (
  o: { readonly pointer: string; readonly raw: Record<string, unknown> },
  n: { readonly pointer: string; readonly raw: Record<string, unknown> },
  key: string,
) => ({ old: memberPointer(o, key), new: memberPointer(n, key), anchor: n.pointer })

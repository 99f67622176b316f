/** Changes of the subscribe action, its objects and their events (changes.md, subscribe rows; domain.md F12, F13). */
import { child } from "../internal/pointer.js"
import { type ActionArea, compareAction, placeOf } from "./action.js"
import type { Emit } from "./emit.js"
import { jsonEqual } from "./json-equal.js"
import {
  compareStrings,
  eventKeys,
  memberPointer,
  type NIntegration,
  type NSubscribeObject,
  subscribeJson,
  subscribeObjectJson,
} from "./normal.js"

/** The place of member `key` of event `event` of two versions of a subscribe object. */
const eventMemberPlace = (o: NSubscribeObject, n: NSubscribeObject, event: string, key: string) => {
  const inner = (s: NSubscribeObject) => {
    const e = s.raw[event]
    const pointer = memberPointer(s, event)
    return typeof e === "object" && e !== null && Object.hasOwn(e, key) ? child(pointer, key) : pointer
  }
  return { old: inner(o), new: inner(n), anchor: memberPointer(n, event) }
}

const compareSubscribeObject = (o: NSubscribeObject, n: NSubscribeObject, emit: Emit): void => {
  const s = (...rest: Array<string>) => ["subscribe", n.name, ...rest]
  if (o.destination !== n.destination) {
    emit("subscribe-destination-changed", s("destination"), o.destination, n.destination, placeOf(o, n, "destination"))
  }
  if (o.inheritFieldsAndMapping !== n.inheritFieldsAndMapping) {
    const at = placeOf(o, n, "inheritFieldsAndMapping")
    emit(
      "subscribe-inherit-fields-changed",
      s("inheritFieldsAndMapping"),
      o.inheritFieldsAndMapping,
      n.inheritFieldsAndMapping,
      at,
    )
  }
  for (const key of eventKeys) {
    const before = o.events.get(key)
    const after = n.events.get(key)
    if (before === undefined && after !== undefined)
      emit("subscribe-event-added", s(key), undefined, after, placeOf(o, n, key))
    if (before !== undefined && after === undefined)
      emit("subscribe-event-removed", s(key), before, undefined, placeOf(o, n, key))
  }
  if (o.watch !== undefined && n.watch !== undefined && !jsonEqual(o.watch, n.watch)) {
    const watchKey = Object.hasOwn(n.watch, "requiredWatchFields") ? "requiredWatchFields" : "watchFieldsAuto"
    emit(
      "watch-fields-changed",
      s("updateEvent", "watch"),
      o.watch,
      n.watch,
      eventMemberPlace(o, n, "updateEvent", watchKey),
    )
  }
  if (
    o.includeFullRecords !== undefined &&
    n.includeFullRecords !== undefined &&
    o.includeFullRecords !== n.includeFullRecords
  ) {
    const at = eventMemberPlace(o, n, "associationChangeEvent", "includeFullRecords")
    emit(
      "association-full-records-changed",
      s("associationChangeEvent", "includeFullRecords"),
      o.includeFullRecords,
      n.includeFullRecords,
      at,
    )
  }
  const before = new Set(o.otherEvents)
  const after = new Set(n.otherEvents)
  const rawIndex = (x: NSubscribeObject, name: string): string => {
    const list = x.raw.otherEvents
    const i = Array.isArray(list) ? list.indexOf(name) : -1
    return i >= 0 ? child(child(x.pointer, "otherEvents"), i) : x.pointer
  }
  for (const name of [...before].filter((e) => !after.has(e)).sort(compareStrings)) {
    emit("subscribe-other-event-removed", s("otherEvents", name), name, undefined, {
      old: rawIndex(o, name),
      new: n.pointer,
      anchor: memberPointer(n, "otherEvents"),
    })
  }
  for (const name of [...after].filter((e) => !before.has(e)).sort(compareStrings)) {
    emit("subscribe-other-event-added", s("otherEvents", name), undefined, name, {
      old: o.pointer,
      new: rawIndex(n, name),
      anchor: rawIndex(n, name),
    })
  }
}

const subscribeArea: ActionArea<NSubscribeObject> = {
  area: "subscribe",
  objectJson: subscribeObjectJson,
  actionJson: subscribeJson,
  compareObject: compareSubscribeObject,
}

export const compareSubscribe = (o: NIntegration, n: NIntegration, emit: Emit): void =>
  compareAction(subscribeArea, o, n, emit)

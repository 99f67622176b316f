/** Changes of the read action and its objects (changes.md, read rows; domain.md F4–F11). */
import { type ActionArea, compareAction, placeOf } from "./action.js"
import type { Emit } from "./emit.js"
import { compareFields } from "./fields.js"
import { jsonEqual } from "./json-equal.js"
import { type NIntegration, type NReadObject, readJson, readObjectJson } from "./normal.js"

const compareReadObject = (o: NReadObject, n: NReadObject, emit: Emit): void => {
  const s = (key: string) => ["read", n.name, key]
  const at = (key: string) => placeOf(o, n, key)
  if (o.enabled !== n.enabled)
    emit("read-object-always-enabled-changed", s("enabled"), o.enabled, n.enabled, at("enabled"))
  if (o.destination !== n.destination) {
    emit("read-object-destination-changed", s("destination"), o.destination, n.destination, at("destination"))
  }
  if (o.schedule !== n.schedule)
    emit("read-object-schedule-changed", s("schedule"), o.schedule, n.schedule, at("schedule"))
  if (o.mapToName !== n.mapToName)
    emit("read-object-mapping-changed", s("mapToName"), o.mapToName, n.mapToName, at("mapToName"))
  if (o.mapToDisplayName !== n.mapToDisplayName) {
    emit(
      "read-object-display-changed",
      s("mapToDisplayName"),
      o.mapToDisplayName,
      n.mapToDisplayName,
      at("mapToDisplayName"),
    )
  }
  if (o.optionalFieldsAuto !== n.optionalFieldsAuto) {
    const id = n.optionalFieldsAuto === undefined ? "optional-fields-auto-removed" : "optional-fields-auto-added"
    emit(id, s("optionalFieldsAuto"), o.optionalFieldsAuto, n.optionalFieldsAuto, at("optionalFieldsAuto"))
  }
  if (!jsonEqual(o.backfill, n.backfill))
    emit("backfill-changed", s("backfill"), o.backfill, n.backfill, at("backfill"))
  if (!jsonEqual(o.delivery, n.delivery))
    emit("delivery-changed", s("delivery"), o.delivery, n.delivery, at("delivery"))
  compareFields(o, n, emit)
}

const readArea: ActionArea<NReadObject> = {
  area: "read",
  objectJson: readObjectJson,
  actionJson: readJson,
  compareObject: compareReadObject,
}

export const compareRead = (o: NIntegration, n: NIntegration, emit: Emit): void => compareAction(readArea, o, n, emit)

/** The event blocks of a subscribe object (domain §2.9), shared by the subscribe rules. */
import { isSet, type JsonRecord } from "./walk.js"

/** Event blocks that need the read object's fields (`inheritFieldsAndMapping`). */
export const eventKeys = ["createEvent", "updateEvent", "deleteEvent", "associationChangeEvent"] as const

/** Event blocks that deliver the read object's records, so need a read object of the same name. */
export const recordEventKeys = ["createEvent", "updateEvent", "deleteEvent"] as const

export type EventKey = (typeof eventKeys)[number]

/** The event blocks set (non-null) on a subscribe object. */
export const presentEvents = (object: JsonRecord, keys: ReadonlyArray<EventKey> = eventKeys): Array<EventKey> =>
  keys.filter((key) => isSet(object, key))

/** Event keys for a message: "createEvent", "createEvent and updateEvent", "3 event blocks". */
export const eventList = (events: ReadonlyArray<EventKey>): string =>
  events.length <= 2 ? events.join(" and ") : `${events.length} event blocks`

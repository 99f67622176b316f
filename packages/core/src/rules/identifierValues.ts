/**
 * The values of a manifest that name something at the API (identifiers) or are text for people
 * (display names), with what a message calls each: one traversal for the rules that look at their
 * characters (identifier-charset.ts, identifier-confusable.ts).
 *
 * Identifiers: the integration's `provider`, `module` and `watchSchema.destination`; read objects'
 * `objectName`, `destination`, `mapToName`; their field entries' `fieldName`, `mapToName`, `default`;
 * write objects' `objectName`; subscribe objects' `objectName`, `destination`,
 * `updateEvent.requiredWatchFields` and `otherEvents` entries. The integration `name` is
 * `integration-name`'s (its charset `[A-Za-z0-9_-]` already refuses what these rules look for).
 * Display names: the integration's `displayName`, read objects' and field entries' `mapToDisplayName`.
 * `prompt` (help text) and `schedule` (cron, `schedule-syntax`) are neither.
 */
import { quote } from "../internal/quote.js"
import {
  actionObjects,
  arrayMember,
  at,
  fieldEntries,
  type IntegrationNode,
  integrations,
  type ObjectNode,
  recordMember,
  stringMember,
} from "./walk.js"

/**
 * Called for each value: `pointer` is computed on demand (most values hold nothing to report, and a
 * pointer costs more than the check); `subject` builds what a message calls the value, for `fitMessage`.
 */
export type IdentifierVisitor = (
  kind: "identifier" | "display",
  text: string,
  pointer: () => string,
  subject: Subject,
) => void

/** Visit every identifier and display name of a manifest (as plain JSON data), in document order. */
export const visitIdentifiers = (root: unknown, visit: IdentifierVisitor): void => {
  for (const integration of integrations(root)) {
    checkIntegration(visit, integration)
    for (const object of actionObjects(integration, "read")) checkReadObject(visit, object)
    for (const object of actionObjects(integration, "write")) checkName(visit, object)
    for (const object of actionObjects(integration, "subscribe")) checkSubscribeObject(visit, object)
  }
}

/** What messages call the value: a field and, where it helps, whose it is. */
export type Subject = (max: number, labelMax: number) => string

function checkIntegration(visit: IdentifierVisitor, integration: IntegrationNode): void {
  const owner = (labelMax: number) => integration.labelOf(labelMax)
  for (const key of ["provider", "module"] as const) {
    const value = stringMember(integration.value, key)
    if (value !== undefined)
      visit(
        "identifier",
        value,
        () => at(integration.pointer, key),
        (max, labelMax) => `${key} ${quote(value, max)} of ${owner(labelMax)}`,
      )
  }
  const displayName = stringMember(integration.value, "displayName")
  if (displayName !== undefined)
    visit(
      "display",
      displayName,
      () => at(integration.pointer, "displayName"),
      (max, labelMax) => `displayName ${quote(displayName, max)} of ${owner(labelMax)}`,
    )
  const watch = recordMember(integration.value, "watchSchema")
  const destination = watch === undefined ? undefined : stringMember(watch, "destination")
  if (destination !== undefined)
    visit(
      "identifier",
      destination,
      () => at(integration.pointer, "watchSchema", "destination"),
      (max, labelMax) => `watchSchema destination ${quote(destination, max)} of ${owner(labelMax)}`,
    )
}

/** `objectName`: the object is named by its index, not by the name being reported. */
function checkName(visit: IdentifierVisitor, object: ObjectNode): void {
  const name = object.name
  if (name !== undefined)
    visit(
      "identifier",
      name,
      () => at(object.pointer, "objectName"),
      (max) => `objectName ${quote(name, max)} of ${object.action}.objects[${object.index}]`,
    )
}

/** An object's own string member that is an identifier, for messages "destination `x` of read object `y`". */
function objectMember(visit: IdentifierVisitor, object: ObjectNode, key: string): void {
  const value = stringMember(object.value, key)
  if (value !== undefined)
    visit(
      "identifier",
      value,
      () => at(object.pointer, key),
      (max, labelMax) => `${key} ${quote(value, max)} of ${object.labelOf(labelMax)}`,
    )
}

function checkReadObject(visit: IdentifierVisitor, object: ObjectNode): void {
  checkName(visit, object)
  objectMember(visit, object, "destination")
  objectMember(visit, object, "mapToName")
  const mapToDisplayName = stringMember(object.value, "mapToDisplayName")
  if (mapToDisplayName !== undefined)
    visit(
      "display",
      mapToDisplayName,
      () => at(object.pointer, "mapToDisplayName"),
      (max, labelMax) => `mapToDisplayName ${quote(mapToDisplayName, max)} of ${object.labelOf(labelMax)}`,
    )
  for (const field of fieldEntries(object)) {
    for (const key of ["fieldName", "mapToName", "default"] as const) {
      const value = stringMember(field.value, key)
      if (value !== undefined)
        visit(
          "identifier",
          value,
          () => at(field.pointer, key),
          (max, labelMax) =>
            `${key === "fieldName" ? key : `field ${key}`} ${quote(value, max)} of ${object.labelOf(labelMax)}`,
        )
    }
    const displayName = stringMember(field.value, "mapToDisplayName")
    if (displayName !== undefined)
      visit(
        "display",
        displayName,
        () => at(field.pointer, "mapToDisplayName"),
        (max, labelMax) => `field mapToDisplayName ${quote(displayName, max)} of ${object.labelOf(labelMax)}`,
      )
  }
}

function checkSubscribeObject(visit: IdentifierVisitor, object: ObjectNode): void {
  checkName(visit, object)
  objectMember(visit, object, "destination")
  const event = recordMember(object.value, "updateEvent")
  const lists: ReadonlyArray<[string, ReadonlyArray<unknown> | undefined, ReadonlyArray<string>]> = [
    [
      "watch field",
      event === undefined ? undefined : arrayMember(event, "requiredWatchFields"),
      ["updateEvent", "requiredWatchFields"],
    ],
    ["otherEvents entry", arrayMember(object.value, "otherEvents"), ["otherEvents"]],
  ]
  for (const [what, list, path] of lists) {
    if (list === undefined) continue
    for (let i = 0; i < list.length; i++) {
      const value = list[i]
      if (typeof value === "string")
        visit(
          "identifier",
          value,
          () => at(object.pointer, ...path, i),
          (max, labelMax) => `${what} ${quote(value, max)} of ${object.labelOf(labelMax)}`,
        )
    }
  }
}

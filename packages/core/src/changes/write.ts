/** Changes of the write action and its objects (changes.md, write rows). */
import { type ActionArea, compareAction, placeOf } from "./action.js"
import type { Emit } from "./emit.js"
import { type NIntegration, type NWriteObject, writeJson, writeObjectJson } from "./normal.js"

const compareWriteObject = (o: NWriteObject, n: NWriteObject, emit: Emit): void => {
  if (o.inheritMapping !== n.inheritMapping) {
    emit(
      "write-inherit-mapping-changed",
      ["write", n.name, "inheritMapping"],
      o.inheritMapping,
      n.inheritMapping,
      placeOf(o, n, "inheritMapping"),
    )
  }
  if (o.valueDefaults.allowAnyFields !== n.valueDefaults.allowAnyFields) {
    emit(
      "write-value-defaults-changed",
      ["write", n.name, "valueDefaults"],
      o.valueDefaults,
      n.valueDefaults,
      placeOf(o, n, "valueDefaults"),
    )
  }
}

const writeArea: ActionArea<NWriteObject> = {
  area: "write",
  objectJson: writeObjectJson,
  actionJson: writeJson,
  compareObject: compareWriteObject,
}

export const compareWrite = (o: NIntegration, n: NIntegration, emit: Emit): void => compareAction(writeArea, o, n, emit)

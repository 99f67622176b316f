import { duplicateWriteObject } from "../../src/rules/duplicate-write-object.js"
import { describeFixtures } from "./harness.js"

describeFixtures(duplicateWriteObject)

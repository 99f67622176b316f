import { duplicateReadObject } from "../../src/rules/duplicate-read-object.js"
import { describeFixtures } from "./harness.js"

describeFixtures(duplicateReadObject)

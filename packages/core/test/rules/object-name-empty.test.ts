import { objectNameEmpty } from "../../src/rules/object-name-empty.js"
import { describeFixtures } from "./harness.js"

describeFixtures(objectNameEmpty)

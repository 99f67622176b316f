import { readObjects } from "../../src/rules/read-objects.js"
import { describeFixtures } from "./harness.js"

describeFixtures(readObjects)

import { writeObjects } from "../../src/rules/write-objects.js"
import { describeFixtures } from "./harness.js"

describeFixtures(writeObjects)

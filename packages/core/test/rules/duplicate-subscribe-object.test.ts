import { duplicateSubscribeObject } from "../../src/rules/duplicate-subscribe-object.js"
import { describeFixtures } from "./harness.js"

describeFixtures(duplicateSubscribeObject)

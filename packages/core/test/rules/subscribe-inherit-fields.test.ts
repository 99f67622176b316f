import { subscribeInheritFields } from "../../src/rules/subscribe-inherit-fields.js"
import { describeFixtures } from "./harness.js"

describeFixtures(subscribeInheritFields)

import { eventEnabled } from "../../src/rules/event-enabled.js"
import { describeFixtures } from "./harness.js"

describeFixtures(eventEnabled)

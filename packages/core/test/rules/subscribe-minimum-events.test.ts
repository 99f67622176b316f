import { subscribeMinimumEvents } from "../../src/rules/subscribe-minimum-events.js"
import { describeFixtures } from "./harness.js"

describeFixtures(subscribeMinimumEvents)

import { subscribeObjects } from "../../src/rules/subscribe-objects.js"
import { describeFixtures } from "./harness.js"

describeFixtures(subscribeObjects)

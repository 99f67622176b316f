import { subscribeReadObjectMissing } from "../../src/rules/subscribe-read-object-missing.js"
import { describeFixtures } from "./harness.js"

describeFixtures(subscribeReadObjectMissing)

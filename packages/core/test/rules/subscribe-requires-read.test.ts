import { subscribeRequiresRead } from "../../src/rules/subscribe-requires-read.js"
import { describeFixtures } from "./harness.js"

describeFixtures(subscribeRequiresRead)

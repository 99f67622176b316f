import { scheduleMinimumInterval } from "../../src/rules/schedule-minimum-interval.js"
import { describeFixtures } from "./harness.js"

describeFixtures(scheduleMinimumInterval)

import { watchSchemaSchedule } from "../../src/rules/watch-schema-schedule.js"
import { describeFixtures } from "./harness.js"

describeFixtures(watchSchemaSchedule)

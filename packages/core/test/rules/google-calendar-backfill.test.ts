import { googleCalendarBackfill } from "../../src/rules/google-calendar-backfill.js"
import { describeFixtures } from "./harness.js"

describeFixtures(googleCalendarBackfill)

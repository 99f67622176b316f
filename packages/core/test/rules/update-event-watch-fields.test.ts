import { updateEventWatchFields } from "../../src/rules/update-event-watch-fields.js"
import { describeFixtures } from "./harness.js"

describeFixtures(updateEventWatchFields)

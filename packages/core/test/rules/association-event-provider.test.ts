import { associationEventProvider } from "../../src/rules/association-event-provider.js"
import { describeFixtures } from "./harness.js"

describeFixtures(associationEventProvider)

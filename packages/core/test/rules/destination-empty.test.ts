import { destinationEmpty } from "../../src/rules/destination-empty.js"
import { describeFixtures } from "./harness.js"

describeFixtures(destinationEmpty)

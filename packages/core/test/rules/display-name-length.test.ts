import { displayNameLength } from "../../src/rules/display-name-length.js"
import { describeFixtures } from "./harness.js"

describeFixtures(displayNameLength)

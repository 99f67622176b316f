import { alwaysEnabledFields } from "../../src/rules/always-enabled-fields.js"
import { describeFixtures } from "./harness.js"

describeFixtures(alwaysEnabledFields)

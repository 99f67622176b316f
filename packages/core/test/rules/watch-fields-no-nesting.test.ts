import { watchFieldsNoNesting } from "../../src/rules/watch-fields-no-nesting.js"
import { describeFixtures } from "./harness.js"

describeFixtures(watchFieldsNoNesting)

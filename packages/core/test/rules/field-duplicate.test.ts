import { fieldDuplicate } from "../../src/rules/field-duplicate.js"
import { describeFixtures } from "./harness.js"

describeFixtures(fieldDuplicate)

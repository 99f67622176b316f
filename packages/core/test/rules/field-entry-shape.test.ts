import { fieldEntryShape } from "../../src/rules/field-entry-shape.js"
import { describeFixtures } from "./harness.js"

describeFixtures(fieldEntryShape)

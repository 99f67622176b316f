import { fieldMappingJsonpath } from "../../src/rules/field-mapping-jsonpath.js"
import { describeFixtures } from "./harness.js"

describeFixtures(fieldMappingJsonpath)

import { fieldMappingUnique } from "../../src/rules/field-mapping-unique.js"
import { describeFixtures } from "./harness.js"

describeFixtures(fieldMappingUnique)

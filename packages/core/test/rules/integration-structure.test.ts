import { integrationStructure } from "../../src/rules/integration-structure.js"
import { describeFixtures } from "./harness.js"

describeFixtures(integrationStructure)

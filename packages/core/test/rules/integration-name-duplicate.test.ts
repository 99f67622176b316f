import { integrationNameDuplicate } from "../../src/rules/integration-name-duplicate.js"
import { describeFixtures } from "./harness.js"

describeFixtures(integrationNameDuplicate)

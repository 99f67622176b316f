import { integrationName } from "../../src/rules/integration-name.js"
import { describeFixtures } from "./harness.js"

describeFixtures(integrationName)

import { specVersion } from "../../src/rules/spec-version.js"
import { describeFixtures } from "./harness.js"

describeFixtures(specVersion)

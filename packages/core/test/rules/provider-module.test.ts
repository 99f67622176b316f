import { providerModule } from "../../src/rules/provider-module.js"
import { describeFixtures } from "./harness.js"

describeFixtures(providerModule)

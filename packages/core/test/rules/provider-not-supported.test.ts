import { providerNotSupported } from "../../src/rules/provider-not-supported.js"
import { describeFixtures } from "./harness.js"

describeFixtures(providerNotSupported)

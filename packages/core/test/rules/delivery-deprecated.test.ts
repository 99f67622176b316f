import { deliveryDeprecated } from "../../src/rules/delivery-deprecated.js"
import { describeFixtures } from "./harness.js"

describeFixtures(deliveryDeprecated)

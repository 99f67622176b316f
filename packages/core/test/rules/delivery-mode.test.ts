import { deliveryMode } from "../../src/rules/delivery-mode.js"
import { describeFixtures } from "./harness.js"

describeFixtures(deliveryMode)

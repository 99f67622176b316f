import { salesforceSubscribeLimit } from "../../src/rules/salesforce-subscribe-limit.js"
import { describeFixtures } from "./harness.js"

describeFixtures(salesforceSubscribeLimit)

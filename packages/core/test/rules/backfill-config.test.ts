import { backfillConfig } from "../../src/rules/backfill-config.js"
import { describeFixtures } from "./harness.js"

describeFixtures(backfillConfig)

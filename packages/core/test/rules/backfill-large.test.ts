import { backfillLarge } from "../../src/rules/backfill-large.js"
import { describeFixtures } from "./harness.js"

describeFixtures(backfillLarge)

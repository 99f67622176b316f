import { snowflakeBackfill } from "../../src/rules/snowflake-backfill.js"
import { describeFixtures } from "./harness.js"

describeFixtures(snowflakeBackfill)

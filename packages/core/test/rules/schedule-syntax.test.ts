import { scheduleSyntax } from "../../src/rules/schedule-syntax.js"
import { describeFixtures } from "./harness.js"

describeFixtures(scheduleSyntax)

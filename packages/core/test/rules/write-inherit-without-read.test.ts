import { writeInheritWithoutRead } from "../../src/rules/write-inherit-without-read.js"
import { describeFixtures } from "./harness.js"

describeFixtures(writeInheritWithoutRead)

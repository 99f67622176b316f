import { expect, test } from "vitest"
import { escapeControl } from "@ampkit/core/render/escape"

test("workspace source resolves", () => {
  expect(escapeControl("a\u001bb")).toBe("a\\x1bb")
})

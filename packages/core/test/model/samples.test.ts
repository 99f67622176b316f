import { describe, expect, test } from "vitest"
import { shapeFindings } from "../../src/Shape.js"
import { realSamples } from "./corpus.js"

/**
 * Shape findings on the 121 real manifests. Only unknown keys, all known upstream quirks
 * (corpus README): sendGrid's top-level `delete:` action and google-calendar's `watchFieldsAuto`
 * under `createEvent` / `deleteEvent`. Everything else in the corpus is structurally clean.
 */
const expected: Record<string, ReadonlyArray<readonly [string, string, string | undefined]>> = {
  "google-calendar/amp.yaml": [
    ["unknown-key", "/integrations/0/subscribe/objects/0/createEvent/watchFieldsAuto", "keys allowed here: `enabled`"],
    ["unknown-key", "/integrations/0/subscribe/objects/0/deleteEvent/watchFieldsAuto", "keys allowed here: `enabled`"],
  ],
  "sendGrid/amp.yaml": [
    [
      "unknown-key",
      "/integrations/0/delete",
      "deletion is not an amp.yaml action: it is enabled per installation (write deletionSettings)",
    ],
  ],
}

describe("real samples", () => {
  const samples = realSamples()

  test("all 121 are there", () => {
    expect(samples).toHaveLength(121)
  })

  test.each(samples.map((s) => [s.name, s.value] as const))("%s", (name, value) => {
    const findings = shapeFindings(value)
    expect(findings.map((f) => [f.rule, f.pointer, f.hint])).toEqual(expected[name] ?? [])
    for (const f of findings) {
      expect(f.severity).toBe("warning")
      expect(f.at).toBe("key")
    }
  })
})

/** ApiLists: list-installations and wrapped lists told apart by shape, on the real fixtures and every sample. */
import { readFileSync } from "node:fs"
import { describe, expect, test } from "vitest"
import { installationIndex, looksLikeInstallation, wrappedListKey } from "../../src/ApiLists.js"
import { parseSource } from "../../src/Source.js"
import { corpusText, sampleFiles } from "../corpus/corpus-files.js"

const fixture = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/plan/installations/${file}`, import.meta.url), "utf8"))
const integrations = fixture("current.json") as Array<unknown>
const installations = fixture("installations.json") as Array<unknown>

describe("installationIndex", () => {
  test("finds the first installation of a list; none in an integration list or a non-array", () => {
    expect(installations.length).toBeGreaterThan(0)
    expect(installations.every(looksLikeInstallation)).toBe(true)
    expect(installationIndex(installations)).toBe(0)
    expect(installationIndex([...integrations, installations[0]])).toBe(integrations.length)
    expect(installationIndex(integrations)).toBe(-1)
    expect(installationIndex({ integrationId: "x" })).toBe(-1)
    expect(installationIndex([{ integrationId: "x", name: "n", provider: "p" }])).toBe(-1)
  })

  test("no integration of any real sample looks like an installation", () => {
    for (const file of sampleFiles()) {
      const value = parseSource(corpusText(`samples/${file}`)).document?.value as { integrations?: Array<unknown> }
      expect(installationIndex(value.integrations ?? []), file).toBe(-1)
    }
  })
})

describe("wrappedListKey", () => {
  test("the key of a wrapped list, of either kind; nothing for a manifest or a bare array", () => {
    expect(wrappedListKey({ integrations: integrations }, "list-integrations")).toBe("integrations")
    expect(wrappedListKey({ next: null, results: integrations }, "list-integrations")).toBe("results")
    expect(wrappedListKey({ results: [] }, "list-integrations")).toBe("results")
    expect(wrappedListKey({ installations, next: "x" }, "list-installations")).toBe("installations")
    expect(wrappedListKey({ installations }, "list-integrations")).toBeUndefined()
    expect(wrappedListKey({ specVersion: "1.0.0", integrations }, "list-integrations")).toBeUndefined()
    expect(wrappedListKey(integrations, "list-integrations")).toBeUndefined()
    const manifest = parseSource(corpusText("samples/hubspot/amp.yaml")).document?.value as Record<string, unknown>
    expect(wrappedListKey({ integrations: manifest.integrations }, "list-integrations")).toBeUndefined()
  })
})

import { readFileSync, writeFileSync } from "node:fs"
import { expect, test } from "vitest"
import { changeIds } from "../../src/changes/Change.js"
import { ruleDescriptions } from "../../src/RuleCatalog.js"
import { changesMarkdown, rulesMarkdown } from "../../src/render/catalog-docs.js"

const docs = (name: string) => new URL(`../../../../docs/${name}`, import.meta.url)

test.each([
  ["rules.md", rulesMarkdown],
  ["changes.md", changesMarkdown],
])("docs/%s is generated from the registry and up to date", (name, render) => {
  const expected = render()
  if (process.env.AMPKIT_UPDATE_DOCS === "1") writeFileSync(docs(name), expected)
  expect(readFileSync(docs(name), "utf8"), "run: pnpm --filter @ampkit/core docs").toBe(expected)
})

test("every rule and change id of the design catalogs exists (ids are never renamed, only added)", () => {
  const contract = JSON.parse(readFileSync(new URL("./contract-ids.json", import.meta.url), "utf8"))
  const ruleIds = new Set(ruleDescriptions.map((r) => r.id))
  expect(contract.rules.filter((id: string) => !ruleIds.has(id))).toEqual([])
  expect(ruleIds.size).toBe(ruleDescriptions.length)
  const ids = new Set<string>(changeIds)
  expect(contract.changes.filter((id: string) => !ids.has(id))).toEqual([])
})

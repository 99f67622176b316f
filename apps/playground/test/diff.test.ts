/**
 * Two versions pasted, in chromium against the built page: the semantic diff grouped by level and
 * integration, each change at its line; the API's Integration[] JSON as the before side gives the
 * deploy plan too, and stopping reads makes its batch destructive.
 */
import { decodeText, diff } from "@ampkit/browser"
import { describe, expect, test } from "vitest"
import { openPage, screenshot } from "./chromium.js"
import {
  caret,
  gutterMarks,
  lineOf,
  sample,
  saved,
  setText,
  settle,
  shownChanges,
  usePlayground,
} from "./playground.js"

const { server, browser } = usePlayground()

const hubspot = sample("hubspot")
/** Three edits: a required field added, one removed, a schedule changed. */
const edited = hubspot
  .replace(
    "            - fieldName: website\n",
    "            - fieldName: website\n            - fieldName: industry\n",
  )
  .replace("            - fieldName: lifecyclestage\n", "")
  .replace('schedule: "*/10 * * * *" # Every 10 minutes.', 'schedule: "*/30 * * * *" # Every 30 minutes.')

/** A manifest's integrations as list-integrations returns them. */
const apiList = (...manifests: Array<string>): string => {
  const blocks = manifests.flatMap((text) => {
    const decoded = decodeText(text, { expected: "manifest" })
    if (!decoded.ok) throw new Error(decoded.message)
    return (decoded.source.value as { integrations: Array<Record<string, unknown>> }).integrations
  })
  const list = blocks.map((content, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    projectId: "project-1",
    name: content.name,
    provider: content.provider,
    createTime: "2026-01-05T10:00:00Z",
    latestRevision: { id: `revision-${i}`, specVersion: "1.0.0", createTime: "2026-02-01T09:30:00Z", content },
  }))
  return `${JSON.stringify(list, null, 2)}\n`
}

/** Paste through the clipboard, as a user would: focus the editor, Ctrl+A, Ctrl+V. */
const paste = async (page: import("playwright-core").Page, side: "after" | "before", text: string) => {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.focus(`#${side}-text`)
  await page.keyboard.press("Control+A")
  await page.keyboard.press("Control+V")
  await page.waitForFunction(
    ({ side, length }) => (document.getElementById(`${side}-text`) as HTMLTextAreaElement).value.length === length,
    { side, length: text.length },
  )
  await settle(page)
}

describe("two versions", () => {
  test("pasted: each change under its level and integration, at its line", async () => {
    const { page, context, errors } = await openPage(browser())
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server().url })
    await page.goto(server().url)
    await settle(page)
    await paste(page, "before", hubspot)
    await paste(page, "after", edited)

    const shown = await shownChanges(page)
    expect(shown).toEqual([
      {
        level: "breaking",
        integration: "hubspotIntegration",
        id: "required-field-removed",
        places: [
          `before:${lineOf(hubspot, "fieldName: lifecyclestage")}`,
          `after:${lineOf(edited, "- objectName: contacts")}`,
        ],
      },
      {
        level: "reconfigure",
        integration: "hubspotIntegration",
        id: "required-field-added",
        places: [`after:${lineOf(edited, "fieldName: industry")}`],
      },
      {
        level: "dangerous",
        integration: "hubspotIntegration",
        id: "read-object-schedule-changed",
        places: [`after:${lineOf(edited, '"*/30 * * * *"')}`],
      },
    ])
    // The page shows what diff() says, with its fingerprints.
    const expected = diff(hubspot, edited)
    if (!expected.ok) throw new Error(expected.message)
    const fingerprints = await page.$$eval("#changes li.change", (items) =>
      items.map((i) => i.getAttribute("data-fingerprint")),
    )
    expect(fingerprints.sort()).toEqual(expected.changes.map((c) => c.fingerprint).sort())
    expect(await page.textContent("#changes .summary")).toContain("1 breaking, 1 reconfigure, 1 dangerous, 0 safe")
    expect(await page.isHidden("#plan")).toBe(true)

    // A removal's place is in the before side: its button moves that editor's caret there.
    const removed = lineOf(hubspot, "fieldName: lifecyclestage")
    await page.click(`#changes button.place[data-side="before"][data-line="${removed}"]`)
    expect(await caret(page, "before")).toMatchObject({ line: removed, focused: true })
    await screenshot(page, "diff-two-versions")
    expect(errors).toEqual([])
    await context.close()
  })

  test("the same content reordered and re-quoted is no change", async () => {
    const { page, context } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    await setText(page, "before", hubspot)
    await setText(page, "after", hubspot.replace(/# .*$/gm, "").replace('"*/10 * * * *"', "'*/10 * * * *'"))
    expect(await shownChanges(page)).toEqual([])
    expect(await page.textContent("#changes .summary")).toContain("No semantic changes")
    await context.close()
  })

  test("a before side that does not parse: the reason, and its line marked in that editor", async () => {
    const { page, context } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    await setText(page, "after", hubspot)
    const broken = hubspot.replace("    provider: hubspot\n", "    provider: hubspot\n    provider: salesforce\n")
    await setText(page, "before", broken)
    expect(await page.textContent("#changes .summary")).toContain("The before side cannot be compared")
    const line = lineOf(broken, "provider: salesforce")
    const entry = page.locator(`#changes button.entry[data-line="${line}"]`)
    expect(await entry.getAttribute("data-rule")).toBe("duplicate-key")
    await entry.click()
    await settle(page)
    expect(await caret(page, "before")).toMatchObject({ line, column: 5, focused: true })
    expect(await gutterMarks(page, "before")).toContainEqual({ line, severity: "error" })
    await context.close()
  })
})

describe("against what is live", () => {
  const desired = edited.replace(/ {8}- objectName: marketing-forms\n(?: {10}.*\n)+/, "")

  test("the API's Integration[] as the before side: changes and the deploy plan", async () => {
    const { page, context, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    await setText(page, "before", apiList(hubspot, sample("gong")))
    await setText(page, "after", desired)

    expect(await page.isVisible("#plan")).toBe(true)
    const entries = await page.$$eval("#plan li.planned", (items) =>
      items.map((i) => [i.getAttribute("data-integration"), i.getAttribute("data-action")]),
    )
    expect(entries).toEqual([
      ["hubspotIntegration", "update"],
      ["readAndWriteGong", "orphan"],
    ])
    expect(await page.textContent("#plan .summary")).toContain("0 create, 1 update, 0 unchanged, 1 orphan")
    const batches = () => page.$$eval("#plan li.batch", (items) => items.map((i) => i.getAttribute("data-destructive")))
    expect(await batches()).toEqual(["false"])
    // One object removed: said in the singular.
    expect(await page.textContent("#plan li.planned[data-action=update]")).toMatch(
      /Removes read object \S+: installations keep reading it\./,
    )
    const plannedLine = await page.getAttribute("#plan li.planned[data-action=update] button.place", "data-line")
    expect(Number(plannedLine)).toBe(lineOf(desired, "- name: hubspotIntegration"))
    const removal = (await shownChanges(page)).find((c) => c.id === "read-object-removed")
    expect(removal?.level).toBe("breaking")

    // Stop the reads of the removed object: the batch becomes destructive, and the link keeps the choice.
    await page.check("#plan input[type=checkbox]")
    await settle(page)
    expect(await batches()).toEqual(["true"])
    expect(await page.textContent("#plan li.planned[data-action=update]")).toContain("its reads stop")
    await saved(page)
    await page.reload()
    await settle(page)
    expect(await batches()).toEqual(["true"])
    expect(await page.isChecked("#plan input[type=checkbox]")).toBe(true)
    await page.click("#plan details summary")
    expect(await page.textContent("#plan li.batch pre")).toContain("destructive=true")
    await screenshot(page, "plan-against-live")
    expect(errors).toEqual([])
    await context.close()
  })

  test("a new amp.yaml with errors: no plan, and why", async () => {
    const { page, context } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    await setText(page, "before", apiList(hubspot))
    await setText(page, "after", sample("netsuiteM2M"))
    expect(await page.textContent("#plan .summary")).toContain("No plan: the new amp.yaml has 2 errors")
    await context.close()
  })
})

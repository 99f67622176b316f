/**
 * The view in the URL fragment, in chromium against the built page: reloading or opening the link
 * elsewhere gives the same view, nothing but the page's own files is ever requested, and the page
 * works opened straight from disk (file://), where Chromium refuses workers and the checks run on
 * the main thread.
 */
import { pathToFileURL } from "node:url"
import type { Page } from "playwright-core"
import { describe, expect, test } from "vitest"
import { openPage, screenshot } from "./chromium.js"
import {
  distDir,
  lineOf,
  sample,
  saved,
  setText,
  settle,
  sharedUrl,
  shownChanges,
  shownDiagnostics,
  usePlayground,
} from "./playground.js"

const { server, browser } = usePlayground()

/** What a view shows: both texts, the diagnostics, the changes and the plan. */
const view = async (page: Page) => ({
  after: await page.inputValue("#after-text"),
  before: await page.inputValue("#before-text"),
  diagnostics: await shownDiagnostics(page),
  changes: await shownChanges(page),
  plan: (await page.isVisible("#plan")) ? await page.textContent("#plan .panel-body") : null,
})

describe("a shared link", () => {
  test("reload, and the link opened in a new browser context, show the same view", async () => {
    const { page, context, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    await page.click("#example")
    await settle(page)
    // Edit a little on top of the example, by keyboard.
    await page.focus("#after-text")
    await page.keyboard.press("Control+End")
    await page.keyboard.type("# reviewed\n")
    await settle(page)
    await saved(page)
    const url = page.url()
    expect(url).toMatch(/#z=[A-Za-z0-9_-]+$/)
    const shown = await view(page)
    expect(shown.changes.length).toBe(3)
    expect(shown.after.endsWith("# reviewed\n")).toBe(true)

    await page.reload()
    await settle(page)
    expect(await view(page)).toEqual(shown)

    const other = await openPage(browser())
    await other.page.goto(url)
    await settle(other.page)
    expect(await view(other.page)).toEqual(shown)
    await screenshot(other.page, "share-reloaded")
    await other.context.close()

    // Nothing but the page's own files was requested, and the state never reached the server.
    const requested = server().requests
    expect(
      requested.every((r) => /^GET \/(assets\/[\w.-]+\.(js|css))?$/.test(r)),
      requested.join("\n"),
    ).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  test("Copy link puts the link of the current view on the clipboard", async () => {
    const { page, context } = await openPage(browser())
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server().url })
    await page.goto(server().url)
    await settle(page)
    await setText(page, "after", sample("netsuiteM2M"))
    await page.click("#copy-link")
    await page.waitForFunction(() => document.getElementById("status")!.textContent!.startsWith("Link copied"))
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(page.url())
    const other = await openPage(browser())
    await other.page.goto(copied)
    await settle(other.page)
    expect(await other.page.inputValue("#after-text")).toBe(sample("netsuiteM2M"))
    await other.context.close()
    await context.close()
  })

  test("a damaged link says so and leaves the editors empty; a good link then pasted in the same tab opens", async () => {
    const good = new URL(await sharedUrl(browser(), server().url, sample("netsuiteM2M"))).hash

    const { page, context } = await openPage(browser())
    await page.goto(`${server().url}#z=AAAA-not-deflate`)
    await settle(page)
    expect(await page.textContent("#status")).toContain("Could not open this link")
    expect(await page.inputValue("#after-text")).toBe("")
    expect(page.url()).toContain("#z=AAAA-not-deflate")
    // Same document, new fragment: the page follows it (hashchange).
    await page.goto(`${server().url}${good}`)
    await page.waitForFunction(() => (document.getElementById("after-text") as HTMLTextAreaElement).value !== "")
    await settle(page)
    expect(await page.inputValue("#after-text")).toBe(sample("netsuiteM2M"))
    expect((await shownDiagnostics(page)).filter((d) => d.severity === "error")).toHaveLength(2)
    await context.close()
  })
})

describe("opened from file://", () => {
  const fileUrl = pathToFileURL(`${distDir}index.html`).href

  test("a shared view opens from disk, checks run on the main thread, typing still updates them", async () => {
    // Make the link over http, then open the same fragment from disk.
    const maker = await openPage(browser())
    await maker.page.goto(server().url)
    await settle(maker.page)
    await maker.page.click("#example-live")
    await settle(maker.page)
    await saved(maker.page)
    const overHttp = await view(maker.page)
    const fragment = new URL(maker.page.url()).hash
    await maker.context.close()

    const { page, context, errors } = await openPage(browser())
    await page.goto(`${fileUrl}${fragment}`)
    await settle(page)
    expect(await page.getAttribute("body", "data-engine")).toBe("main")
    expect(await page.textContent("#engine")).toContain("main thread")
    // Said as what it is on file:// (Chromium starts no worker there), not as a fault.
    expect(await page.textContent("#engine")).toContain("a page opened from a file cannot start a worker")
    expect(await view(page)).toEqual(overHttp)
    expect(overHttp.plan).toContain("1 update")

    // Typing is debounced: a burst of keys costs one or two analyses, not one per key.
    const before = Number(await page.getAttribute("body", "data-analyses"))
    const text = await page.inputValue("#after-text")
    await page.focus("#after-text")
    await page.evaluate((offset) => {
      ;(document.getElementById("after-text") as HTMLTextAreaElement).setSelectionRange(offset, offset)
    }, text.indexOf("provider: hubspot") + "provider: hubspot".length)
    await page.keyboard.type("zzzzzzzz", { delay: 20 })
    await settle(page)
    const analyses = Number(await page.getAttribute("body", "data-analyses")) - before
    expect(analyses).toBeGreaterThanOrEqual(1)
    expect(analyses).toBeLessThanOrEqual(2)
    const line = lineOf(await page.inputValue("#after-text"), "provider: hubspotzzzzzzzz")
    expect((await shownDiagnostics(page)).some((d) => d.line === line && d.severity !== "info")).toBe(true)

    // The fragment follows on file:// too.
    await saved(page)
    expect(page.url()).toMatch(/^file:\/\/.*#z=/)
    await screenshot(page, "file-url")
    expect(errors).toEqual([])
    await context.close()
  })
})

/**
 * Keyboard use and 200% zoom, in chromium against the built page: every control has a name and a
 * visible focus, Tab walks them in reading order (and leaves the editors), Enter on a diagnostic
 * moves the caret to its line; at 200% zoom (a 1280 px window seen as 640 CSS px) everything
 * reflows into one column with nothing cut off or scrolled sideways.
 */
import { describe, expect, test } from "vitest"
import { openPage, screenshot } from "./chromium.js"
import { caret, lineOf, sample, settle, sharedUrl, usePlayground } from "./playground.js"

const { server, browser } = usePlayground()

describe("keyboard", () => {
  test("Tab order, names and visible focus; Enter on a diagnostic goes to its line", async () => {
    // A fresh page opened from a link holding netsuiteM2M: Tab starts from the top.
    const url = await sharedUrl(browser(), server().url, sample("netsuiteM2M"))
    const { page, context } = await openPage(browser())
    await page.goto(url)
    await settle(page)

    // The controls have accessible names.
    expect(await page.getByRole("textbox", { name: "New amp.yaml" }).count()).toBe(1)
    expect(await page.getByRole("textbox", { name: "Before (optional)" }).count()).toBe(1)
    expect(await page.getByRole("button", { name: "Copy link to this view" }).count()).toBe(1)
    expect(await page.getByRole("status").count()).toBe(1)

    const focused: Array<string> = []
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press("Tab")
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        // A focused textarea shows its focus on the editor around it.
        const ring = el.tagName === "TEXTAREA" ? el.closest(".editor")! : el
        const style = getComputedStyle(ring)
        return {
          id: el.id || `${el.tagName.toLowerCase()}.${el.className}:${el.getAttribute("data-line") ?? ""}`,
          outline: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
        }
      })
      focused.push(info.id)
      expect(info.outline, `focus visible on ${info.id}`).toBe(true)
    }
    const text = sample("netsuiteM2M")
    const first = lineOf(text, "schedule: ''", lineOf(text, "objectName: creditmemo"))
    expect(focused.slice(0, 12)).toEqual([
      "a.skip:",
      "copy-link",
      "example",
      "example-live",
      "after-open",
      "after-clear",
      "after-text",
      "before-open",
      "before-clear",
      "before-text",
      `button.entry:${first}`,
      `button.entry:${lineOf(text, "mapToName: idvalue", lineOf(text, "objectName: customer"))}`,
    ])

    // Back to the first diagnostic and Enter: the caret lands on its line, in the editor.
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("Shift+Tab")
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-line"))).toBe(String(first))
    await page.keyboard.press("Enter")
    expect(await caret(page, "after")).toMatchObject({ line: first, column: 19, focused: true })
    await context.close()
  })
})

describe("200% zoom", () => {
  test("one column, no sideways scrolling, nothing cut off", async () => {
    const { page, context, errors } = await openPage(browser(), { width: 640, height: 450, scale: 2 })
    await page.goto(server().url)
    await settle(page)
    await page.click("#example-live")
    await settle(page)
    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect()
      const wide = [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.offsetParent !== null && !el.closest("pre, textarea, .gutter, .bands"))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`)
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        after: box("#after-side"),
        before: box("#before-side"),
        fontSize: Number.parseFloat(getComputedStyle(document.body).fontSize),
        wide,
      }
    })
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth)
    expect(layout.wide).toEqual([])
    expect(layout.before.top).toBeGreaterThanOrEqual(layout.after.bottom)
    expect(layout.fontSize).toBeGreaterThanOrEqual(16)
    // The editor is still usable: a caret move from the plan brings its line into view.
    await page.click("#plan li.planned[data-action=update] button.place")
    const at = await caret(page, "after")
    expect(at.focused).toBe(true)
    expect(at.line).toBeGreaterThanOrEqual(at.firstVisible)
    expect(at.line).toBeLessThanOrEqual(at.lastVisible)
    await screenshot(page, "zoom-200")
    expect(errors).toEqual([])
    await context.close()
  })
})

/**
 * Diagnostics at their lines, in chromium against the built page: real samples from the corpus,
 * dropped or pasted; gutter marks and list entries at the lines validate() gives; an entry moves
 * the caret to its line; the checks follow typing, also on a large file, without freezing the page.
 */

import { pathToFileURL } from "node:url"
import { decodeText, validate } from "@ampkit/browser"
import type { Page } from "playwright-core"
import { describe, expect, test } from "vitest"
import { openPage, screenshot } from "./chromium.js"
import {
  caret,
  distDir,
  dropFile,
  gutterMarks,
  lineOf,
  pasteLarge,
  sample,
  saved,
  setText,
  settle,
  shownDiagnostics,
  usePlayground,
} from "./playground.js"

const { server, browser } = usePlayground()

describe("diagnostics at their lines", () => {
  test("netsuiteM2M dropped on the editor: always-enabled-fields at the empty schedule and the mapped field", async () => {
    const { page, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    const text = sample("netsuiteM2M")
    await dropFile(page, "after", "amp.yaml", text)

    const schedule = lineOf(text, "schedule: ''", lineOf(text, "objectName: creditmemo"))
    const mapped = lineOf(text, "mapToName: idvalue", lineOf(text, "objectName: customer"))
    const shown = await shownDiagnostics(page)
    expect(shown.filter((d) => d.rule === "always-enabled-fields")).toEqual([
      { severity: "error", rule: "always-enabled-fields", line: schedule, column: 19 },
      { severity: "error", rule: "always-enabled-fields", line: mapped, column: 22 },
    ])
    expect(await page.textContent("#diagnostics .summary")).toContain("2 errors")
    // The first is in view: its gutter row carries the error mark, and a band lies behind the line.
    expect(await gutterMarks(page, "after")).toContainEqual({ line: schedule, severity: "error" })
    expect(await page.locator(`#after-editor .band.error[data-line="${schedule}"]`).count()).toBe(1)

    // The entry of the second moves the caret there and scrolls it into view.
    await page.click(`#diagnostics button.entry[data-line="${mapped}"]`)
    const at = await caret(page, "after")
    expect(at).toMatchObject({ line: mapped, column: 22, focused: true })
    expect(at.firstVisible).toBeLessThanOrEqual(mapped)
    expect(at.lastVisible).toBeGreaterThanOrEqual(mapped)
    expect(await gutterMarks(page, "after")).toContainEqual({ line: mapped, severity: "error" })
    await screenshot(page, "validate-netsuiteM2M")
    expect(errors).toEqual([])
    await page.context().close()
  })

  test("the list is validate()'s report, line for line, on real samples", async () => {
    const { page, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    for (const name of ["fireflies", "sendGrid", "google-calendar", "salesforce", "zoho/crm", "unifiedCRM", "monday"]) {
      const text = sample(name)
      await setText(page, "after", text)
      const expected = validate(text).diagnostics.map((d) => ({
        severity: d.severity,
        rule: d.rule,
        line: d.line,
        column: d.column,
      }))
      expect(await shownDiagnostics(page), name).toEqual(expected)
    }
    expect(errors).toEqual([])
    await page.context().close()
  })

  test("the checks follow typing: fixing the empty schedule removes its error", async () => {
    const { page } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    const text = sample("netsuiteM2M")
    await setText(page, "after", text)
    const schedule = lineOf(text, "schedule: ''", lineOf(text, "objectName: creditmemo"))
    await page.click(`#diagnostics button.entry[data-line="${schedule}"]`)
    // The caret is on the opening quote of ''; type a cron between the quotes, key by key.
    await page.keyboard.press("ArrowRight")
    await page.keyboard.type("*/10 * * * *", { delay: 15 })
    await settle(page)
    const shown = await shownDiagnostics(page)
    expect(shown.filter((d) => d.severity === "error").map((d) => d.line)).toEqual([
      lineOf(text, "mapToName: idvalue", lineOf(text, "objectName: customer")),
    ])
    expect(await gutterMarks(page, "after")).not.toContainEqual({ line: schedule, severity: "error" })
    expect(await page.inputValue("#after-text")).toContain("schedule: '*/10 * * * *'")
    await page.context().close()
  })
})

describe("a large file", () => {
  /** Ten real samples' integrations, fifty times over with new names, as one JSON manifest (over 1 MB). */
  const large = (): { text: string; providerLine: number } => {
    const blocks: Array<Record<string, unknown>> = []
    const names = [
      "hubspot",
      "salesforce",
      "netsuiteM2M",
      "fireflies",
      "zoho/crm",
      "unifiedCRM",
      "google-calendar",
      "intercom",
      "gong",
      "zendeskSupport",
    ]
    for (let copy = 0; blocks.length < 500; copy++) {
      for (const name of names) {
        const decoded = decodeText(sample(name), { expected: "manifest" })
        if (!decoded.ok) throw new Error(`${name}: ${decoded.message}`)
        const { integrations } = decoded.source.value as { integrations: Array<Record<string, unknown>> }
        for (const block of integrations) blocks.push({ ...block, name: `${String(block.name)}-${copy}` })
      }
    }
    const text = `${JSON.stringify({ specVersion: "1.0.0", integrations: blocks }, null, 2)}\n`
    return { text, providerLine: lineOf(text, '"provider": "hubspot"') }
  }

  /**
   * Time every callback the page's script runs (event listeners, timers, animation frames) before
   * it loads, so that the test can tell the page's own work from Chromium's: a textarea holding a
   * megabyte costs Chromium a re-layout on every key, which is not the page's doing.
   */
  const timeCallbacks = async (page: Page): Promise<void> => {
    await page.addInitScript(() => {
      const w = window as unknown as { own: Array<number> }
      w.own = []
      const timed = <F extends (...args: Array<never>) => unknown>(fn: F): F =>
        function (this: unknown, ...args: Array<never>) {
          const started = performance.now()
          try {
            return fn.apply(this, args)
          } finally {
            w.own.push(performance.now() - started)
          }
        } as F
      const wrapped = new WeakMap<object, EventListener>()
      const add = EventTarget.prototype.addEventListener
      const remove = EventTarget.prototype.removeEventListener
      EventTarget.prototype.addEventListener = function (type, listener, options) {
        if (typeof listener !== "function") return add.call(this, type, listener, options)
        let t = wrapped.get(listener)
        if (t === undefined) {
          t = timed(listener)
          wrapped.set(listener, t)
        }
        return add.call(this, type, t, options)
      }
      EventTarget.prototype.removeEventListener = function (type, listener, options) {
        const t = typeof listener === "function" ? wrapped.get(listener) : undefined
        return remove.call(this, type, t ?? listener, options)
      }
      const setTimeoutOf = window.setTimeout.bind(window)
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: Array<unknown>) =>
        setTimeoutOf(typeof fn === "function" ? timed(fn as () => void) : fn, ms, ...rest)) as typeof window.setTimeout
      const frameOf = window.requestAnimationFrame.bind(window)
      window.requestAnimationFrame = (fn) => frameOf(timed(fn))
    })
  }

  /** The longest single callback of the page while typing `keys` at the caret placed by `place`, until the checks settle. */
  const ownScriptWhileTyping = async (page: Page, place: () => Promise<void>, keys: string): Promise<number> => {
    await place()
    await page.evaluate(() => {
      ;(window as unknown as { own: Array<number> }).own.length = 0
    })
    await page.keyboard.type(keys, { delay: 30 })
    await settle(page)
    await saved(page)
    return page.evaluate(() => Math.round(Math.max(0, ...(window as unknown as { own: Array<number> }).own)))
  }

  const caretAfterProvider = (page: Page, line: number) => async () => {
    await page.$eval(
      "#after-text",
      (el, line) => {
        const t = el as HTMLTextAreaElement
        const lines = t.value.split("\n")
        const offset = lines.slice(0, line - 1).join("\n").length + 1 + lines[line - 1]!.lastIndexOf('"')
        t.focus()
        t.setSelectionRange(offset, offset)
      },
      line,
    )
  }

  test("over 1 MB: the checks run in the worker, the page's own script stays short while typing", async () => {
    const { text, providerLine } = large()
    expect(text.length).toBeGreaterThan(1_000_000)
    const { page, errors } = await openPage(browser())
    await timeCallbacks(page)
    await page.goto(server().url)
    await settle(page)
    expect(await page.getAttribute("body", "data-engine")).toBe("worker")
    await pasteLarge(page, "after", text)
    await saved(page)
    expect((await shownDiagnostics(page)).length).toBeGreaterThan(100)

    const own = await ownScriptWhileTyping(page, caretAfterProvider(page, providerLine), "zz")
    const analysisMs = Number(await page.getAttribute("body", "data-analysis-ms"))
    // No callback of the page comes near the analysis it hands to the worker (both slow down alike under load).
    expect(own, `page script ${own} ms, analysis ${analysisMs} ms in the worker`).toBeLessThan(
      Math.max(100, analysisMs / 2),
    )
    expect(await page.inputValue("#after-text")).toContain('"provider": "hubspotzz"')
    const shown = await shownDiagnostics(page)
    expect(shown.some((d) => d.line === providerLine && d.severity !== "info")).toBe(true)
    await screenshot(page, "validate-large-file", false)
    expect(errors).toEqual([])
    await page.context().close()
  })

  test("the same measure sees the checks when they run on the main thread (file://), once per pause", async () => {
    const { text, providerLine } = large()
    const { page } = await openPage(browser())
    await timeCallbacks(page)
    await page.goto(pathToFileURL(`${distDir}index.html`).href)
    await settle(page)
    expect(await page.getAttribute("body", "data-engine")).toBe("main")
    await pasteLarge(page, "after", text)
    const analyses = Number(await page.getAttribute("body", "data-analyses"))
    const own = await ownScriptWhileTyping(page, caretAfterProvider(page, providerLine), "zzzz")
    const analysisMs = Number(await page.getAttribute("body", "data-analysis-ms"))
    // One analysis for the burst of keys (the debounce grows with the analysis time), and it shows.
    expect(Number(await page.getAttribute("body", "data-analyses")) - analyses).toBe(1)
    expect(own, `page script ${own} ms, analysis ${analysisMs} ms`).toBeGreaterThanOrEqual(analysisMs)
    await page.context().close()
  })
})

/**
 * Diagnostics at their lines, in chromium against the built page: real samples from the corpus,
 * dropped or pasted; gutter marks and list entries at the lines validate() gives; an entry moves
 * the caret to its line; the checks follow typing, also on a large file, without freezing the page.
 */
import { decodeText, validate } from "@ampkit/browser"
import { describe, expect, test } from "vitest"
import { openPage, screenshot } from "./chromium.js"
import {
  caret,
  dropFile,
  gutterMarks,
  lineOf,
  pasteLarge,
  sample,
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

  test("typing stays responsive while a worker checks ~1 MB, and the result follows the text", async () => {
    const { page, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    expect(await page.getAttribute("body", "data-engine")).toBe("worker")
    const { text, providerLine } = large()
    expect(text.length).toBeGreaterThan(1_000_000)
    await pasteLarge(page, "after", text)
    expect((await shownDiagnostics(page)).length).toBeGreaterThan(100)

    // Count long tasks on the main thread while typing into the provider of the first integration.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: Array<number> }
      w.longTasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration)
      }).observe({ type: "longtask" })
    })
    await page.evaluate((line) => {
      const t = document.getElementById("after-text") as HTMLTextAreaElement
      const lines = t.value.split("\n")
      const offset = lines.slice(0, line - 1).join("\n").length + 1 + lines[line - 1]!.lastIndexOf('"')
      t.focus()
      t.setSelectionRange(offset, offset)
    }, providerLine)
    const started = Date.now()
    await page.keyboard.type("zz", { delay: 30 })
    const typing = Date.now() - started
    await settle(page)
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: Array<number> }).longTasks)
    expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(", ")}`).toBeLessThan(250)
    expect(typing).toBeLessThan(2000)
    expect(await page.inputValue("#after-text")).toContain('"provider": "hubspotzz"')
    const shown = await shownDiagnostics(page)
    expect(shown.some((d) => d.line === providerLine && d.severity !== "info")).toBe(true)
    await screenshot(page, "validate-large-file")
    expect(errors).toEqual([])
    await page.context().close()
  })
})

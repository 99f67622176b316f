/**
 * Driving the built playground in chromium: a server and a browser per test file, and the few
 * page actions the tests share (load a text, wait for the checks, read what the page shows).
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"
import { launch, openPage } from "./chromium.js"
import { type StaticServer, serveStatic } from "./static-server.js"

export const distDir = new URL("../dist/", import.meta.url).pathname
export const samplesDir = new URL("../../../corpus/ampersand/samples/", import.meta.url).pathname

/** A sample of the corpus by folder (e.g. `netsuiteM2M`, `zoho/crm`). */
export const sample = (name: string): string => {
  const dir = join(samplesDir, name)
  const file = readdirSync(dir).find((f) => /^amp\.ya?ml$/.test(f) && statSync(join(dir, f)).isFile())
  if (file === undefined) throw new Error(`no amp.yaml in ${dir}`)
  return readFileSync(join(dir, file), "utf8")
}

/** The 1-based line of the first line containing `needle`, searching from line `from`. */
export const lineOf = (text: string, needle: string, from = 1): number => {
  const lines = text.split("\n")
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1
  throw new Error(`no line with ${needle}`)
}

/** A server for dist/ and a browser, for the tests of one file. */
export const usePlayground = (): { server: () => StaticServer; browser: () => Browser } => {
  let server: StaticServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await serveStatic(distDir)
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return { server: () => server!, browser: () => browser! }
}

export type Side = "after" | "before"

/** Wait until the page has shown the analysis of its newest input. */
export const settle = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => document.body.dataset.busy === "false" && document.body.dataset.engine !== undefined)
  // The editors draw their marks on the next animation frame.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  )
}

/** Wait until the URL fragment holds the current view. */
export const saved = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => document.body.dataset.saved === "true")
}

/** The page's URL (its `#` fragment holding the view) after typing `text` as the new amp.yaml, in a page of its own. */
export const sharedUrl = async (browser: Browser, url: string, text: string): Promise<string> => {
  const maker = await openPage(browser)
  await maker.page.goto(url)
  await settle(maker.page)
  await setText(maker.page, "after", text)
  await saved(maker.page)
  const shared = maker.page.url()
  await maker.context.close()
  return shared
}

/** Replace a side's text as a paste would (one input event), and wait for the checks. */
export const setText = async (page: Page, side: Side, text: string): Promise<void> => {
  await page.fill(`#${side}-text`, text)
  await settle(page)
}

/**
 * Put a large text in a side the way a paste lands (the value, then one `insertFromPaste` input
 * event): Playwright's fill inserts text through the input pipeline, too slow for a megabyte.
 */
export const pasteLarge = async (page: Page, side: Side, text: string): Promise<void> => {
  await page.$eval(
    `#${side}-text`,
    (el, text) => {
      const t = el as HTMLTextAreaElement
      t.focus()
      t.value = text
      t.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }))
    },
    text,
  )
  await settle(page)
}

/** Drop a file onto a side, as a file manager would, and wait for the checks. */
export const dropFile = async (page: Page, side: Side, name: string, text: string): Promise<void> => {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], name, { type: "application/yaml" }))
      return dt
    },
    { name, text },
  )
  await page.dispatchEvent(`#${side}-side`, "dragenter", { dataTransfer })
  await page.dispatchEvent(`#${side}-text`, "dragover", { dataTransfer })
  await page.dispatchEvent(`#${side}-text`, "drop", { dataTransfer })
  await page.waitForFunction(
    ({ side, length }) => (document.getElementById(`${side}-text`) as HTMLTextAreaElement).value.length === length,
    { side, length: text.length },
  )
  await settle(page)
}

export interface ShownDiagnostic {
  readonly severity: string
  readonly rule: string
  readonly line: number
  readonly column: number
}

/** The entries of the diagnostics list. */
export const shownDiagnostics = (page: Page): Promise<Array<ShownDiagnostic>> =>
  page.$$eval("#diagnostics li.diagnostic button.entry", (buttons) =>
    buttons.map((b) => ({
      severity: ["error", "warning", "info"].find((s) => b.parentElement!.classList.contains(s)) ?? "?",
      rule: b.getAttribute("data-rule") ?? "",
      line: Number(b.getAttribute("data-line")),
      column: Number(b.getAttribute("data-column")),
    })),
  )

export interface ShownChange {
  readonly level: string
  readonly integration: string
  readonly id: string
  /** The place buttons: `after:19`, `before:37`. */
  readonly places: Array<string>
}

/** The changes panel, in the order shown (level sections, then integrations). */
export const shownChanges = (page: Page): Promise<Array<ShownChange>> =>
  page.$$eval("#changes section.level", (sections) =>
    sections.flatMap((s) =>
      [...s.querySelectorAll<HTMLElement>("div.integration")].flatMap((i) =>
        [...i.querySelectorAll<HTMLElement>("li.change")].map((c) => ({
          level: s.dataset.level ?? "",
          integration: i.dataset.integration ?? "",
          id: c.dataset.id ?? "",
          places: [...c.querySelectorAll<HTMLElement>("button.place")].map(
            (b) => `${b.dataset.side}:${b.dataset.line}`,
          ),
        })),
      ),
    ),
  )

/** Gutter marks of the lines the editor shows now. */
export const gutterMarks = (page: Page, side: Side): Promise<Array<{ line: number; severity: string }>> =>
  page.$$eval(`#${side}-editor .gutter .row.marked`, (rows) =>
    rows.map((r) => ({
      line: Number(r.getAttribute("data-line")),
      severity: ["error", "warning", "info"].find((s) => r.classList.contains(s)) ?? "?",
    })),
  )

/** Where the caret of a side is (1-based line and column), whether it has focus, and the lines in view. */
export const caret = (page: Page, side: Side) =>
  page.$eval(`#${side}-text`, (el) => {
    const t = el as HTMLTextAreaElement
    const before = t.value.slice(0, t.selectionStart)
    const line = before.split("\n").length
    const column = t.selectionStart - before.lastIndexOf("\n")
    const style = getComputedStyle(t)
    const lineHeight = Number.parseFloat(style.lineHeight)
    const top = t.scrollTop - Number.parseFloat(style.paddingTop)
    return {
      line,
      column,
      focused: document.activeElement === t,
      firstVisible: Math.floor(top / lineHeight) + 1,
      lastVisible: Math.floor((top + t.clientHeight) / lineHeight),
    }
  })

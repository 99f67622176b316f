/**
 * Debian's chromium driven by playwright-core (no browser download): the flags of design/toolchain.md §8,
 * a temporary profile per launch, and a page that records its console errors and uncaught exceptions.
 */
import { mkdirSync } from "node:fs"
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core"

export const executablePath = "/usr/bin/chromium"

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export const launch = (): Promise<Browser> => chromium.launch({ executablePath, headless: true, args: chromiumArgs })

export interface WatchedPage {
  readonly page: Page
  readonly context: BrowserContext
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: Array<string>
}

export const openPage = async (
  browser: Browser,
  options: { width?: number; height?: number; scale?: number } = {},
): Promise<WatchedPage> => {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    deviceScaleFactor: options.scale ?? 1,
  })
  const page = await context.newPage()
  const errors: Array<string> = []
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`)
  })
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`))
  return { page, context, errors }
}

export const artifactsDir = new URL("../test-results/", import.meta.url).pathname

/** Keep a screenshot under test-results/ (not committed). */
export const screenshot = async (page: Page, name: string, fullPage = true): Promise<void> => {
  mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage })
}

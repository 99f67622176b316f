import { decodeText } from "@ampkit/browser"
import { test } from "vitest"
import { openPage } from "./chromium.js"
import { sample, usePlayground } from "./playground.js"
const { server, browser } = usePlayground()
test("exp", async () => {
  const blocks: Array<unknown> = []
  for (let copy = 0; blocks.length < 500; copy++) for (const name of ["hubspot","salesforce","netsuiteM2M","fireflies","zoho/crm","unifiedCRM","google-calendar","intercom","gong","zendeskSupport"]) {
    const d = decodeText(sample(name)); if (!d.ok) continue
    for (const b of (d.source.value as any).integrations) blocks.push({ ...b, name: b.name + copy })
  }
  const text = JSON.stringify({ specVersion: "1.0.0", integrations: blocks }, null, 2)
  console.log("length", text.length)
  for (const css of ["white-space:pre", "white-space:pre-wrap"]) {
  const { page } = await openPage(browser())
  await page.goto(server().url + "nothing.html")
  await page.setContent(`<textarea id=t wrap=off style="width:600px;height:400px;font:14px monospace;${css}"></textarea>`)
  await page.$eval("#t", (el, text) => { (el as HTMLTextAreaElement).value = text; (el as HTMLTextAreaElement).focus(); (el as HTMLTextAreaElement).setSelectionRange(500, 500) }, text)
  await page.waitForTimeout(500)
  await page.evaluate(() => { (window as any).lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).lt.push(Math.round(e.duration)) }).observe({ type: "longtask" }) })
  await page.keyboard.type("zzzz", { delay: 30 })
  await page.waitForTimeout(500)
  console.log(css, await page.evaluate(() => (window as any).lt))
  await page.context().close()
  }
})

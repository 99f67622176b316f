/**
 * Hostile input, in chromium against the built page: links that are bombs, damaged or point inside
 * the page, views too large for a link, files that cannot be read or are not UTF-8, a main thread
 * busy when the worker starts, a byte order mark before line 1. The page says what happened, keeps
 * working, and never throws.
 */
import { randomBytes } from "node:crypto"
import { once } from "node:events"
import { createDeflateRaw } from "node:zlib"
import type { Page } from "playwright-core"
import { describe, expect, test } from "vitest"
import { openPage } from "./chromium.js"
import {
  caret,
  pasteLarge,
  sample,
  saved,
  setText,
  settle,
  sharedUrl,
  shownDiagnostics,
  usePlayground,
} from "./playground.js"

const { server, browser } = usePlayground()

/** A fragment whose JSON state holds `size` bytes of "a" as the new amp.yaml: a few hundred KB of deflate. */
const bomb = async (size: number): Promise<string> => {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Array<Buffer> = []
  deflate.on("data", (chunk: Buffer) => out.push(chunk))
  const ended = once(deflate, "end")
  deflate.write('{"v":1,"a":"')
  const chunk = Buffer.alloc(1 << 20, 0x61)
  for (let i = 0; i < size >> 20; i++) if (!deflate.write(chunk)) await once(deflate, "drain")
  deflate.end('","b":"","s":[]}')
  await ended
  return `z=${Buffer.concat(out).toString("base64url")}`
}

const status = async (page: Page): Promise<string> => (await page.textContent("#status")) ?? ""

describe("hostile links", () => {
  test("a link that inflates to 300 MB is refused quickly, and the page keeps working", async () => {
    const fragment = await bomb(300 * 1024 * 1024)
    expect(fragment.length).toBeLessThan(500_000)
    const { page, context, errors } = await openPage(browser())
    page.on("crash", () => errors.push("crash"))
    await page.goto(`${server().url}#${fragment}`)
    await settle(page)
    expect(await status(page)).toContain("Could not open this link: the view it holds is too large to open")
    expect(await page.inputValue("#after-text")).toBe("")
    await setText(page, "after", "specVersion: 1.0.0\n")
    expect(await page.textContent("#diagnostics .summary")).toContain("error")
    expect(errors).toEqual([])
    await context.close()
  })

  test("a link with text stuck to its end, or from another version, says so", async () => {
    const good = new URL(await sharedUrl(browser(), server().url, sample("netsuiteM2M"))).hash

    const cases: Array<[string, string]> = [
      [`${good}.`, "the link is damaged"],
      [`${good})`, "the link is damaged"],
      [
        `#j=${Buffer.from(JSON.stringify({ v: 2, a: "x", b: "" })).toString("base64url")}`,
        "the link was made by another version",
      ],
    ]
    for (const [fragment, message] of cases) {
      const { page, context, errors } = await openPage(browser())
      await page.goto(`${server().url}${fragment}`)
      await settle(page)
      expect(await status(page), fragment.slice(-20)).toContain(`Could not open this link: ${message}`)
      expect(await page.inputValue("#after-text")).toBe("")
      expect(errors).toEqual([])
      await context.close()
    }
  })

  test("Skip to results leaves the view in the address bar: reload and Copy link keep it", async () => {
    const { page, context, errors } = await openPage(browser())
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server().url })
    await page.goto(server().url)
    await settle(page)
    await page.click("#example")
    await settle(page)
    await saved(page)
    const url = page.url()
    const after = await page.inputValue("#after-text")
    await page.focus("a.skip")
    await page.keyboard.press("Enter")
    await page.waitForFunction(() => document.activeElement?.id === "results")
    await page.waitForFunction((url) => location.href === url, url)
    await page.click("#copy-link")
    await page.waitForFunction(() => document.getElementById("status")!.textContent!.startsWith("Link copied"))
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
    await page.reload()
    await settle(page)
    expect(await page.inputValue("#after-text")).toBe(after)
    expect(errors).toEqual([])
    await context.close()
  })

  test("a view too large for a link: Copy link says so instead of copying a link without it", async () => {
    const { page, context, errors } = await openPage(browser())
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server().url })
    await page.goto(server().url)
    await settle(page)
    // Random text does not compress: about 2.4 MB of it is over the 1.5 MB a fragment may take.
    await pasteLarge(page, "after", `specVersion: 1.0.0\n# ${randomBytes(1_800_000).toString("base64url")}\n`)
    await saved(page)
    expect(await status(page)).toContain("too large to keep in a link")
    expect(new URL(page.url()).hash).toBe("")
    await page.evaluate(() => navigator.clipboard.writeText("untouched"))
    await page.evaluate(() => {
      document.getElementById("status")!.textContent = ""
    })
    await page.click("#copy-link")
    await page.waitForFunction(() => document.getElementById("status")!.textContent !== "")
    expect(await status(page)).toContain("too large to keep in a link")
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("untouched")
    expect(errors).toEqual([])
    await context.close()
  })
})

/** Drop files given as bytes onto a side, and wait until the page has answered (status or checks). */
const dropFiles = async (page: Page, files: Array<{ name: string; bytes: Array<number> }>): Promise<void> => {
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer()
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name))
    return dt
  }, files)
  await page.evaluate(() => {
    document.getElementById("status")!.textContent = ""
  })
  await page.dispatchEvent("#after-side", "dragenter", { dataTransfer })
  await page.dispatchEvent("#after-text", "dragover", { dataTransfer })
  await page.dispatchEvent("#after-text", "drop", { dataTransfer })
  await page.waitForFunction(() => document.getElementById("status")!.textContent !== "")
  await settle(page)
}

const bytes = (text: string, encoding: BufferEncoding = "utf8"): Array<number> => [...Buffer.from(text, encoding)]

describe("hostile files", () => {
  test("several files, a file that is not UTF-8, UTF-16 with its mark, a file that cannot be read", async () => {
    const { page, context, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)

    await dropFiles(page, [
      { name: "amp.yaml", bytes: bytes("specVersion: 1.0.0\n") },
      { name: "live.json", bytes: bytes("[]") },
    ])
    expect(await status(page)).toContain("Opened amp.yaml (the first of 2 files")
    expect(await page.inputValue("#after-text")).toBe("specVersion: 1.0.0\n")

    await dropFiles(page, [{ name: "latin1.yaml", bytes: bytes("specVersion: 1.0.0\n# café\n", "latin1") }])
    expect(await status(page)).toContain("It is not UTF-8 text")
    expect(await page.inputValue("#after-text")).toBe("specVersion: 1.0.0\n# caf\uFFFD\n")

    await dropFiles(page, [{ name: "utf16.yaml", bytes: [0xff, 0xfe, ...bytes("specVersion: 1.0.0\n", "utf16le")] }])
    expect(await page.inputValue("#after-text")).toBe("specVersion: 1.0.0\n")
    expect(await status(page)).not.toContain("not UTF-8")

    // Markup in a file name is text.
    await dropFiles(page, [{ name: '<img src=x onerror="document.title=1">.yaml', bytes: bytes("a: 1\n") }])
    expect(await status(page)).toContain('Opened <img src=x onerror="document.title=1">.yaml.')
    expect(await page.locator("img").count()).toBe(0)

    // A folder (or a file gone since it was chosen) cannot be read: the page says so, nothing is thrown.
    await page.evaluate(() => {
      const refuse = () =>
        Promise.reject(new DOMException("A requested file or directory could not be found", "NotFoundError"))
      Blob.prototype.arrayBuffer = refuse
      Blob.prototype.text = refuse
    })
    await dropFiles(page, [{ name: "folder", bytes: [] }])
    expect(await status(page)).toContain("Could not read folder")
    expect(await page.inputValue("#after-text")).toBe("a: 1\n")
    expect(errors).toEqual([])
    await context.close()
  })

  test("two files dropped in quick succession: the later one stays, even when the earlier is slower to read", async () => {
    const { page, context, errors } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    // The first file takes a second to read, the second none.
    await page.evaluate(() => {
      const read = Blob.prototype.arrayBuffer
      Blob.prototype.arrayBuffer = function (this: Blob) {
        const slow = this instanceof File && this.name === "slow.yaml"
        return new Promise((resolve) => setTimeout(() => resolve(read.call(this)), slow ? 1000 : 0))
      }
    })
    const drop = async (name: string, text: string) => {
      const dataTransfer = await page.evaluateHandle(
        ({ name, text }) => {
          const dt = new DataTransfer()
          dt.items.add(new File([text], name))
          return dt
        },
        { name, text },
      )
      await page.dispatchEvent("#after-text", "drop", { dataTransfer })
    }
    await drop("slow.yaml", "slow: 1\n")
    await drop("fast.yaml", "fast: 1\n")
    await page.waitForFunction(() => document.getElementById("status")!.textContent!.includes("Opened fast.yaml"))
    await page.waitForTimeout(1500)
    await settle(page)
    expect(await page.inputValue("#after-text")).toBe("fast: 1\n")
    expect(await status(page)).not.toContain("slow.yaml")
    expect(errors).toEqual([])
    await context.close()
  })
})

describe("the editor and the engine", () => {
  test("a main thread busy for 6 s as the page starts: the checks still run in the worker", async () => {
    const { page, context, errors } = await openPage(browser())
    // As when a link holding two large texts is laid out: longer than the worker's start timeout.
    await page.addInitScript(() =>
      document.addEventListener("DOMContentLoaded", () =>
        setTimeout(() => {
          const started = performance.now()
          while (performance.now() - started < 6000) {}
        }, 0),
      ),
    )
    await page.goto(server().url)
    await settle(page)
    expect(await page.getAttribute("body", "data-engine")).toBe("worker")
    expect(errors).toEqual([])
    await context.close()
  })

  test("a byte order mark before line 1: an entry puts the caret at its column", async () => {
    const { page, context } = await openPage(browser())
    await page.goto(server().url)
    await settle(page)
    await setText(page, "after", "\uFEFFspecVersion: 2.0.0\n")
    const entry = (await shownDiagnostics(page)).find((d) => d.rule === "spec-version")
    expect(entry).toMatchObject({ line: 1, column: 14 })
    await page.click('#diagnostics button.entry[data-rule="spec-version"]')
    expect(await caret(page, "after")).toMatchObject({ line: 1, focused: true })
    expect(
      await page.$eval("#after-text", (t) =>
        (t as HTMLTextAreaElement).value.slice((t as HTMLTextAreaElement).selectionStart),
      ),
    ).toBe("2.0.0\n")
    await context.close()
  })
})

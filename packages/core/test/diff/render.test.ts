/** The diff renderers: data in, string out; input text never breaks out of its place. */
import { describe, expect, test } from "vitest"
import { code } from "../../src/changes/catalog.js"
import { changeCatalog, changeIds, changeSummaries, type DiffResult, diff } from "../../src/Diff.js"
import { renderDiffGithub } from "../../src/render/diff-github.js"
import { diffJson } from "../../src/render/diff-json.js"
import { renderDiffMarkdown } from "../../src/render/diff-markdown.js"
import { renderDiffSarif } from "../../src/render/diff-sarif.js"
import { renderDiffText } from "../../src/render/diff-text.js"

const hostile = "x`y</details><script>\n::error::\u001b[31m|"
const before = {
  specVersion: "1.0.0",
  integrations: [
    {
      name: hostile,
      provider: "hubspot",
      read: { objects: [{ objectName: hostile, destination: "d", schedule: "*/10 * * * *" }] },
    },
  ],
}
const after = {
  specVersion: "1.0.0",
  integrations: [
    { name: hostile, provider: "hubspot", read: { objects: [{ objectName: hostile, destination: "e" }] } },
  ],
}
const result: DiffResult = diff({ value: before }, { value: after })
/** Markdown with its code spans removed (CommonMark: a run of n backticks up to the next run of exactly n). */
const withoutCodeSpans = (md: string): string => {
  let out = ""
  let i = 0
  while (i < md.length) {
    const open = /`+/.exec(md.slice(i))
    if (open === null) return out + md.slice(i)
    const start = i + open.index
    const fence = open[0]
    const closeRe = new RegExp(`(?<!\`)${fence}(?!\`)`, "g")
    closeRe.lastIndex = start + fence.length
    const close = closeRe.exec(md)
    if (close === null) return out + md.slice(i)
    out += md.slice(i, start)
    i = close.index + fence.length
  }
  return out
}

const files = { oldFile: "old.yaml", newFile: "new.yaml", failOn: "reconfigure" as const }

describe("wording", () => {
  test("every id has a catalog entry with a summary and at least one level", () => {
    expect(changeCatalog.map((k) => k.id)).toEqual([...changeIds])
    expect(Object.keys(changeSummaries).sort()).toEqual([...changeIds].sort())
    for (const k of changeCatalog) {
      expect(changeSummaries[k.id].length).toBeGreaterThan(10)
      expect(k.levels.length).toBeGreaterThan(0)
    }
  })

  test("code spans hold any text: control characters escaped, fence longer than any backtick run", () => {
    expect(code("plain")).toBe("`plain`")
    expect(code("a`b")).toBe("``a`b``")
    expect(code("`x")).toBe("`` `x ``")
    expect(code("a\nb\u001b")).toBe("`a\\nb\\u{1B}`")
    expect(code("x".repeat(200)).length).toBeLessThan(90)
  })

  test("messages are single lines naming the integration and object, values in code spans", () => {
    expect(result.changes.map((c) => c.id)).toEqual(["read-object-destination-changed", "read-object-schedule-changed"])
    for (const c of result.changes) {
      expect(c.message).not.toMatch(/[\n\r\u001b]/)
      expect(c.message).toContain("``x`y</details><script>\\n::error::\\u{1B}[31m|``")
      expect(c.message).not.toMatch(/undefined|\[object Object\]/)
    }
  })
})

describe("renderers", () => {
  test("json is the contract's shape and survives a round trip", () => {
    const text = diffJson(result)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ changes: result.changes, summary: result.summary })))
    expect(text.endsWith("\n")).toBe(true)
  })

  test("text: grouped, escaped, verdict last", () => {
    const text = renderDiffText(result, files)
    expect(text).not.toContain("\u001b")
    expect(text.split("\n")[0]).toBe("integration x`y</details><script>\\n::error::\\u{1B}[31m|")
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "1 breaking, 0 reconfigure, 1 dangerous, 0 safe ✖ fails --fail-on reconfigure",
    )
  })

  test("markdown: names cannot inject HTML or close a <details>", () => {
    const md = renderDiffMarkdown(result, { ...files, collapseAbove: 1 })
    expect(md).toContain(
      "<summary>integration x&#96;y&lt;/details&gt;&lt;script&gt;\\n::error::\\u{1B}[31m|: 1 breaking, 1 dangerous</summary>",
    )
    expect(md).not.toContain("\u001b")
    // outside code spans (where Markdown shows text as is), the only HTML is ours
    const prose = withoutCodeSpans(md)
    expect(prose.match(/<details>/g)?.length).toBe(1)
    expect(prose.match(/<\/details>/g)?.length).toBe(1)
    expect(prose).not.toContain("<script>")
  })

  test("github: one command per change, data escaped so a name cannot start a new command", () => {
    const out = renderDiffGithub(result, { file: "new.yaml", failOn: "reconfigure" })
    const lines = out.trimEnd().split("\n")
    expect(lines).toHaveLength(2)
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=new\.yaml,line=1,col=1,title=read-object-/)
    // the name's line break is written as the two characters \n inside the message: no second command
    expect(out).toContain("\\n::error::")
  })

  test("sarif: accepted changes are suppressed, levels follow --fail-on", () => {
    const fp = result.changes[0]!.fingerprint
    const accepted = diff({ value: before }, { value: after }, { accepted: new Set([fp]) })
    const sarif = renderDiffSarif(accepted, { ...files, toolVersion: "0.0.0" })
    const results = sarif.runs[0]!.results
    expect(results[0]).toMatchObject({ level: "note", suppressions: [{ kind: "external" }] })
    expect(results[1]).toMatchObject({ ruleId: "read-object-schedule-changed", level: "error" })
    const lenient = renderDiffSarif(result, { ...files, failOn: "none", toolVersion: "0.0.0" })
    expect(lenient.runs[0]!.results.map((r) => r.level)).toEqual(["warning", "warning"])
  })
})

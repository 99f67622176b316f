/**
 * The page: two editors (the new amp.yaml, and an optional before side), the analyses as the user
 * types, the results (diagnostics, changes, plan), files opened or dropped, and the view kept in
 * the URL fragment for sharing.
 */
import type { Analysis } from "./analysis.js"
import { Analyser, type Engine } from "./analyser.js"
import { renderDiagnostics, reportSummary } from "./diagnostics-view.js"
import { renderDiff, type Side, summaryLine } from "./diff-view.js"
import { Editor, type Mark } from "./editor.js"
import { h } from "./element.js"
import { againstLive, twoVersions } from "./example.js"
import { renderPlan } from "./plan-view.js"
import { decodeState, encodeState, maxFragmentLength, type SharedState } from "./share.js"

/** Files above this are refused before reading: the checks refuse input over 4 MiB anyway. */
const maxFileBytes = 4 * 1024 * 1024
const shareDelayMs = 400

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (el === null) throw new Error(`#${id} is missing`)
  return el as T
}

export const startPage = (scriptUrl: string | undefined): void => {
  const body = document.body
  const editors: Record<Side, Editor> = { after: new Editor(byId("after-editor")), before: new Editor(byId("before-editor")) }
  const status = byId<HTMLParagraphElement>("status")
  const panels = {
    diagnostics: byId("diagnostics").querySelector<HTMLElement>(".panel-body")!,
    changes: byId("changes").querySelector<HTMLElement>(".panel-body")!,
    plan: byId("plan"),
  }
  const stopReads = new Set<string>()
  let latest = 0
  let engineNote = ""

  const goTo = (side: Side, line: number, column: number) => editors[side].reveal(line, column)

  const state = (): SharedState => ({
    after: editors.after.value,
    before: editors.before.value,
    stopReads: [...stopReads].sort(),
  })

  // --- analyses ---------------------------------------------------------------------------------

  const show = (analysis: Analysis, ms: number, engine: Engine) => {
    const report = analysis.validation
    editors.after.setMarks(
      (report?.diagnostics ?? []).filter((d) => !d.suppressed).map((d): Mark => ({ line: d.line, severity: d.severity })),
    )
    const beforeFailure = analysis.diff !== undefined && !analysis.diff.ok && analysis.diff.side === "before"
    editors.before.setMarks(
      beforeFailure && analysis.diff !== undefined && !analysis.diff.ok
        ? analysis.diff.diagnostics.map((d): Mark => ({ line: d.line, severity: d.severity }))
        : [],
    )
    renderDiagnostics(panels.diagnostics, report, (line, column) => goTo("after", line, column))
    renderDiff(panels.changes, analysis.diff, goTo)
    renderPlan(panels.plan, analysis.plan, {
      goTo: (line, column) => goTo("after", line, column),
      stopReads: (integration, stop) => {
        if (stop) stopReads.add(integration)
        else stopReads.delete(integration)
        changed(true)
      },
    })
    const parts: Array<string> = []
    if (report !== undefined) parts.push(`New amp.yaml: ${reportSummary(report)}.`)
    if (analysis.diff !== undefined) {
      parts.push(analysis.diff.ok ? `Changes: ${summaryLine(analysis.diff.summary)}.` : "Changes: cannot compare.")
    }
    if (analysis.plan !== undefined) {
      const p = analysis.plan
      parts.push(p.ok ? `Plan: ${p.plan.summary.create} create, ${p.plan.summary.update} update.` : "Plan: none.")
    }
    parts.push(`Checked in ${Math.max(1, Math.round(ms))} ms ${engine === "worker" ? "in a worker" : "on the main thread"}.`)
    status.textContent = parts.join(" ")
  }

  const analyser = new Analyser(scriptUrl, {
    result: (analysis, version, ms, engine) => {
      show(analysis, ms, engine)
      if (version === latest) body.dataset.busy = "false"
    },
    failed: (message, version) => {
      status.textContent = `Internal error while checking (please report it): ${message}`
      if (version === latest) body.dataset.busy = "false"
    },
    engine: (engine, reason) => {
      body.dataset.engine = engine
      engineNote = reason ?? ""
      byId("engine").textContent =
        engine === "worker" ? "Checks run in a background worker." : `Checks run on the main thread: ${engineNote}.`
    },
  })

  // --- the URL fragment --------------------------------------------------------------------------

  let shareTimer: ReturnType<typeof setTimeout> | undefined
  let shareNote = ""
  const writeFragment = async (): Promise<string> => {
    const fragment = await encodeState(state())
    const url = `${location.pathname}${location.search}`
    if (fragment.length > maxFragmentLength) {
      history.replaceState(null, "", url)
      shareNote = "This view is too large to keep in a link."
    } else {
      history.replaceState(null, "", fragment === "" ? url : `${url}#${fragment}`)
      shareNote = ""
    }
    body.dataset.saved = "true"
    return shareNote
  }
  const scheduleFragment = () => {
    body.dataset.saved = "false"
    if (shareTimer !== undefined) clearTimeout(shareTimer)
    shareTimer = setTimeout(() => {
      shareTimer = undefined
      void writeFragment()
    }, shareDelayMs)
  }

  /** Something changed: analyse (now, for a whole new text) and keep the fragment in step. */
  const changed = (immediate = false) => {
    body.dataset.busy = "true"
    latest = analyser.submit(state(), immediate)
    scheduleFragment()
  }

  const load = (next: SharedState) => {
    editors.after.value = next.after
    editors.before.value = next.before
    stopReads.clear()
    for (const s of next.stopReads) stopReads.add(s)
    changed(true)
  }

  const loadFragment = async () => {
    const decoded = await decodeState(location.hash)
    if (decoded === undefined) return false
    if (!decoded.ok) {
      status.textContent = `Could not open this link: ${decoded.message}.`
      return false
    }
    load(decoded.state)
    return true
  }

  window.addEventListener("hashchange", () => void loadFragment())

  // --- inputs --------------------------------------------------------------------------------------

  for (const side of ["after", "before"] as const) {
    const editor = editors[side]
    editor.textarea.addEventListener("input", () => changed())
    const file = byId<HTMLInputElement>(`${side}-file`)
    const open = async (f: File | undefined) => {
      if (f === undefined) return
      if (f.size > maxFileBytes) {
        status.textContent = `${f.name} is too large (${Math.round(f.size / 1024)} KiB): the checks take at most 4 MiB.`
        return
      }
      editor.value = await f.text()
      changed(true)
      status.textContent = `Opened ${f.name}.`
    }
    byId(`${side}-open`).addEventListener("click", () => file.click())
    file.addEventListener("change", () => {
      void open(file.files?.[0])
      file.value = ""
    })
    byId(`${side}-clear`).addEventListener("click", () => {
      editor.value = ""
      if (side === "before") stopReads.clear()
      changed(true)
      editor.textarea.focus()
    })
    const zone = byId(`${side}-side`)
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") === true
    zone.addEventListener("dragover", (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer !== null) e.dataTransfer.dropEffect = "copy"
      zone.classList.add("dropping")
    })
    zone.addEventListener("dragleave", (e) => {
      if (e.relatedTarget === null || !zone.contains(e.relatedTarget as Node)) zone.classList.remove("dropping")
    })
    zone.addEventListener("drop", (e) => {
      zone.classList.remove("dropping")
      if (!hasFiles(e)) return
      e.preventDefault()
      void open(e.dataTransfer?.files[0])
    })
  }
  // A file dropped anywhere else must not replace the page.
  window.addEventListener("dragover", (e) => e.preventDefault())
  window.addEventListener("drop", (e) => e.preventDefault())

  byId("example").addEventListener("click", () => load({ ...twoVersions(), stopReads: [] }))
  byId("example-live").addEventListener("click", () => load({ ...againstLive(), stopReads: [] }))

  const linkBox = byId<HTMLDivElement>("link-box")
  byId("copy-link").addEventListener("click", async () => {
    if (shareTimer !== undefined) clearTimeout(shareTimer)
    shareTimer = undefined
    const note = await writeFragment()
    if (note !== "") {
      status.textContent = note
      return
    }
    try {
      await navigator.clipboard.writeText(location.href)
      status.textContent = "Link copied: it holds this whole view, and nothing of it is sent to a server."
      linkBox.replaceChildren()
    } catch {
      const input = h("input", { type: "text", readonly: true, id: "link-text", value: location.href })
      linkBox.replaceChildren(h("label", { for: "link-text" }, "Copy this link: "), input)
      input.focus()
      input.select()
    }
  })

  void loadFragment().then((loaded) => {
    if (!loaded) changed(true)
  })
}

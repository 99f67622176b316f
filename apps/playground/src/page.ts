/**
 * The page: two editors (the new amp.yaml, and an optional before side), the analyses as the user
 * types, the results (diagnostics, changes, plan), files opened or dropped, and the view kept in
 * the URL fragment for sharing.
 */

import { Analyser, type Engine } from "./analyser.js"
import type { Analysis } from "./analysis.js"
import { renderDiagnostics, reportSummary } from "./diagnostics-view.js"
import { renderDiff, type Side, summaryLine } from "./diff-view.js"
import { Editor, type Mark } from "./editor.js"
import { h } from "./element.js"
import { againstLive, twoVersions } from "./example.js"
import { renderPlan } from "./plan-view.js"
import { decodeState, encodeState, maxFragmentLength, type SharedState } from "./share.js"

/** Files above this are refused before reading: the checks refuse input over 4 MiB anyway. */
const maxFileBytes = 4 * 1024 * 1024

/** A file's text: UTF-8, or UTF-16 with its byte order mark; `lossy` when bytes had to be replaced. */
const decodeFile = (bytes: Uint8Array): { text: string; lossy: boolean } => {
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8"
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), lossy: false }
  } catch {
    return { text: new TextDecoder(label).decode(bytes), lossy: true }
  }
}

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (el === null) throw new Error(`#${id} is missing`)
  return el as T
}

export const startPage = (scriptUrl: string | undefined): void => {
  const body = document.body
  const editors: Record<Side, Editor> = {
    after: new Editor(byId("after-editor")),
    before: new Editor(byId("before-editor")),
  }
  const status = byId<HTMLParagraphElement>("status")
  const panels = {
    diagnostics: byId("diagnostics").querySelector<HTMLElement>(".panel-body")!,
    changes: byId("changes").querySelector<HTMLElement>(".panel-body")!,
    plan: byId("plan"),
  }
  const stopReads = new Set<string>()
  let latest = 0
  /** The fragment follows the view from the first change on (a link that could not be read stays as it is). */
  let sharing = false
  /** Whether the address bar holds the view shown: not while an edit waits for its fragment, nor for a view too large for a link. */
  let linked = true
  /** The fragment last put in the address bar for the view shown. */
  let lastFragment = ""
  let engineNote = ""
  /** A message about the last thing the user did (a file opened, a link that could not be read), kept above the counts. */
  let notice = ""
  const say = (text: string) => {
    notice = text
    status.textContent = text
  }

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
      (report?.diagnostics ?? [])
        .filter((d) => !d.suppressed)
        .map((d): Mark => ({ line: d.line, severity: d.severity })),
    )
    const beforeFailure = analysis.diff !== undefined && !analysis.diff.ok && analysis.diff.side === "before"
    editors.before.setMarks(
      beforeFailure && analysis.diff !== undefined && !analysis.diff.ok
        ? analysis.diff.diagnostics.map((d): Mark => ({ line: d.line, severity: d.severity }))
        : [],
    )
    renderDiagnostics(panels.diagnostics, report, (line, column) => goTo("after", line, column))
    renderDiff(panels.changes, analysis.diff, goTo, editors.after.value.trim() === "" ? "after" : "before")
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
    parts.push(
      `Checked in ${Math.max(1, Math.round(ms))} ms ${engine === "worker" ? "in a worker" : "on the main thread"}.`,
    )
    status.textContent = [notice, ...parts].filter((p) => p !== "").join(" ")
  }

  const analyser = new Analyser(scriptUrl, {
    result: (analysis, version, ms, engine) => {
      show(analysis, ms, engine)
      body.dataset.analyses = String(Number(body.dataset.analyses ?? 0) + 1)
      body.dataset.analysisMs = String(Math.round(ms))
      if (version === latest) body.dataset.busy = "false"
    },
    fragment: (fragment, version) => {
      if (sharing && version === latest) applyFragment(fragment)
    },
    failed: (message, version) => {
      say(`Internal error while checking (please report it): ${message}`)
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

  /** Put a fragment in the address bar (history entry replaced, nothing sent); false when too large (`undefined`). */
  const applyFragment = (fragment: string | undefined): boolean => {
    const url = `${location.pathname}${location.search}`
    const fits = fragment !== undefined && fragment.length <= maxFragmentLength
    history.replaceState(null, "", fragment === "" || !fits ? url : `${url}#${fragment}`)
    if (!fits) say("This view is too large to keep in a link.")
    linked = fits
    lastFragment = fits ? fragment : ""
    body.dataset.saved = "true"
    return fits
  }

  const analyse = (immediate: boolean) => {
    body.dataset.busy = "true"
    latest = analyser.submit(state(), immediate)
  }

  /** Something changed: analyse (now, for a whole new text); the fragment follows with the result. */
  const changed = (immediate = false) => {
    notice = ""
    sharing = true
    linked = false
    body.dataset.saved = "false"
    analyse(immediate)
  }

  const load = (next: SharedState) => {
    editors.after.value = next.after
    editors.before.value = next.before
    stopReads.clear()
    for (const s of next.stopReads) stopReads.add(s)
    changed(true)
  }

  /** Open the view the fragment holds: "none" when it holds none (no fragment, or an in-page link such as #results). */
  const loadFragment = async (): Promise<"loaded" | "damaged" | "none"> => {
    const decoded = await decodeState(location.hash)
    if (decoded === undefined) return "none"
    if (!decoded.ok) {
      say(`Could not open this link: ${decoded.message}.`)
      return "damaged"
    }
    load(decoded.state)
    return "loaded"
  }

  window.addEventListener("hashchange", () => {
    void loadFragment().then((outcome) => {
      if (outcome === "loaded") return
      // The address bar no longer holds the view shown ("Skip to results" went to #results, or a
      // fragment was typed): put the view's fragment back, so that a reload or a copied link keeps it.
      if (outcome === "none" && linked) {
        history.replaceState(
          null,
          "",
          `${location.pathname}${location.search}${lastFragment === "" ? "" : `#${lastFragment}`}`,
        )
      } else linked = false
    })
  })

  // --- inputs --------------------------------------------------------------------------------------

  for (const side of ["after", "before"] as const) {
    const editor = editors[side]
    editor.textarea.addEventListener("input", () => changed())
    const file = byId<HTMLInputElement>(`${side}-file`)
    // The newest file given to this side wins: an older one still being read is dropped when it arrives.
    let opening = 0
    const open = async (files: ReadonlyArray<File>) => {
      const f = files[0]
      if (f === undefined) return
      const mine = ++opening
      if (f.size > maxFileBytes) {
        say(`${f.name} is too large (${Math.round(f.size / 1024)} KiB): the checks take at most 4 MiB.`)
        return
      }
      let read: { text: string; lossy: boolean }
      try {
        read = decodeFile(new Uint8Array(await f.arrayBuffer()))
      } catch {
        // A folder, or a file removed or changed since it was chosen.
        if (mine === opening) say(`Could not read ${f.name}: is it a folder, or a file that has moved?`)
        return
      }
      if (mine !== opening) return
      editor.value = read.text
      changed(true)
      const more = files.length > 1 ? ` (the first of ${files.length} files: one file per side)` : ""
      const lossy = read.lossy ? " It is not UTF-8 text: what could not be read shows as �." : ""
      say(`Opened ${f.name}${more}.${lossy}`)
    }
    byId(`${side}-open`).addEventListener("click", () => file.click())
    file.addEventListener("change", () => {
      void open([...(file.files ?? [])])
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
      void open([...(e.dataTransfer?.files ?? [])])
    })
  }
  // A file dropped anywhere else must not replace the page.
  window.addEventListener("dragover", (e) => e.preventDefault())
  window.addEventListener("drop", (e) => e.preventDefault())

  byId("example").addEventListener("click", () => load({ ...twoVersions(), stopReads: [] }))
  byId("example-live").addEventListener("click", () => load({ ...againstLive(), stopReads: [] }))

  const linkBox = byId<HTMLDivElement>("link-box")
  byId("copy-link").addEventListener("click", async () => {
    // Normally the fragment is already there; right after an edit, encode it here rather than wait.
    if (!linked && !applyFragment(await encodeState(state()))) return
    try {
      await navigator.clipboard.writeText(location.href)
      say("Link copied: it holds this whole view, and nothing of it is sent to a server.")
      linkBox.replaceChildren()
    } catch {
      const input = h("input", { type: "text", readonly: true, id: "link-text", value: location.href })
      linkBox.replaceChildren(h("label", { for: "link-text" }, "Copy this link: "), input)
      input.focus()
      input.select()
    }
  })

  // A link that cannot be read stays in the address bar (the fragment is rewritten on the first edit).
  void loadFragment().then((outcome) => {
    if (outcome === "damaged") linked = false
    if (outcome !== "loaded") analyse(true)
  })
}

/**
 * A plain textarea made into a code editor: a line-number gutter with severity marks, and bands
 * behind the lines that have diagnostics. Lines never wrap, so line N is always row N. Only the
 * visible rows are drawn (on scroll, resize and input, once per frame), so a file of any size
 * costs the same to display; typing never waits for anything but the textarea itself.
 */

export type MarkSeverity = "error" | "warning" | "info"

export interface Mark {
  readonly line: number
  readonly severity: MarkSeverity
}

const rank: Readonly<Record<MarkSeverity, number>> = { error: 0, warning: 1, info: 2 }

/** The symbol of each severity: a shape as well as a colour. */
export const severitySymbol: Readonly<Record<MarkSeverity, string>> = { error: "✖", warning: "▲", info: "●" }

export class Editor {
  readonly textarea: HTMLTextAreaElement
  private readonly gutter: HTMLDivElement
  private readonly rows: HTMLDivElement
  private readonly bands: HTMLDivElement
  private marks = new Map<number, MarkSeverity>()
  private lineCount = 1
  private frame = 0
  private charWidth = 0

  constructor(root: HTMLElement) {
    const textarea = root.querySelector("textarea")
    if (textarea === null) throw new Error(`no textarea in #${root.id}`)
    this.textarea = textarea
    this.gutter = document.createElement("div")
    this.gutter.className = "gutter"
    this.gutter.setAttribute("aria-hidden", "true")
    this.rows = document.createElement("div")
    this.rows.className = "gutter-rows"
    this.gutter.append(this.rows)
    const wrap = document.createElement("div")
    wrap.className = "text-wrap"
    this.bands = document.createElement("div")
    this.bands.className = "bands"
    this.bands.setAttribute("aria-hidden", "true")
    textarea.replaceWith(wrap)
    wrap.append(this.bands, textarea)
    root.prepend(this.gutter)
    textarea.addEventListener("input", () => this.changed())
    textarea.addEventListener("scroll", () => this.schedule())
    new ResizeObserver(() => this.schedule()).observe(textarea)
    this.changed()
  }

  get value(): string {
    return this.textarea.value
  }

  /** Replace the whole text (not an edit: the caret goes to the start). */
  set value(text: string) {
    this.textarea.value = text
    this.textarea.setSelectionRange(0, 0)
    this.textarea.scrollTop = 0
    this.textarea.scrollLeft = 0
    this.changed()
  }

  /** The lines to mark; of several marks on one line the most severe wins. */
  setMarks(marks: Iterable<Mark>): void {
    const next = new Map<number, MarkSeverity>()
    for (const m of marks) {
      const seen = next.get(m.line)
      if (seen === undefined || rank[m.severity] < rank[seen]) next.set(m.line, m.severity)
    }
    this.marks = next
    this.schedule()
  }

  /** Move the caret to a 1-based line and column, scroll it into view (a third from the top) and focus. */
  reveal(line: number, column = 1): void {
    const text = this.textarea.value
    // Columns do not count a leading byte order mark (as editors show none); the textarea holds it.
    let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0
    for (let l = 1; l < line; l++) {
      const next = text.indexOf("\n", offset)
      if (next === -1) break
      offset = next + 1
    }
    const end = text.indexOf("\n", offset)
    const lineEnd = end === -1 ? text.length : end
    const caret = Math.min(offset + Math.max(column - 1, 0), lineEnd)
    this.textarea.focus({ preventScroll: true })
    this.textarea.setSelectionRange(caret, caret)
    const { lineHeight, paddingTop } = this.metrics()
    const top = paddingTop + (line - 1) * lineHeight
    this.textarea.scrollTop = Math.max(0, top - this.textarea.clientHeight / 3)
    const x = (caret - offset) * this.measureChar()
    const width = this.textarea.clientWidth
    if (x < this.textarea.scrollLeft || x > this.textarea.scrollLeft + width - 4 * this.measureChar()) {
      this.textarea.scrollLeft = Math.max(0, x - width / 2)
    }
    this.render()
  }

  /** The 1-based lines currently visible (first, last). */
  visibleLines(): { first: number; last: number } {
    const { lineHeight, paddingTop } = this.metrics()
    const top = this.textarea.scrollTop - paddingTop
    const first = Math.max(1, Math.floor(top / lineHeight) + 1)
    const last = Math.min(this.lineCount, Math.ceil((top + this.textarea.clientHeight) / lineHeight))
    return { first, last }
  }

  private changed(): void {
    const text = this.textarea.value
    let count = 1
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++
    this.lineCount = count
    this.gutter.style.setProperty("--digits", String(String(count).length))
    this.schedule()
  }

  private metrics(): { lineHeight: number; paddingTop: number } {
    const style = getComputedStyle(this.textarea)
    return {
      lineHeight: Number.parseFloat(style.lineHeight) || 20,
      paddingTop: Number.parseFloat(style.paddingTop) || 0,
    }
  }

  private measureChar(): number {
    if (this.charWidth > 0) return this.charWidth
    const probe = document.createElement("span")
    probe.textContent = "0".repeat(100)
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:pre"
    probe.style.font = getComputedStyle(this.textarea).font
    document.body.append(probe)
    this.charWidth = probe.getBoundingClientRect().width / 100 || 8
    probe.remove()
    return this.charWidth
  }

  private schedule(): void {
    if (this.frame !== 0) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.render()
    })
  }

  /** Draw the gutter rows and the bands of the visible lines only. */
  private render(): void {
    const { lineHeight, paddingTop } = this.metrics()
    const { first, last } = this.visibleLines()
    const shift = paddingTop - this.textarea.scrollTop
    const rows: Array<string> = []
    const bands: Array<string> = []
    for (let line = first; line <= last; line++) {
      const top = shift + (line - 1) * lineHeight
      const severity = this.marks.get(line)
      const mark = severity === undefined ? "" : `<span class="mark ${severity}">${severitySymbol[severity]}</span>`
      const cls = severity === undefined ? "row" : `row marked ${severity}`
      rows.push(
        `<div class="${cls}" data-line="${line}" style="top:${top}px;height:${lineHeight}px">${mark}${line}</div>`,
      )
      if (severity !== undefined) {
        bands.push(
          `<div class="band ${severity}" data-line="${line}" style="top:${top}px;height:${lineHeight}px"></div>`,
        )
      }
    }
    this.rows.innerHTML = rows.join("")
    this.bands.innerHTML = bands.join("")
  }
}

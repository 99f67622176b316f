/**
 * Runs analyses (analysis.ts) as the user types: in a Web Worker when one can start (this same
 * script, loaded as a classic worker), else on the main thread. Requests are debounced, at most one
 * is in flight, and only the newest input is ever analysed next, so a slow analysis of a large file
 * never queues up behind the keyboard. The worker also encodes the input as the URL fragment
 * (share.ts): serialising a megabyte takes the main thread ~100 ms, the worker nothing visible.
 *
 * Chromium refuses workers on `file://` pages (SecurityError), and a page served as a module (the
 * Vite dev server) has no script URL to start one from: there the main thread takes over, with a
 * debounce that grows with the time the last analysis took.
 */
import { type Analysis, type AnalysisInput, analyse } from "./analysis.js"
import { encodeState } from "./share.js"

export type Engine = "worker" | "main"

/** Messages from the page to the worker, and back. */
export type ToWorker = { readonly type: "analyse"; readonly version: number; readonly input: AnalysisInput }
export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "result"; readonly version: number; readonly analysis: Analysis; readonly ms: number }
  | { readonly type: "fragment"; readonly version: number; readonly fragment: string | undefined }
  | { readonly type: "failed"; readonly version: number; readonly message: string }

export interface AnalyserEvents {
  /** An analysis of input `version` (the newest sent; newer input may already be waiting). */
  readonly result: (analysis: Analysis, version: number, ms: number, engine: Engine) => void
  /** The URL fragment holding input `version` (after its result); `undefined` when it is too large for a link. */
  readonly fragment: (fragment: string | undefined, version: number) => void
  readonly failed: (message: string, version: number) => void
  /** The engine in use, and why the worker is not, when it is not. */
  readonly engine: (engine: Engine, reason?: string) => void
}

const workerDebounceMs = 60
const mainDebounceMs = { min: 150, max: 1500 }
const workerStartTimeoutMs = 5000

export class Analyser {
  private engine: Engine | "starting" = "starting"
  private worker: Worker | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private startTimer: ReturnType<typeof setTimeout> | undefined
  private waiting: { version: number; input: AnalysisInput } | undefined
  private inFlight = false
  private version = 0
  private mainDebounce = mainDebounceMs.min
  private readonly events: AnalyserEvents

  constructor(scriptUrl: string | undefined, events: AnalyserEvents) {
    this.events = events
    if (scriptUrl === undefined || typeof Worker !== "function") {
      this.useMain("this page has no script a worker can load")
      return
    }
    try {
      const worker = new Worker(scriptUrl, { name: "ampkit-analysis" })
      worker.addEventListener("message", (e: MessageEvent<FromWorker>) => this.fromWorker(e.data))
      worker.addEventListener("error", (e) => {
        e.preventDefault()
        if (this.engine === "starting") this.useMain(`the worker failed to start (${e.message || "error"})`)
        else this.workerCrashed(e.message || "the worker crashed")
      })
      this.worker = worker
      this.awaitStart(workerStartTimeoutMs)
    } catch (e) {
      const name = e instanceof Error ? e.name : "error"
      // Chromium starts no worker for a page opened from a file: expected there, not a fault.
      this.useMain(
        name === "SecurityError" && location.protocol === "file:"
          ? "a page opened from a file cannot start a worker in this browser; everything works, a very large file may pause typing"
          : `the browser refused the worker (${name})`,
      )
    }
  }

  /** Ask for an analysis of `input`; returns its version. `immediate` skips the debounce (loading a file). */
  submit(input: AnalysisInput, immediate = false): number {
    this.version++
    this.waiting = { version: this.version, input }
    if (this.timer !== undefined) clearTimeout(this.timer)
    const delay = immediate ? 0 : this.engine === "main" ? this.mainDebounce : workerDebounceMs
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.pump()
    }, delay)
    return this.version
  }

  /** Start the waiting analysis if nothing is in flight and the engine is known. */
  private pump(): void {
    if (this.inFlight || this.waiting === undefined || this.engine === "starting" || this.timer !== undefined) return
    const { version, input } = this.waiting
    this.waiting = undefined
    if (this.engine === "worker" && this.worker !== undefined) {
      this.inFlight = true
      this.worker.postMessage({ type: "analyse", version, input } satisfies ToWorker)
      return
    }
    const started = performance.now()
    let analysis: Analysis
    try {
      analysis = analyse(input)
    } catch (e) {
      this.events.failed(e instanceof Error ? e.message : String(e), version)
      return
    }
    const ms = performance.now() - started
    // Typing pauses shorter than twice the last analysis do not start another one.
    this.mainDebounce = Math.min(mainDebounceMs.max, Math.max(mainDebounceMs.min, 2 * ms))
    this.events.result(analysis, version, ms, "main")
    void encodeState(input).then((fragment) => this.events.fragment(fragment, version))
  }

  private fromWorker(message: FromWorker): void {
    if (message.type === "ready") {
      if (this.startTimer !== undefined) clearTimeout(this.startTimer)
      if (this.engine !== "starting") return
      this.engine = "worker"
      this.events.engine("worker")
      this.pump()
      return
    }
    if (message.type === "fragment") {
      this.events.fragment(message.fragment, message.version)
      return
    }
    this.inFlight = false
    if (message.type === "result") this.events.result(message.analysis, message.version, message.ms, "worker")
    else this.events.failed(message.message, message.version)
    this.pump()
  }

  /**
   * Give up on the worker if it has not said "ready" within `ms`, unless the timer itself comes late:
   * then the page was busy (laying out a large text from a link, say), the worker's "ready" may be
   * queued behind it, and it gets a little more time.
   */
  private awaitStart(ms: number): void {
    const due = performance.now() + ms
    this.startTimer = setTimeout(() => {
      if (this.engine !== "starting") return
      if (performance.now() - due > 500) this.awaitStart(250)
      else this.useMain("the worker did not start in time")
    }, ms)
  }

  private useMain(reason: string): void {
    if (this.startTimer !== undefined) clearTimeout(this.startTimer)
    this.worker?.terminate()
    this.worker = undefined
    this.engine = "main"
    this.inFlight = false
    this.events.engine("main", reason)
    this.pump()
  }

  /** A worker that dies mid-analysis is replaced; the input it died on is reported, not retried. */
  private workerCrashed(message: string): void {
    this.inFlight = false
    this.events.failed(message, this.version)
    this.useMain(`the worker crashed (${message})`)
  }
}

/** The worker side: answer every request with its analysis, then its fragment. Runs when this script is a worker. */
export const serveAnalyses = (scope: {
  postMessage: (message: FromWorker) => void
  addEventListener: (type: "message", listener: (e: MessageEvent<ToWorker>) => void) => void
}): void => {
  scope.addEventListener("message", (e) => {
    const { version, input } = e.data
    const started = performance.now()
    try {
      const analysis = analyse(input)
      scope.postMessage({ type: "result", version, analysis, ms: performance.now() - started })
    } catch (error) {
      scope.postMessage({ type: "failed", version, message: error instanceof Error ? error.message : String(error) })
      return
    }
    void encodeState(input).then((fragment) => scope.postMessage({ type: "fragment", version, fragment }))
  })
  scope.postMessage({ type: "ready" })
}

/**
 * One classic script for the page and its worker: in a window it starts the page; loaded as a
 * worker (by the page, from this same file) it answers analysis requests.
 */
import { serveAnalyses } from "./analyser.js"
import { startPage } from "./page.js"

if (typeof document === "undefined") {
  serveAnalyses(self as unknown as Parameters<typeof serveAnalyses>[0])
} else {
  // The URL of this script, for the worker; null when the page is served as modules (vite dev).
  const script = document.currentScript
  const scriptUrl = script instanceof HTMLScriptElement && script.src !== "" ? script.src : undefined
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => startPage(scriptUrl))
  else startPage(scriptUrl)
}

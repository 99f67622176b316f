/**
 * The playground as static files that work from any host and from file://. Chromium refuses module
 * scripts on file:// (CORS, origin "null"), so the build emits one classic deferred script (IIFE)
 * instead of Vite's usual module script; the same file is also the analysis worker (src/main.ts).
 */
import { defineConfig, type Plugin } from "vite"

const classicScript = (): Plugin => ({
  name: "ampkit-classic-script",
  apply: "build",
  transformIndexHtml: {
    order: "post",
    handler: (html) => {
      const out = html
        .replace(/<script type="module" crossorigin src=/g, "<script defer src=")
        .replace(/ crossorigin(?=[\s>])/g, "")
      if (/type="module"|crossorigin/.test(out)) throw new Error("index.html still loads a module or uses CORS")
      return out
    },
  },
})

export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rolldownOptions: { output: { format: "iife", entryFileNames: "assets/playground-[hash].js" } },
  },
  plugins: [classicScript()],
})

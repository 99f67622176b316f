/**
 * The built bundles are portable: no import of anything, no Node global or module, no eval, no
 * `new Function` (scanned by scripts/portability.mjs), and they run in a bare JavaScript context
 * that has only what every browser has (no `process`, `Buffer`, `require`) and refuses code
 * generation from strings at run time.
 */
import { readFileSync } from "node:fs"
import vm from "node:vm"
import * as esbuild from "esbuild"
import { describe, expect, test } from "vitest"
import { describeProblems, forbiddenInputs, portabilityProblems } from "../scripts/portability.mjs"
import { apiIntegrations, sample } from "./corpus.js"

const dist = (file: string): string => readFileSync(new URL(`../dist/${file}`, import.meta.url), "utf8")

describe("the scanner", () => {
  const kinds = (code: string) => portabilityProblems(code).map((p) => p.kind)

  test.each([
    ['import fs from "node:fs"', ["import", "node-module"]],
    ['import { x } from "./x.js"', ["import"]],
    ['export { x } from "./x.js"', ["import"]],
    ['const m = import("./lazy.js")', ["import"]],
    ['const fs = require("fs")', ["node-global"]],
    ['const b = Buffer.from("x")', ["node-global"]],
    ['const b = globalThis.Buffer.from("x")', ["node-global"]],
    ['const e = self["process"].env', ["node-global"]],
    ['if (typeof process !== "undefined") f(process.env)', ["node-global", "node-global"]],
    ["const d = __dirname + module.id", ["node-global", "node-global"]],
    ['eval("1 + 1")', ["eval"]],
    ['(0, eval)("1 + 1")', ["eval"]],
    ['const f = new Function("a", "return a")', ["function-constructor"]],
    ['const f = globalThis.Function("return 1")', ["function-constructor"]],
    ['const h = globalThis.process?.getBuiltinModule?.("node:async_hooks")', ["node-global", "node-module"]],
  ])("finds %s", (code, expected) => {
    expect(kinds(code)).toEqual(expected)
  })

  test.each([
    "const o = { process: 1, node: { start: 0 }, Buffer: 2 }; o.process; o.Buffer; o.require",
    'const s = "process Buffer require eval node: new Function"',
    "const a = new ArrayBuffer(8); const ok = f instanceof Function; const t = x.evaluate()",
    "class A { eval() {} require = 1; get process() { return 0 } }; const { process: p } = o",
    "export { a as validate }; const evaluate = 1; label: for (;;) break label",
  ])("ignores names that are not references: %s", (code) => {
    expect(kinds(code)).toEqual([])
  })
})

describe.each(["index.js", "validate.js"])("%s", (file) => {
  test("has no import, Node global or module, eval or new Function", () => {
    const problems = portabilityProblems(dist(file), file)
    expect(problems, describeProblems(problems, file)).toEqual([])
  })

  test("holds no effect module (the plain face runs without effect)", () => {
    const meta = JSON.parse(dist(file.replace(/\.js$/, ".meta.json"))) as { inputs: Record<string, unknown> }
    expect(Object.keys(meta.inputs).some((input) => input.includes("core/src/Validate.ts"))).toBe(true)
    expect(forbiddenInputs(meta)).toEqual([])
  })
})

describe("forbiddenInputs", () => {
  test("finds effect's modules in an esbuild metafile, in pnpm's layout or not", () => {
    const inputs = {
      "../../node_modules/.pnpm/effect@4.1.5/node_modules/effect/dist/Schema.js": {},
      "node_modules/effect/dist/Data.js": {},
      "../core/src/Shape.ts": {},
      "../../node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js": {},
      "../../node_modules/.pnpm/not-effect@1.0.0/node_modules/not-effect/index.js": {},
    }
    expect(forbiddenInputs({ inputs })).toEqual([
      "../../node_modules/.pnpm/effect@4.1.5/node_modules/effect/dist/Schema.js",
      "node_modules/effect/dist/Data.js",
    ])
    expect(forbiddenInputs({ inputs }, ["yaml"])).toEqual([
      "../../node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js",
    ])
  })
})

describe("index.js in a bare context", () => {
  const run = async () => {
    // The bundle as a classic script (its exports on `ampkit`), in a context with browser globals only.
    const { code } = await esbuild.transform(dist("index.js"), { format: "iife", globalName: "ampkit" })
    const context = vm.createContext(
      { TextEncoder, TextDecoder, URL, console, setTimeout, clearTimeout, queueMicrotask, structuredClone },
      { codeGeneration: { strings: false, wasm: false } },
    )
    vm.runInContext(code, context, { filename: "index.js" })
    return context
  }

  test("no process, Buffer or require there, and code generation is refused", async () => {
    const context = await run()
    expect(vm.runInContext("[typeof process, typeof Buffer, typeof require, typeof global]", context)).toEqual([
      "undefined",
      "undefined",
      "undefined",
      "undefined",
    ])
    expect(() => vm.runInContext('new Function("return 1")()', context)).toThrow(/Code generation from strings/)
    expect(() => vm.runInContext('eval("1")', context)).toThrow(/Code generation from strings/)
  })

  test("validate, decodeText, diff, plan and problem decoding all run there", async () => {
    const context = await run()
    const hubspot = sample("hubspot")
    context.input = {
      netsuite: sample("netsuiteM2M"),
      hubspot,
      edited: hubspot.replace("            - fieldName: website\n", ""),
      live: JSON.stringify(apiIntegrations(hubspot)),
    }
    const out = JSON.parse(
      vm.runInContext(
        `JSON.stringify({
          validate: ampkit.validate(input.netsuite),
          kind: ampkit.decodeText(input.live).document.kind,
          diff: ampkit.diff(input.hubspot, input.edited),
          plan: ampkit.plan(input.live, input.edited),
          problem: ampkit.decodeProblemText('{"title":"Conflict","status":409}'),
        })`,
        context,
      ),
    )
    expect(out.validate.diagnostics.map((d: { rule: string }) => d.rule)).toContain("always-enabled-fields")
    expect(out.kind).toBe("integration-list")
    expect(out.diff.changes.map((c: { id: string }) => c.id)).toEqual(["required-field-removed"])
    expect(out.plan.plan.summary).toEqual({ create: 0, update: 1, unchanged: 0, orphan: 0 })
    expect(out.problem).toMatchObject({ title: "Conflict", status: 409 })
  })
})

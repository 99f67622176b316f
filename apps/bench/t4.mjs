import { Lexer, Parser, Composer, parseDocument } from "yaml"
import * as jsyaml from "js-yaml"
import { measure } from "./dist/measure.js"
import { parseSource } from "@ampkit/core"
import { generateManifest, integrationPool } from "./dist/manifest-generator.js"
import { loadSamples } from "./dist/corpus.js"
const g = generateManifest(integrationPool(loadSamples()), { seed: 60, bytes: 60000 })
const text = g.text
const core = (s) => {
  if (s === "" || s === "~" || s === "null" || s === "Null" || s === "NULL") return null
  if (s === "true" || s === "True" || s === "TRUE") return true
  if (s === "false" || s === "False" || s === "FALSE") return false
  const c = s.charCodeAt(0)
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (/^[-+]?[0-9]+$/.test(s)) return Number(s)
    if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return Number(s)
  }
  return s
}
const load = (src) => {
  const ev = jsyaml.parseEvents(src, {})
  let i = 1
  const node = () => {
    const e = ev[i++]
    switch (e.type) {
      case 4: { const raw = jsyaml.getScalarValue(src, e); return { value: e.style === 1 ? core(raw) : raw, rec: { start: e.valueStart } } }
      case 2: { const out = []; const items = []; while (ev[i].type !== 6) { const n = node(); out.push(n.value); items.push(n.rec) } i++; return { value: out, rec: { start: e.start, items } } }
      case 3: { const out = {}; const members = new Map(); while (ev[i].type !== 6) { const ke = ev[i]; const k = node(); const v = node(); const key = String(k.value); if (members.has(key)) throw new Error("dup"); Object.defineProperty(out, key, { value: v.value, enumerable: true, writable: true, configurable: true }); members.set(key, { key: ke.valueStart, node: v.rec }) } i++; return { value: out, rec: { start: e.start, members } } }
      default: throw new Error("unsupported " + e.type)
    }
  }
  return node()
}
const a = load(text).value, b = jsyaml.load(text)
console.log("same value:", JSON.stringify(a) === JSON.stringify(b))
const cs = [
  { name: "ours parseSource", run: () => parseSource(text) },
  { name: "yaml parseDocument", run: () => parseDocument(text) },
  { name: "yaml Lexer", run: () => { let n = 0; for (const t of new Lexer().lex(text)) n++; return n } },
  { name: "yaml Parser (CST)", run: () => { let n = 0; for (const t of new Parser().parse(text)) n++; return n } },
  { name: "js-yaml load", run: () => jsyaml.load(text) },
  { name: "js-yaml parseEvents", run: () => jsyaml.parseEvents(text, {}) },
  { name: "js-yaml events → value+positions", run: () => load(text) },
]
for (const t of measure(cs, { rounds: 9 })) console.log(t.name.padEnd(36), t.ms.toFixed(2), "min", t.min.toFixed(2))

import { readFileSync } from "node:fs"
import { parseDocument } from "yaml"
import * as jsyaml from "js-yaml"
import { measure } from "./dist/measure.js"
const text = readFileSync("/work/main/corpus/ampersand/samples/unifiedCRM/amp.yaml","utf8")
const only = process.argv[2]
const cs = [{name:"yaml",run:()=>parseDocument(text)},{name:"jsyaml",run:()=>jsyaml.load(text)}].filter(c => !only || only === "all" || c.name === only)
console.log(measure(cs, {warmupMs: Number(process.argv[3] ?? 300), rounds: 11}).map(t=>[t.name,t.ms.toFixed(2),t.min.toFixed(2),t.max.toFixed(2),t.wallMs.toFixed(2), t.calls]))

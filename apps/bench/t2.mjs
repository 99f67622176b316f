import { readFileSync } from "node:fs"
import { parseDocument } from "yaml"
import * as jsyaml from "js-yaml"
import { measure } from "./dist/measure.js"
const text = readFileSync("/work/main/corpus/ampersand/samples/unifiedCRM/amp.yaml","utf8")
console.log(measure([{name:"yaml",run:()=>parseDocument(text)},{name:"jsyaml",run:()=>jsyaml.load(text)}]).map(t=>[t.name,t.ms,t.min,t.max,t.calls]))

import { readFileSync } from "node:fs"
import { parseDocument, parse } from "yaml"
import * as jsyaml from "js-yaml"
const text = readFileSync("/work/main/corpus/ampersand/samples/unifiedCRM/amp.yaml","utf8")
for (const [n,f] of [["yaml.parseDocument",()=>parseDocument(text)],["yaml.parse",()=>parse(text)],["jsyaml",()=>jsyaml.load(text)]]) {
  for (let i=0;i<20;i++) f()
  const t=performance.now(); let k=0; while(performance.now()-t<1000){f();k++}
  console.log(n, ((performance.now()-t)/k).toFixed(3), "ms")
}

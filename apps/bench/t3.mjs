import { readFileSync } from "node:fs"
import { parseDocument } from "yaml"
const text = readFileSync("/work/main/corpus/ampersand/samples/unifiedCRM/amp.yaml","utf8")
const cpu = () => { const u = process.cpuUsage(); return (u.user+u.system)/1000 }
const every = Number(process.argv[2])
for (let i=0;i<20;i++) parseDocument(text)
const t=cpu(); let k=0; let gct = 0
while(cpu()-t<2000){ if (every && k % every === 0) { const g = cpu(); gc(); gct += cpu()-g } parseDocument(text);k++}
console.log("gc every", every, ((cpu()-t-gct)/k).toFixed(3), "ms cpu per call", k)

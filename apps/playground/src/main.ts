import { validate } from "@ampkit/browser"
const el = document.getElementById("o")!
el.textContent = String(validate("specVersion: 1.0.0\nintegrations: []\n").ok)

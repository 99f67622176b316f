/**
 * YAML 1.2 double-quoted escapes of one character (§5.7, `c-ns-esc-char`, less `\x`, `\u`, `\U` and
 * the escaped line break), for both YAML paths (source-yaml-compose.ts and source-yaml-fast.ts).
 * `\` followed by a tab is an escaped tab.
 */
export const yamlEscapes: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "\t": "\t",
}
Object.setPrototypeOf(yamlEscapes, null)

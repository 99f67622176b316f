/** A GitHub-flavoured markdown table; numeric-looking columns are right-aligned. */
export const markdownTable = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const numeric = header.map(
    (_, c) => rows.length > 0 && rows.every((r) => /^[-+]?[0-9.,]+( ?[a-zA-Z×%]+)?$/.test(r[c] ?? "")),
  )
  const widths = header.map((h, c) => Math.max(h.length, 3, ...rows.map((r) => (r[c] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) =>
    `| ${cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(" | ")} |`
  const rule = `| ${widths.map((w, c) => (numeric[c] ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`
  return [line(header), rule, ...rows.map(line)].join("\n")
}

/** Milliseconds with three significant digits (0.0123, 1.23, 12.3, 123). */
export const ms = (value: number): string => {
  if (value >= 100) return value.toFixed(0)
  if (value >= 10) return value.toFixed(1)
  if (value >= 1) return value.toFixed(2)
  return value.toPrecision(3)
}

/** Bytes as KB (1000 B) with one decimal below 100 KB. */
export const kb = (bytes: number): string => {
  const k = bytes / 1000
  return k >= 100 ? `${k.toFixed(0)} KB` : `${k.toFixed(1)} KB`
}

export const ratio = (value: number): string => `${value.toFixed(2)}×`

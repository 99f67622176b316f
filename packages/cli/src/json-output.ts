/**
 * JSON for a terminal: the characters JSON allows raw but a terminal acts on (DEL, C1 controls, bidi
 * and zero-width controls, line and paragraph separators, BOM) written as `\uXXXX` escapes. Valid JSON
 * holds them only inside strings, where the escape means the same character: the value is unchanged.
 * Every JSON the CLI prints goes through it (text output escapes input characters its own way).
 */
export const terminalSafe = (jsonText: string): string =>
  jsonText.replace(
    /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  )

/** A value as indented, terminal-safe JSON (no trailing newline). */
export const json = (value: unknown): string => terminalSafe(JSON.stringify(value, null, 2))

/** The real Ampersand samples (corpus/ampersand/samples), and an API `Integration[]` made from a manifest. */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { decodeText } from "@ampkit/core/Decode"

export const samplesDir = new URL("../../../corpus/ampersand/samples/", import.meta.url).pathname

/** Every sample manifest: its folder (e.g. `zoho/crm`) and text. */
export const samples = (): Array<{ name: string; text: string }> => {
  const out: Array<{ name: string; text: string }> = []
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path, prefix === "" ? entry : `${prefix}/${entry}`)
      else if (/^amp\.ya?ml$/.test(entry)) out.push({ name: prefix, text: readFileSync(path, "utf8") })
    }
  }
  walk(samplesDir, "")
  return out
}

export const sample = (name: string): string => {
  const found = samples().find((s) => s.name === name)
  if (found === undefined) throw new Error(`no sample ${name}`)
  return found.text
}

/** The integrations of manifest texts as list-integrations returns them (one live revision each). */
export const apiIntegrations = (...manifests: ReadonlyArray<string>): Array<Record<string, unknown>> =>
  manifests
    .flatMap((text) => {
      const decoded = decodeText(text, { expected: "manifest" })
      if (!decoded.ok) throw new Error(decoded.message)
      const value = decoded.source.value as { integrations: Array<Record<string, unknown>> }
      return value.integrations
    })
    .map((content, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      projectId: "project-1",
      name: content.name,
      provider: content.provider,
      createTime: "2026-01-05T10:00:00Z",
      latestRevision: { id: `revision-${i}`, specVersion: "1.0.0", createTime: "2026-02-01T09:30:00Z", content },
    }))

/** A line of a text that contains `needle` (1-based); fails when there is none. */
export const lineOf = (text: string, needle: string, from = 1): number => {
  const lines = text.split("\n")
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1
  throw new Error(`no line with ${needle}`)
}

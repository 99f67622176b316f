/** The real manifests of corpus/ampersand/samples, read once. */
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

export interface Sample {
  /** Path under corpus/ampersand/samples, e.g. `unifiedCRM/amp.yaml`. */
  readonly path: string
  readonly text: string
  /** UTF-8 size in bytes. */
  readonly bytes: number
}

/** corpus/ampersand/ of the monorepo (this file runs from apps/bench/dist). */
export const corpusDir = fileURLToPath(new URL("../../../corpus/ampersand/", import.meta.url))

/** Every sample manifest (`amp.yaml` / `amp.yml`), sorted by path so the order never depends on the file system. */
export const loadSamples = (): Array<Sample> => {
  const dir = `${corpusDir}samples/`
  const paths = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => /(^|\/)amp\.ya?ml$/.test(p))
    .sort()
  if (paths.length === 0) throw new Error(`no sample manifests under ${dir}`)
  return paths.map((path) => {
    const text = readFileSync(dir + path, "utf8")
    return { path, text, bytes: Buffer.byteLength(text) }
  })
}

/** The largest sample by bytes (ties: the first path). */
export const largestSample = (samples: ReadonlyArray<Sample>): Sample =>
  samples.reduce((best, s) => (s.bytes > best.bytes ? s : best))

/** The real Ampersand manifests of corpus/ampersand/samples (121 files, some in nested folders), parsed with `yaml`. */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { parse } from "yaml"

export const corpusRoot = join(__dirname, "../../../../corpus/ampersand")

export interface Sample {
  /** Path under samples/, e.g. `salesforce/amp.yaml`. */
  readonly name: string
  readonly text: string
  readonly value: unknown
}

const find = (dir: string): Array<string> =>
  readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) return find(path)
      return /^amp\.ya?ml$/.test(entry) ? [path] : []
    })

/** Every real sample, in path order. */
export const realSamples = (): ReadonlyArray<Sample> =>
  find(join(corpusRoot, "samples")).map((path) => {
    const text = readFileSync(path, "utf8")
    return { name: relative(join(corpusRoot, "samples"), path), text, value: parse(text) as unknown }
  })

/**
 * The real Ampersand corpus (corpus/ampersand/, see its README): where it is and which files it holds.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative, sep } from "node:path"

/** corpus/ampersand/ of the repository. */
export const corpusRoot = join(import.meta.dirname, "../../../../corpus/ampersand")

const walk = (dir: string): Array<string> =>
  readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
    .sort()

const posix = (path: string): string => path.split(sep).join("/")

/** The sample manifests (`amp.yaml` and `amp.yml`, nested folders included), relative to samples/, sorted. */
export const sampleFiles = (): Array<string> =>
  walk(join(corpusRoot, "samples"))
    .filter((path) => /(^|[/\\])amp\.ya?ml$/.test(path))
    .map((path) => posix(relative(join(corpusRoot, "samples"), path)))

/** The YAML files of the validator fixtures (valid/, invalid/, examples/), relative to validator-testdata/, sorted. */
export const validatorTestdataFiles = (): Array<string> =>
  walk(join(corpusRoot, "validator-testdata"))
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => posix(relative(join(corpusRoot, "validator-testdata"), path)))

/** The text of a corpus file, by its path relative to corpus/ampersand/. */
export const corpusText = (path: string): string => readFileSync(join(corpusRoot, path), "utf8")

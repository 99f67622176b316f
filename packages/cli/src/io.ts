/** The CLI's window on the world: streams, environment, files, stdin and git. Injected so tests run in-process. */
import { execFile } from "node:child_process"
import { readdir, readFile, stat } from "node:fs/promises"
import { join, resolve } from "node:path"
import { InputError } from "./errors.js"

export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Whether stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  readonly stdoutIsTTY: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly readStdin: () => Promise<Uint8Array>
}

/** The real process. */
export const processIo = (): Io => ({
  stdout: (text) => {
    process.stdout.write(text)
  },
  stderr: (text) => {
    process.stderr.write(text)
  },
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
  readStdin: async () => {
    const chunks: Array<Buffer> = []
    let size = 0
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length
      if (size > maxInputBytes) throw new InputError({ message: "cannot read <stdin>: larger than 64 MiB" })
      chunks.push(chunk as Buffer)
    }
    return new Uint8Array(Buffer.concat(chunks))
  },
})

export interface Input {
  /** The name shown in output: the path as given, `<stdin>`, or `git:<rev>:<path>`. */
  readonly name: string
  readonly bytes: Uint8Array
}

const maxInputBytes = 64 * 1024 * 1024

/** Read a file, `-` (stdin) or `git:<rev>:<path>`; unreadable input is an InputError (exit 2). */
export const readInput = async (io: Io, spec: string): Promise<Input> => {
  if (spec === "-") return { name: "<stdin>", bytes: await io.readStdin() }
  if (spec.startsWith("git:")) return readGit(io, spec)
  const path = resolve(io.cwd, spec)
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (error) {
    throw new InputError({ message: `cannot read ${spec}: ${reason(error)}` })
  }
  if (info.isDirectory()) throw new InputError({ message: `cannot read ${spec}: it is a directory` })
  if (info.size > maxInputBytes) throw new InputError({ message: `cannot read ${spec}: larger than 64 MiB` })
  try {
    return { name: spec, bytes: new Uint8Array(await readFile(path)) }
  } catch (error) {
    throw new InputError({ message: `cannot read ${spec}: ${reason(error)}` })
  }
}

/** Whether `spec` names a directory (`-`, `git:` inputs and paths that cannot be read are not). */
export const isDirectory = async (io: Io, spec: string): Promise<boolean> => {
  if (spec === "-" || spec.startsWith("git:")) return false
  try {
    return (await stat(resolve(io.cwd, spec))).isDirectory()
  } catch {
    return false
  }
}

/** A YAML file by its name: `*.yaml` or `*.yml`. */
const isYamlName = (name: string): boolean => name.endsWith(".yaml") || name.endsWith(".yml")

/**
 * The `*.yaml` and `*.yml` files beneath the directory `spec`, at any depth, as paths that start with
 * `spec` (`/`-separated), sorted by their path below `spec` in code-unit order, so every platform and
 * locale lists them alike. Skipped: `node_modules` and hidden entries (a name starting with `.`: `.git`,
 * `.github` workflows, `.gitlab-ci.yml` are never manifests). Symbolic links to files are followed; links
 * to directories are not (a link cycle would never end). A directory that cannot be read is an InputError.
 */
export const yamlFilesUnder = async (io: Io, spec: string): Promise<Array<string>> => {
  const root = resolve(io.cwd, spec)
  const found: Array<string> = []
  const walk = async (relative: string): Promise<void> => {
    let entries: Awaited<ReturnType<typeof readdirEntries>>
    try {
      entries = await readdirEntries(join(root, relative))
    } catch (error) {
      throw new InputError({ message: `cannot read ${shown(spec, relative)}: ${reason(error)}` })
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) await walk(path)
      else if (
        isYamlName(entry.name) &&
        (entry.isFile() || (entry.isSymbolicLink() && (await isFile(join(root, path)))))
      )
        found.push(path)
    }
  }
  await walk("")
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((path) => shown(spec, path))
}

const readdirEntries = (path: string) => readdir(path, { withFileTypes: true })

const isFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** A path below the directory as given: `samples` + `a/amp.yaml` → `samples/a/amp.yaml` (no doubled `/`). */
const shown = (spec: string, relative: string): string =>
  relative === "" ? spec : `${spec.endsWith("/") || spec.endsWith("\\") ? spec : `${spec}/`}${relative}`

const reason = (error: unknown): string => {
  const code = (error as { code?: unknown }).code
  if (code === "ENOENT") return "no such file"
  if (code === "EACCES" || code === "EPERM") return "permission denied"
  if (code === "EISDIR") return "it is a directory"
  return typeof code === "string" ? code : "unreadable"
}

/** `git:<rev>:<path>` read with `git show` in the working directory's repository. */
const readGit = (io: Io, spec: string): Promise<Input> => {
  const rest = spec.slice(4)
  const colon = rest.indexOf(":")
  if (colon <= 0 || colon === rest.length - 1) {
    return Promise.reject(new InputError({ message: `bad git input ${spec}: expected git:<rev>:<path>` }))
  }
  const rev = rest.slice(0, colon)
  const path = rest.slice(colon + 1)
  if (rev.startsWith("-")) return Promise.reject(new InputError({ message: `bad git revision in ${spec}` }))
  return new Promise((resolvePromise, reject) => {
    execFile(
      "git",
      // `./` makes git read the path relative to the working directory, as every other input is;
      // a leading `/` means the repository root.
      ["show", `${rev}:${path.startsWith("/") ? path.slice(1) : path.startsWith("./") ? path : `./${path}`}`],
      { cwd: io.cwd, encoding: "buffer", maxBuffer: maxInputBytes },
      (error, stdout, stderr) => {
        if (error) {
          const why = Buffer.from(stderr).toString("utf8").trim().split("\n")[0] ?? "git failed"
          reject(new InputError({ message: `cannot read ${spec}: ${why.replace(/^fatal: /, "")}` }))
        } else resolvePromise({ name: spec, bytes: new Uint8Array(stdout) })
      },
    )
  })
}

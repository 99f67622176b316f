/** The CLI's window on the world: streams, environment, files, stdin and git. Injected so tests run in-process. */
import { execFile } from "node:child_process"
import type { Dirent } from "node:fs"
import { open, readdir, stat } from "node:fs/promises"
import { resolve } from "node:path"
import { getSystemErrorMap } from "node:util"
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
      if (size > maxInputBytes) throw tooLarge("<stdin>")
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

/**
 * The read bound: an input over it is not read at all (exit 2), whether a file, stdin or `git:`. Below
 * it, an input over the core's document limit (`maxBytes`, 4 MiB) is read and refused by the parser
 * with a `document-limit` finding (exit 1), for every kind of input alike.
 */
export const maxInputBytes = 64 * 1024 * 1024

const tooLarge = (name: string): InputError => new InputError({ message: `cannot read ${name}: larger than 64 MiB` })

/**
 * Read a file, `-` (stdin) or `git:<rev>:<path>`; unreadable input is an InputError (exit 2). An empty
 * spec is refused too: it would resolve to the working directory (the commands refuse it first, as a
 * usage error naming the argument).
 */
export const readInput = async (io: Io, spec: string): Promise<Input> => {
  if (spec === "") throw new InputError({ message: 'cannot read "": it needs a non-empty path' })
  if (spec === "-") {
    const bytes = await io.readStdin()
    if (bytes.length > maxInputBytes) throw tooLarge("<stdin>")
    return { name: "<stdin>", bytes }
  }
  if (spec.startsWith("git:")) return readGit(io, spec)
  return readPath(spec, resolve(io.cwd, spec))
}

/** Read a file {@link yamlFilesUnder} found (by its real path, which its shown name may not spell). */
export const readFound = (file: FoundFile): Promise<Input> => readPath(file.name, file.path)

/**
 * Read the file at `path`, shown as `name`. Read in chunks up to the limit, not by its stated size:
 * a device (`/dev/zero`), a pipe (`<(…)`) or a file that grows while read cannot make it read forever.
 */
const readPath = async (name: string, path: string | Buffer): Promise<Input> => {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (error) {
    throw new InputError({ message: `cannot read ${name}: ${reason(error)}` })
  }
  if (info.isDirectory()) throw new InputError({ message: `cannot read ${name}: it is a directory` })
  if (info.size > maxInputBytes) throw tooLarge(name)
  let bytes: Uint8Array | undefined
  try {
    bytes = await readAtMost(path, maxInputBytes, info.size)
  } catch (error) {
    throw new InputError({ message: `cannot read ${name}: ${reason(error)}` })
  }
  if (bytes === undefined) throw tooLarge(name)
  return { name, bytes }
}

/**
 * The bytes of the file at `path`, or undefined when it holds more than `limit`. `expected`: its size as
 * `stat` gave it (0 for pipes and devices): the buffer starts one byte larger, so a regular file that
 * does not change takes one read, and one more that sees its end.
 */
const readAtMost = async (path: string | Buffer, limit: number, expected: number): Promise<Uint8Array | undefined> => {
  const handle = await open(path, "r")
  try {
    let buffer = new Uint8Array(Math.min(Math.max(expected + 1, 4096), limit + 1))
    let filled = 0
    for (;;) {
      if (filled === buffer.length) {
        if (filled > limit) return undefined
        const larger = new Uint8Array(Math.min(buffer.length * 2, limit + 1))
        larger.set(buffer)
        buffer = larger
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return filled > limit ? undefined : buffer.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

/** Whether `spec` names a regular file (following links), relative to the working directory. */
export const isFile = async (io: Io, spec: string): Promise<boolean> => {
  try {
    return (await stat(resolve(io.cwd, spec))).isFile()
  } catch {
    return false
  }
}

/** Whether `spec` names a directory (`-`, `git:` inputs and paths that cannot be read are not). */
export const isDirectory = async (io: Io, spec: string): Promise<boolean> => {
  if (spec === "" || spec === "-" || spec.startsWith("git:")) return false
  try {
    return (await stat(resolve(io.cwd, spec))).isDirectory()
  } catch {
    return false
  }
}

/** A YAML file by its name: `*.yaml` or `*.yml`. */
const isYamlName = (name: string): boolean => name.endsWith(".yaml") || name.endsWith(".yml")

/** A file found beneath a directory: its name as shown (a path that starts with the directory as given). */
export interface FoundFile {
  /** `/`-separated; bytes of a name that are not UTF-8 are shown as `\xFF`. */
  readonly name: string
  /** The real path, as bytes when a name on the way is not UTF-8 (Linux allows any bytes but `/` and NUL). */
  readonly path: string | Buffer
}

/** A `*.yaml` or `*.yml` entry beneath a directory that is not read: `why` says what it is. */
export interface SkippedEntry {
  readonly name: string
  /** e.g. `not a regular file (a pipe)`. */
  readonly why: string
}

/**
 * The `*.yaml` and `*.yml` files beneath the directory `spec`, at any depth, named by paths that start
 * with `spec` (`/`-separated), sorted by their path below `spec` in code-unit order, so every platform and
 * locale lists them alike. Skipped silently: `node_modules` and hidden entries (a name starting with `.`:
 * `.git`, `.github` workflows, `.gitlab-ci.yml` are never manifests). Skipped and returned in `skipped`
 * (same order), so the caller says so: entries named `*.yaml` that are no regular file (a pipe, a device,
 * a socket, a link to a directory). Symbolic links to files are followed; links to directories are
 * not (a link cycle would never end); a link named `*.yaml` that leads nowhere (dangling, or a loop of
 * links) is listed, so that reading it reports it. A directory that cannot be read is an InputError.
 * File names that are not UTF-8 are read by their bytes and shown with `\xNN` escapes.
 */
export const yamlFilesUnder = async (
  io: Io,
  spec: string,
): Promise<{ readonly files: Array<FoundFile>; readonly skipped: Array<SkippedEntry> }> => {
  const root = Buffer.from(resolve(io.cwd, spec))
  const found: Array<FoundFile & { readonly relative: string }> = []
  const skipped: Array<SkippedEntry & { readonly relative: string }> = []
  const walk = async (relative: string, dir: Buffer): Promise<void> => {
    let entries: Array<Dirent<Buffer>>
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: "buffer" })
    } catch (error) {
      throw new InputError({ message: `cannot read ${shown(spec, relative)}: ${reason(error)}` })
    }
    for (const entry of entries) {
      const raw = entry.name
      const name = fileName(raw)
      if (name.startsWith(".") || name === "node_modules") continue
      const path = relative === "" ? name : `${relative}/${name}`
      const full = Buffer.concat([dir, slash, raw])
      if (entry.isDirectory()) await walk(path, full)
      else if (isYamlName(name)) {
        const other = entry.isFile() ? undefined : entry.isSymbolicLink() ? await linkedOther(full) : kindOf(entry)
        if (other === undefined) found.push({ relative: path, name: shown(spec, path), path: utf8(full) ?? full })
        else skipped.push({ relative: path, name: shown(spec, path), why: `not a regular file (${other})` })
      }
    }
  }
  await walk("", root)
  const byPath = (a: { relative: string }, b: { relative: string }) =>
    a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0
  return {
    files: found.sort(byPath).map(({ name, path }) => ({ name, path })),
    skipped: skipped.sort(byPath).map(({ name, why }) => ({ name, why })),
  }
}

/** What an entry that is no regular file is, in words. */
const kindOf = (entry: {
  isFIFO(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
  isSocket(): boolean
  isDirectory(): boolean
}): string =>
  entry.isFIFO()
    ? "a pipe"
    : entry.isCharacterDevice() || entry.isBlockDevice()
      ? "a device"
      : entry.isSocket()
        ? "a socket"
        : entry.isDirectory()
          ? "a directory"
          : "of an unknown type"

const slash = Buffer.from("/")

/**
 * Undefined when a symbolic link leads to a regular file, or nowhere (dangling, a loop: then reading it
 * says why); else what it leads to (`a link to a pipe`), which is not read (a link to a directory is
 * not followed).
 */
const linkedOther = async (path: Buffer): Promise<string | undefined> => {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch {
    return undefined
  }
  return info.isFile() ? undefined : `a link to ${kindOf(info)}`
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })

/** `bytes` as a string when they are UTF-8. */
const utf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** A file name's bytes as text: UTF-8 as is, any other byte as `\xNN`. */
const fileName = (bytes: Uint8Array): string => {
  const whole = utf8(bytes)
  if (whole !== undefined) return whole
  let out = ""
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0
    const text = length === 0 ? undefined : utf8(bytes.subarray(i, i + length))
    if (text === undefined || i + length > bytes.length) {
      out += `\\x${lead.toString(16).toUpperCase().padStart(2, "0")}`
      i++
    } else {
      out += text
      i += length
    }
  }
  return out
}

/** A path below the directory as given: `samples` + `a/amp.yaml` → `samples/a/amp.yaml` (no doubled `/`). */
const shown = (spec: string, relative: string): string =>
  relative === ""
    ? spec
    : spec === ""
      ? relative
      : `${spec.endsWith("/") || spec.endsWith("\\") ? spec : `${spec}/`}${relative}`

/**
 * What a failed file-system call says, in words: the common ones plainly (`no such file`), any other
 * system error by the system's text and its code (`i/o error (EIO)`, `no space left on device (ENOSPC)`),
 * never a bare code.
 */
export const reason = (error: unknown, fallback = "unreadable"): string => {
  const { code, errno } = error as { code?: unknown; errno?: unknown }
  if (code === "ENOENT") return "no such file"
  if (code === "EACCES" || code === "EPERM") return "permission denied"
  if (code === "EISDIR") return "it is a directory"
  if (code === "ELOOP") return "a loop of symbolic links"
  if (code === "ENOTDIR") return "a part of the path is not a directory"
  if (code === "ENAMETOOLONG") return "the name is too long"
  if (typeof code !== "string") return fallback
  const system = typeof errno === "number" ? getSystemErrorMap().get(errno) : undefined
  const text =
    system !== undefined && system[0] === code
      ? system[1]
      : [...getSystemErrorMap().values()].find(([name]) => name === code)?.[1]
  return text !== undefined ? `${text} (${code})` : `error ${code}`
}

/**
 * `git:<rev>:<path>` read with `git cat-file blob` in the working directory's repository: a path that
 * is not in `<rev>` is an error ("path 'x' does not exist in 'HEAD'"). (`git show <rev>:<path>` takes a
 * path that does not exist and holds `*`, `?` or `[` for a pathspec, and prints nothing with exit 0.)
 */
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
      [
        "cat-file",
        "blob",
        `${rev}:${path.startsWith("/") ? path.slice(1) : path.startsWith("./") ? path : `./${path}`}`,
      ],
      { cwd: io.cwd, encoding: "buffer", maxBuffer: maxInputBytes },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise({ name: spec, bytes: new Uint8Array(stdout) })
        const code = (error as { code?: unknown }).code
        if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return reject(tooLarge(spec))
        if (code === "ENOENT") return reject(new InputError({ message: `cannot read ${spec}: git is not installed` }))
        const said = Buffer.from(stderr)
          .toString("utf8")
          .trim()
          .split("\n")[0]
          ?.replace(/^(fatal|error): /, "")
        const why =
          said === undefined || said === ""
            ? typeof code === "string"
              ? reason(error)
              : "git failed"
            : / bad file$/.test(said)
              ? `${path} is not a file in ${rev} (a directory?)`
              : said
        reject(new InputError({ message: `cannot read ${spec}: ${why}` }))
      },
    )
  })
}

/**
 * Argument parsing on node:util parseArgs, strict: unknown flags, missing values and a single-valued
 * option given twice are usage errors, each in the CLI's own words (never parseArgs' message).
 */
import { type ParseArgsConfig, parseArgs } from "node:util"
import { suggest } from "@ampkit/core"
import { UsageError } from "./errors.js"

export type Options = NonNullable<ParseArgsConfig["options"]>

export interface Parsed {
  readonly values: Record<string, string | boolean | Array<string | boolean> | undefined>
  readonly positionals: Array<string>
}

/** An argument as shown in a message, cut at 40 characters (main.ts escapes every message). */
const shownArg = (arg: string): string => (arg.length > 40 ? `${arg.slice(0, 40)}…` : arg)

/**
 * `args` with what parseArgs would reject in its own words settled first:
 * - `--max-batch -1`: a value that starts with `-` is refused by parseArgs as "ambiguous"; a negative
 *   number cannot be an option, so it is taken as the value (`--max-batch=-1`) and the option's own check
 *   says what it needs; any other (`--current --format`) is a usage error that names both;
 * - `--strict=yes`: a flag given a value.
 */
const settle = (args: ReadonlyArray<string>, options: Options): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    out.push(arg)
    if (arg === "--") {
      out.push(...args.slice(i + 1))
      break
    }
    const long = /^--([^=]+)(=.*)?$/s.exec(arg)
    if (long === null) continue
    const name = long[1]!
    const option = Object.hasOwn(options, name) ? options[name] : undefined
    if (option === undefined) continue
    if (option.type === "boolean") {
      if (long[2] !== undefined) throw new UsageError({ message: `--${name} takes no value (got ${shownArg(arg)})` })
      continue
    }
    const next = args[i + 1]
    if (long[2] !== undefined || next === undefined) continue
    if (next.length > 1 && next.startsWith("-")) {
      if (!/^-[0-9.]/.test(next)) {
        throw new UsageError({
          message: `--${name} needs a value, but ${shownArg(next)} looks like an option (if it is the value, write --${name}=${shownArg(next)})`,
        })
      }
      out[out.length - 1] = `--${name}=${next}`
    } else out.push(next)
    i++
  }
  return out
}

export const parse = (args: ReadonlyArray<string>, options: Options): Parsed => {
  const all: Options = { ...options, help: { type: "boolean", short: "h" } }
  try {
    const { values, positionals, tokens } = parseArgs({
      args: settle(args, all),
      options: all,
      allowPositionals: true,
      strict: true,
      tokens: true,
    })
    // parseArgs keeps the last of two values: `--current a --current b` would silently ignore `a`.
    const seen = new Set<string>()
    for (const token of tokens) {
      if (token.kind !== "option" || all[token.name]?.type !== "string" || all[token.name]?.multiple === true) continue
      if (seen.has(token.name)) {
        throw new UsageError({ message: `--${token.name} given twice: it takes one value` })
      }
      seen.add(token.name)
    }
    return { values: values as Parsed["values"], positionals }
  } catch (error) {
    if (error instanceof UsageError) throw error
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error)
    const code = (error as { code?: unknown }).code
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message)
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown !== null) {
      const flags = ["--help", ...Object.keys(options).map((name) => `--${name}`)]
      const near = suggest(unknown[1]!, flags)
      throw new UsageError({
        message: `unknown option ${shownArg(unknown[1]!)}${near !== undefined ? ` (did you mean ${near}?)` : ""}`,
      })
    }
    const missing = /^Option '(?:-[^ ,']*, )?(-{1,2}[^ ']*)[^']*' argument missing/.exec(message)
    if (missing !== null) throw new UsageError({ message: `${missing[1]} needs a value` })
    const flag = /^Option '(?:-[^ ,']*, )?(-{1,2}[^ ']*)[^']*' does not take an argument/.exec(message)
    if (flag !== null) throw new UsageError({ message: `${flag[1]} takes no value` })
    throw new UsageError({ message: message.replace(/\. To specify a positional argument.*$/, "") })
  }
}

/** One value of an enumerated flag, with a clear error listing the choices. */
export const choice = <T extends string>(flag: string, value: unknown, choices: ReadonlyArray<T>, fallback: T): T => {
  if (value === undefined) return fallback
  if (typeof value === "string" && (choices as ReadonlyArray<string>).includes(value)) return value as T
  throw new UsageError({ message: `--${flag} must be one of ${choices.join(", ")} (got ${String(value)})` })
}

export const strings = (value: unknown): Array<string> =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]

/**
 * A path argument (`<file>`, `--current <file>` …) as given, refused when empty: `""` would resolve to
 * the working directory, so `ampkit validate "$UNSET"` would validate every file there and pass.
 */
export const pathArg = <T extends string | undefined>(what: string, value: T): T => {
  if (value === "") throw new UsageError({ message: `${what} needs a non-empty path (got "")` })
  return value
}

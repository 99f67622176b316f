/** Argument parsing on node:util parseArgs, strict: unknown flags and missing values are usage errors. */
import { type ParseArgsConfig, parseArgs } from "node:util"
import { suggest } from "@ampkit/core"
import { UsageError } from "./errors.js"

export type Options = NonNullable<ParseArgsConfig["options"]>

export interface Parsed {
  readonly values: Record<string, string | boolean | Array<string | boolean> | undefined>
  readonly positionals: Array<string>
}

export const parse = (args: ReadonlyArray<string>, options: Options): Parsed => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    })
    return { values: values as Parsed["values"], positionals }
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error)
    const code = (error as { code?: unknown }).code
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message)
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown !== null) {
      const flags = ["--help", ...Object.keys(options).map((name) => `--${name}`)]
      const near = suggest(unknown[1]!, flags)
      throw new UsageError({
        message: `unknown option ${unknown[1]}${near !== undefined ? ` (did you mean ${near}?)` : ""}`,
      })
    }
    const missing = /^Option '(-{1,2}[^ ']*)[^']*' argument missing/.exec(message)
    if (missing !== null) throw new UsageError({ message: `${missing[1]} needs a value` })
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

/** ampkit's command line: arguments → inputs → @ampkit/core → output and exit code. No domain logic here. */

import { writeSync } from "node:fs"
import { escapeControl, suggest } from "@ampkit/core"
import { runDiff } from "./commands/diff.js"
import { runPlan } from "./commands/plan.js"
import { runProblem } from "./commands/problem.js"
import { runSchema } from "./commands/schema.js"
import { runValidate } from "./commands/validate.js"
import { exitCode, InputError, InputFindingsError, UsageError } from "./errors.js"
import { type Io, processIo, reason } from "./io.js"
import { terminalSafe } from "./json-output.js"
import { version } from "./version.js"

export type { Io } from "./io.js"

const commands: Record<string, (args: ReadonlyArray<string>, io: Io) => Promise<number>> = {
  validate: runValidate,
  diff: runDiff,
  schema: runSchema,
  plan: runPlan,
  problem: runProblem,
}

export const mainHelp = `ampkit ${version}: validate, diff and plan Ampersand amp.yaml manifests

Usage: ampkit <command> [options]

Commands:
  validate [<file|dir|->...]      check manifests with every rule (exit 1 on errors)
  diff <old> <new>                compare two definitions by meaning (exit 1 at --fail-on)
  schema                          print the JSON Schema of amp.yaml
  plan --current <f> <amp.yaml>   plan a deploy: what changes, in which batch requests (sends nothing)
  plan verify <plan.json>         refuse a stale plan: exit 1 when live revisions moved since
  problem <file|->                explain an Ampersand API error body (--manifest maps issues to lines)

Options:
  -h, --help      show help (also after a command: ampkit validate --help)
  -v, --version   print the version

Exit codes: 0 success, 1 findings, 2 usage or input error, 70 internal error.
`

/** Run the CLI with the given arguments (without `node` and the script) and return the exit code. */
export const run = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const [command, ...rest] = argv
  try {
    if (command === undefined) {
      io.stderr(mainHelp)
      return exitCode.usage
    }
    if (command === "--help" || command === "-h" || command === "help") {
      io.stdout(mainHelp)
      return exitCode.ok
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${version}\n`)
      return exitCode.ok
    }
    const handler = Object.hasOwn(commands, command) ? commands[command] : undefined
    if (handler === undefined) {
      const near = command.startsWith("-")
        ? suggest(command, ["--help", "--version"])
        : suggest(command, Object.keys(commands))
      const what = command.startsWith("-") ? "option" : "command"
      throw new UsageError({
        message: `unknown ${what} ${terminalSafe(JSON.stringify(command))}${near !== undefined ? ` (did you mean ${near}?)` : ""}`,
      })
    }
    return await handler(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `ampkit: ${escapeControl(error.message)}\nRun ampkit ${command !== undefined && Object.hasOwn(commands, command) ? `${command} ` : ""}--help for usage.\n`,
      )
      return exitCode.usage
    }
    if (error instanceof InputFindingsError) {
      io.stderr(`ampkit: ${escapeControl(error.message)}\n${error.details}`)
      return exitCode.findings
    }
    if (error instanceof InputError) {
      io.stderr(`ampkit: ${escapeControl(error.message)}\n`)
      return exitCode.input
    }
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    io.stderr(
      `ampkit: internal error (sorry, this is a bug in ampkit ${version}): ${escapeControl(what.split("\n")[0]!.slice(0, 200))}\n` +
        "Please report it with the command you ran and the input file.\n",
    )
    return exitCode.defect
  }
}

/**
 * What to do when writing stdout or stderr fails: a reader that stops early (`ampkit schema | head -1`)
 * closes the pipe, so end quietly with the exit code so far; any other failure (a full disk, an i/o
 * error) is an error of the environment: one line on stderr (when stdout is what failed) and exit 2,
 * never a stack trace.
 */
export const outputFailure = (
  error: unknown,
  stream: "stdout" | "stderr",
  exitSoFar: number | undefined,
): { readonly exit: number; readonly message?: string } => {
  if ((error as { code?: unknown }).code === "EPIPE") return { exit: exitSoFar ?? exitCode.ok }
  return {
    exit: exitCode.input,
    ...(stream === "stdout" ? { message: `ampkit: cannot write the output: ${reason(error, "write failed")}\n` } : {}),
  }
}

/** Entry point of the `ampkit` binary. */
export const main = async (): Promise<void> => {
  for (const [name, stream] of [
    ["stdout", process.stdout],
    ["stderr", process.stderr],
  ] as const) {
    stream.on("error", (error: unknown) => {
      const exitCode = typeof process.exitCode === "number" ? process.exitCode : undefined
      const { exit, message } = outputFailure(error, name, exitCode)
      if (message !== undefined) {
        try {
          writeSync(2, message)
        } catch {
          // stderr cannot be written either: the exit code is all that is left.
        }
      }
      process.exit(exit)
    })
  }
  process.exitCode = await run(process.argv.slice(2), processIo())
}

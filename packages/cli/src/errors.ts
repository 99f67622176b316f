/** Expected failures of the CLI and the ONE table from failure to exit code. */

/** Wrong usage: unknown flag or command, missing argument, bad flag value. Exit 2. */
export class UsageError extends Error {
  readonly _tag = "UsageError"
  constructor(args: { message: string }) {
    super(args.message)
  }
}

/** An input that cannot be used: missing or unreadable file, or a document of the wrong kind. Exit 2. */
export class InputError extends Error {
  readonly _tag = "InputError"
  constructor(args: { message: string }) {
    super(args.message)
  }
}

/**
 * An input that was read but is no usable document: it does not parse (bad YAML or JSON, a duplicate
 * key, an alias bomb) or it is of the right kind with defects. Its diagnostics are findings, so the
 * exit code is 1, as for validate (contract.md); `details` is rendered text, already escaped.
 */
export class InputFindingsError extends Error {
  readonly _tag = "InputFindingsError"
  readonly details: string
  constructor(args: { message: string; details: string }) {
    super(args.message)
    this.details = args.details
  }
}

export const exitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  input: 2,
  defect: 70,
} as const

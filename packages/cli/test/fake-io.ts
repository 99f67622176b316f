/** An in-memory Io for running the CLI in-process. */
import type { Io } from "../src/io.js"

export interface Captured {
  readonly io: Io
  readonly out: () => string
  readonly err: () => string
}

export const fakeIo = (
  options: { stdin?: string | Uint8Array; tty?: boolean; env?: Record<string, string>; cwd?: string } = {},
): Captured => {
  let out = ""
  let err = ""
  const stdin = options.stdin ?? ""
  return {
    io: {
      stdout: (t) => {
        out += t
      },
      stderr: (t) => {
        err += t
      },
      stdoutIsTTY: options.tty ?? false,
      env: options.env ?? {},
      cwd: options.cwd ?? new URL("../../..", import.meta.url).pathname,
      readStdin: async () => (typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin),
    },
    out: () => out,
    err: () => err,
  }
}

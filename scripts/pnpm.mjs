// Shared by demo.mjs and test.mjs: run pnpm (the pinned version), installing nothing globally.
import { execFileSync, spawnSync } from "node:child_process"

export const pnpmVersion = "12.23.0"

/** The command that runs the pinned pnpm: a matching global pnpm, else `npx -y pnpm@<version>`. */
export const pnpmCommand = () => {
  try {
    const v = execFileSync("pnpm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()
    if (v === pnpmVersion) return ["pnpm"]
  } catch {}
  return ["npx", "-y", `pnpm@${pnpmVersion}`]
}

/** Run a command with inherited output; returns the exit status. */
export const sh = (cmd, args, options = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...options })
  if (r.error) throw r.error
  return r.status ?? 1
}

export const pnpm = (args, options = {}) => {
  const [cmd, ...pre] = pnpmCommand()
  return sh(cmd, [...pre, ...args], {
    ...options,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", ...(options.env ?? {}) },
  })
}

/** Install dependencies (frozen lockfile) and build every package. Exits on failure. */
export const setup = ({ filter } = {}) => {
  if (pnpm(["install", "--frozen-lockfile", "--reporter=append-only"]) !== 0) process.exit(2)
  const build = ["exec", "turbo", "run", "build", "--output-logs=errors-only"]
  if (filter) build.push(`--filter=${filter}`)
  if (pnpm(build) !== 0) process.exit(2)
}

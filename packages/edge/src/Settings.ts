/**
 * Settings: limits and CORS origins, with documented defaults, read from a Worker's environment
 * bindings (or any string map). An invalid binding value never fails a request: it falls back to the
 * default and is reported in `warnings` for the deployment's log. The table in README.md mirrors
 * `settingBounds` and `defaultSettings`.
 */

/** `"*"` (any origin) or exact origins (`https://example.com`, normalised by the URL parser). */
export type AllowedOrigins = "*" | ReadonlyArray<string>

export interface Limits {
  /** Longest request body read, in bytes; reading stops at this plus one byte (413). */
  readonly maxBodyBytes: number
  /** Most issues (and most warnings, most diagnostics) listed in one response; the rest are only counted. */
  readonly maxIssues: number
}

export interface Settings {
  readonly limits: Limits
  /** Origins that get CORS headers; the empty list means same-origin only. */
  readonly allowedOrigins: AllowedOrigins
}

export const defaultSettings: Settings = {
  limits: { maxBodyBytes: 262_144, maxIssues: 100 },
  allowedOrigins: [],
}

/** Accepted ranges (inclusive) of the numeric settings. */
export const settingBounds = {
  maxBodyBytes: { min: 1, max: 16_777_216 },
  maxIssues: { min: 1, max: 10_000 },
} as const

/** The environment binding of each setting. */
export const settingBindings = {
  maxBodyBytes: "MAX_BODY_BYTES",
  maxIssues: "MAX_ISSUES",
  allowedOrigins: "ALLOWED_ORIGINS",
} as const

export interface SettingsFromEnv {
  readonly settings: Settings
  /** One sentence per binding that was present but invalid (its default was used instead). */
  readonly warnings: ReadonlyArray<string>
}

/** Read `MAX_BODY_BYTES`, `MAX_ISSUES` and `ALLOWED_ORIGINS`; absent or empty bindings take the default. */
export const settingsFromEnv = (env: Readonly<Record<string, unknown>>): SettingsFromEnv => {
  const warnings: Array<string> = []
  const integer = (key: "maxBodyBytes" | "maxIssues"): number => {
    const binding = settingBindings[key]
    const raw = env[binding]
    const fallback = defaultSettings.limits[key]
    if (raw === undefined || raw === null || raw === "") return fallback
    const { min, max } = settingBounds[key]
    const n =
      typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d{1,10}\s*$/.test(raw) ? Number(raw) : NaN
    if (Number.isSafeInteger(n) && n >= min && n <= max) return n
    warnings.push(`${binding} must be an integer from ${min} to ${max}; using the default ${fallback}`)
    return fallback
  }
  const origins = (): AllowedOrigins => {
    const binding = settingBindings.allowedOrigins
    const raw = env[binding]
    if (raw === undefined || raw === null || raw === "") return defaultSettings.allowedOrigins
    const parsed = typeof raw === "string" ? parseOrigins(raw) : undefined
    if (parsed !== undefined) return parsed
    warnings.push(`${binding} must be "*" or a comma-separated list of origins like https://example.com; using none`)
    return defaultSettings.allowedOrigins
  }
  const settings: Settings = {
    limits: { maxBodyBytes: integer("maxBodyBytes"), maxIssues: integer("maxIssues") },
    allowedOrigins: origins(),
  }
  return { settings, warnings }
}

/** `"*"`, or each comma-separated entry as a normalised http(s) origin; `undefined` when any entry is not one. */
export const parseOrigins = (raw: string): AllowedOrigins | undefined => {
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
  if (entries.length === 0) return []
  if (entries.length === 1 && entries[0] === "*") return "*"
  const out: Array<string> = []
  for (const entry of entries) {
    const origin = originOf(entry)
    if (origin === undefined) return undefined
    if (!out.includes(origin)) out.push(origin)
  }
  return out
}

/** The serialised origin of `scheme://host[:port]` (nothing else: no path, query, user or fragment). */
const originOf = (entry: string): string | undefined => {
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(entry)) return undefined
  try {
    const url = new URL(entry)
    return url.origin === "null" ? undefined : url.origin
  } catch {
    return undefined
  }
}

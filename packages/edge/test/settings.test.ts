import { describe, expect, it } from "vitest"
import { defaultSettings, parseOrigins, settingsFromEnv } from "../src/index.js"

describe("settingsFromEnv", () => {
  it("uses the documented defaults when no binding is set", () => {
    expect(settingsFromEnv({})).toEqual({ settings: defaultSettings, warnings: [] })
    expect(defaultSettings).toEqual({ limits: { maxBodyBytes: 262_144, maxIssues: 100 }, allowedOrigins: [] })
    expect(settingsFromEnv({ MAX_BODY_BYTES: "", ALLOWED_ORIGINS: "", MAX_ISSUES: undefined }).warnings).toEqual([])
  })

  it("reads valid bindings, as strings or as JSON numbers", () => {
    const { settings, warnings } = settingsFromEnv({
      MAX_BODY_BYTES: " 65536 ",
      MAX_ISSUES: 20,
      ALLOWED_ORIGINS: "https://app.example.com, http://localhost:5173",
    })
    expect(warnings).toEqual([])
    expect(settings).toEqual({
      limits: { maxBodyBytes: 65_536, maxIssues: 20 },
      allowedOrigins: ["https://app.example.com", "http://localhost:5173"],
    })
    expect(settingsFromEnv({ ALLOWED_ORIGINS: "*" }).settings.allowedOrigins).toBe("*")
    expect(settingsFromEnv({ MAX_BODY_BYTES: 16_777_216 }).settings.limits.maxBodyBytes).toBe(16_777_216)
  })

  it("falls back to the default, with a warning, for each invalid binding", () => {
    const bad: Array<[string, unknown]> = [
      ["MAX_BODY_BYTES", "0"],
      ["MAX_BODY_BYTES", "-5"],
      ["MAX_BODY_BYTES", "1e6"],
      ["MAX_BODY_BYTES", "1.5"],
      ["MAX_BODY_BYTES", "16777217"],
      ["MAX_BODY_BYTES", "99999999999999999999"],
      ["MAX_BODY_BYTES", "256kb"],
      ["MAX_BODY_BYTES", Number.NaN],
      ["MAX_BODY_BYTES", true],
      ["MAX_ISSUES", "0"],
      ["MAX_ISSUES", 10_001],
      ["ALLOWED_ORIGINS", "app.example.com"],
      ["ALLOWED_ORIGINS", "https://app.example.com/path"],
      ["ALLOWED_ORIGINS", "https://ok.example, ftp://files.example"],
      ["ALLOWED_ORIGINS", "https://user@app.example.com"],
      ["ALLOWED_ORIGINS", "*, https://app.example.com"],
      ["ALLOWED_ORIGINS", ["https://app.example.com"]],
    ]
    for (const [binding, value] of bad) {
      const { settings, warnings } = settingsFromEnv({ [binding]: value })
      expect(settings, `${binding}=${String(value)}`).toEqual(defaultSettings)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(new RegExp(`^${binding} must be`))
    }
  })

  it("normalises origins like a browser serialises them and drops duplicates", () => {
    expect(parseOrigins("HTTPS://App.Example.COM:443, https://app.example.com/")).toEqual(["https://app.example.com"])
    expect(parseOrigins("http://localhost:8080")).toEqual(["http://localhost:8080"])
    expect(parseOrigins(" , ")).toEqual([])
  })
})

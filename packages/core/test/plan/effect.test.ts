import { readFileSync } from "node:fs"
import * as Effect from "effect/Effect"
import { describe, expect, test } from "vitest"
import { planFromText } from "../../src/Plan.js"
import { InvalidManifestError, PlanInputError, planEffect } from "../../src/PlanEffect.js"

const read = (file: string): string =>
  readFileSync(new URL(`../fixtures/plan/every-action/${file}`, import.meta.url), "utf8")

describe("planEffect: the Effect face", () => {
  test("succeeds with the same plan as the plain face", () => {
    const input = { current: read("current.json"), desired: read("desired.yaml") }
    const plain = planFromText(input)
    if (!plain.ok) throw new Error("fixture does not plan")
    expect(Effect.runSync(planEffect(input))).toEqual(plain.plan)
  })

  test("fails with PlanInputError naming the input", () => {
    const error = Effect.runSync(Effect.flip(planEffect({ current: "{}", desired: read("desired.yaml") })))
    expect(error).toBeInstanceOf(PlanInputError)
    expect(error).toMatchObject({ _tag: "PlanInputError", input: "current" })
    const batch = Effect.runSync(Effect.flip(planEffect({ current: "[]", desired: read("desired.yaml"), maxBatch: 0 })))
    expect(batch).toMatchObject({ _tag: "PlanInputError", input: "maxBatch" })
  })

  test("fails with InvalidManifestError carrying the validation report", () => {
    const error = Effect.runSync(
      Effect.flip(planEffect({ current: "[]", desired: "specVersion: 2.0.0\nintegrations: []\n" })),
    )
    expect(error).toBeInstanceOf(InvalidManifestError)
    if (error._tag !== "InvalidManifestError") throw new Error("wrong error")
    expect(error.report.ok).toBe(false)
    expect(error.message).toMatch(/^the desired manifest has \d+ errors?: no plan$/)
  })
})

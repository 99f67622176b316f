/**
 * Scaling of hostile shapes: ampkit's time on an input of size n and of size 2n, measured side by side.
 * Work that grows linearly doubles (≈ 2×); work that compares every item with every other quadruples
 * (≈ 4×). The shapes are those that once were quadratic: many `# amp:ignore` directives over many
 * findings, and one directive naming very many ids (packages/core/test/validate/ignore-directive-hostile
 * checks their results at scale; their speed is measured here, never in a test).
 */
import { validate } from "@ampkit/core"
import { measure, type Timing } from "./measure.js"

export interface ScalingShape {
  readonly label: string
  /** The input at size `n`. */
  readonly make: (n: number) => string
  /** The smaller size; the larger is twice it. */
  readonly n: number
}

export interface ScalingRow {
  readonly label: string
  readonly n: number
  readonly bytes: readonly [number, number]
  readonly timings: readonly [Timing, Timing]
  /** Time at 2n over time at n. */
  readonly growth: number
}

/** `n` integrations, each with an unknown key (one `unknown-key` warning each). */
const integrations = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `  - name: i${i}\n    provider: hubspot\n    colour: red\n    proxy: {enabled: true}\n`,
  ).join("")

export const scalingShapes: ReadonlyArray<ScalingShape> = [
  {
    label: "n directive lines above `integrations:`, n/4 warnings under it",
    make: (n) => `specVersion: 1.0.0\n${"# amp:ignore[unknown-key]\n".repeat(n)}integrations:\n${integrations(n / 4)}`,
    n: 8_000,
  },
  {
    label: "one directive naming n unknown ids (each reported), n/30 warnings under it",
    make: (n) =>
      `specVersion: 1.0.0\nintegrations: # amp:ignore[${Array.from({ length: n }, (_, i) => `x${i}`).join(",")},unknown-key]\n${integrations(n / 30)}`,
    n: 60_000,
  },
  {
    label: "n integrations, no directive (baseline)",
    make: (n) => `specVersion: 1.0.0\nintegrations:\n${integrations(n)}`,
    n: 8_000,
  },
]

export const scalingCase = (shape: ScalingShape): ScalingRow => {
  const small = shape.make(shape.n)
  const large = shape.make(2 * shape.n)
  const [a, b] = measure(
    [
      { name: `n = ${shape.n}`, run: () => validate(small) },
      { name: `n = ${2 * shape.n}`, run: () => validate(large) },
    ],
    { rounds: 3, batchMs: 200, warmupMs: 200 },
  ) as [Timing, Timing]
  const bytes = (s: string) => new TextEncoder().encode(s).length
  return { label: shape.label, n: shape.n, bytes: [bytes(small), bytes(large)], timings: [a, b], growth: b.ms / a.ms }
}

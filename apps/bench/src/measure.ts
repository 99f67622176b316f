/**
 * Timing method: each contender is warmed up, then timed in several rounds; within a round every
 * contender runs one batch, in an order rotated each round (interleaving cancels drift from
 * turbo clocks, other processes and heap growth). A batch is as many calls as fill `batchMs`; the
 * figure reported is the median per-call time over the rounds. With `--expose-gc`, a full GC runs
 * before each batch so one contender's garbage is not collected on another's clock.
 */

export interface Contender {
  readonly name: string
  readonly run: () => unknown
}

export interface Timing {
  readonly name: string
  /** Median milliseconds per call. */
  readonly ms: number
  readonly min: number
  readonly max: number
  /** Calls per batch and number of batches. */
  readonly calls: number
  readonly rounds: number
}

export interface MeasureOptions {
  readonly rounds?: number
  readonly batchMs?: number
  readonly warmupMs?: number
}

/** Results are kept here so the optimiser cannot drop a call whose value is unused. */
let sink: unknown
export const lastSink = (): unknown => sink

const gc = globalThis.gc
const collect = (): void => {
  if (gc !== undefined) gc()
}

const median = (values: ReadonlyArray<number>): number => {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Warm up, then calls per batch so that one batch takes about `batchMs`. */
const calibrate = (c: Contender, warmupMs: number, batchMs: number): number => {
  const start = performance.now()
  let calls = 0
  let elapsed = 0
  while (calls < 3 || elapsed < warmupMs) {
    sink = c.run()
    calls++
    elapsed = performance.now() - start
  }
  return Math.max(1, Math.round(batchMs / (elapsed / calls)))
}

const batch = (c: Contender, calls: number): number => {
  collect()
  const start = performance.now()
  for (let i = 0; i < calls; i++) sink = c.run()
  return (performance.now() - start) / calls
}

/** Time the contenders against each other in one interleaved run. */
export const measure = (contenders: ReadonlyArray<Contender>, options: MeasureOptions = {}): Array<Timing> => {
  const rounds = options.rounds ?? 7
  const batchMs = options.batchMs ?? 60
  const warmupMs = options.warmupMs ?? 150
  const calls = contenders.map((c) => calibrate(c, warmupMs, batchMs))
  const samples = contenders.map(() => [] as Array<number>)
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length
      samples[i]!.push(batch(contenders[i]!, calls[i]!))
    }
  }
  return contenders.map((c, i) => ({
    name: c.name,
    ms: median(samples[i]!),
    min: Math.min(...samples[i]!),
    max: Math.max(...samples[i]!),
    calls: calls[i]!,
    rounds,
  }))
}

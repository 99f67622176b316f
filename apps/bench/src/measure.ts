/**
 * Timing method: each contender is warmed up, then timed in several rounds; within a round every
 * contender runs one batch, in an order rotated each round (interleaving cancels drift from clock
 * boosts, other processes and heap growth). A batch is as many calls as fill `batchMs` (at least
 * one). The figure reported is the mean time per call over all timed calls: for a parse of 1 MB,
 * single calls vary 3× with the phase of V8's garbage collector, and the mean is the amortised cost
 * of a call, garbage collection included.
 *
 * No forced GC: a `gc()` shrinks the young generation, and the next allocation-heavy calls then pay
 * for many scavenges (seen here: a YAML parse 7× slower right after `gc()`). Instead each batch
 * starts with one untimed call, so what is left of the previous contender's garbage is mostly
 * collected off the clock, and the timed calls pay for their own garbage as in a steady loop.
 *
 * Two clocks are read around each batch: `performance.now()` (wall) and `process.cpuUsage()` (CPU
 * time of this process, user + system). The CPU figure is the one reported: on a machine shared with
 * other work (this one has 2 cores shared by several engineers) wall time counts the time other
 * processes held the core, CPU time does not. CPU time includes V8's GC helper threads, so on an idle
 * machine it can exceed wall time a little for allocation-heavy calls (`wallMs` keeps the wall
 * figure; `busy` says how far apart the two were over a run).
 */

export interface Contender {
  readonly name: string
  readonly run: () => unknown
}

export interface Timing {
  readonly name: string
  /** Mean CPU milliseconds per call over every timed call. */
  readonly ms: number
  /** Median, fastest and slowest batch (CPU ms per call). */
  readonly median: number
  readonly min: number
  readonly max: number
  /** Mean wall milliseconds per call. */
  readonly wallMs: number
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

/** CPU milliseconds used by this process so far (user + system). */
export const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

const median = (values: ReadonlyArray<number>): number => {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const mean = (values: ReadonlyArray<number>): number => values.reduce((a, b) => a + b, 0) / values.length

/**
 * Warm up (at least `warmupMs` of CPU and 5 calls, or one call longer than `warmupMs`: such a call
 * runs its loops long enough to be optimised, and each batch adds an untimed call), then calls per
 * batch so that one batch takes about `batchMs`, from a short burst.
 */
const calibrate = (c: Contender, warmupMs: number, batchMs: number): number => {
  const start = cpuMs()
  let calls = 0
  let last = 0
  for (;;) {
    const t = cpuMs()
    sink = c.run()
    last = cpuMs() - t
    calls++
    if (cpuMs() - start >= warmupMs && (calls >= 5 || last > warmupMs)) break
  }
  if (last >= batchMs) return 1
  const burst = Math.max(1, Math.min(1000, Math.floor(10 / Math.max(last, 1e-3))))
  const t = cpuMs()
  for (let i = 0; i < burst; i++) sink = c.run()
  const perCall = Math.max((cpuMs() - t) / burst, 1e-4)
  return Math.max(1, Math.round(batchMs / perCall))
}

const batch = (c: Contender, calls: number): { cpu: number; wall: number } => {
  sink = undefined
  sink = c.run()
  const cpu = cpuMs()
  const wall = performance.now()
  for (let i = 0; i < calls; i++) sink = c.run()
  return { wall: (performance.now() - wall) / calls, cpu: (cpuMs() - cpu) / calls }
}

/** Time the contenders against each other in one interleaved run. */
export const measure = (contenders: ReadonlyArray<Contender>, options: MeasureOptions = {}): Array<Timing> => {
  const rounds = options.rounds ?? 7
  const batchMs = options.batchMs ?? 60
  const warmupMs = options.warmupMs ?? 400
  const calls = contenders.map((c) => calibrate(c, warmupMs, batchMs))
  const cpu = contenders.map(() => [] as Array<number>)
  const wall = contenders.map(() => [] as Array<number>)
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length
      const b = batch(contenders[i]!, calls[i]!)
      cpu[i]!.push(b.cpu)
      wall[i]!.push(b.wall)
    }
  }
  return contenders.map((c, i) => ({
    name: c.name,
    ms: mean(cpu[i]!),
    median: median(cpu[i]!),
    min: Math.min(...cpu[i]!),
    max: Math.max(...cpu[i]!),
    wallMs: mean(wall[i]!),
    calls: calls[i]!,
    rounds,
  }))
}

/** How much longer wall time was than CPU time over a set of timings (1 = the cores were not shared). */
export const busy = (timings: ReadonlyArray<Timing>): number => {
  let wallSum = 0
  let cpuSum = 0
  for (const t of timings) {
    wallSum += t.wallMs * t.calls * t.rounds
    cpuSum += t.ms * t.calls * t.rounds
  }
  return cpuSum > 0 ? wallSum / cpuSum : 1
}

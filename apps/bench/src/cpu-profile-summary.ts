/**
 * Summary of a V8 CPU profile (the `.cpuprofile` format of `node --cpu-prof` and of the inspector's
 * `Profiler.stop`), as markdown: self time by package or file, and the functions with the most self time.
 */
import { markdownTable } from "./markdown-table.js"

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
}
export interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

/** `yaml@2.9.1`, `packages/core/dist/Shape.js`, `node:internal/…`, or `(garbage collector)`. */
const place = (frame: CallFrame): string => {
  const pkg = /node_modules\/\.pnpm\/([^/]+)\//.exec(frame.url)
  if (pkg !== null) return pkg[1]!.replace(/_.*$/, "")
  if (frame.url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native)"
  return frame.url.replace(/^file:\/\/.*?\/(packages|apps)\//, "$1/")
}

/** The summary of a profile. */
export const summariseProfile = (profile: Profile): string => {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const byPlace = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0
    const frame = nodes.get(id)!.callFrame
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return
    const where = place(frame)
    const fn = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`
    byPlace.set(where, (byPlace.get(where) ?? 0) + us)
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
    total += us
  })
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => [name, `${((100 * us) / total).toFixed(1)}%`])
  return (
    `${(total / 1e6).toFixed(1)} s sampled\n\n` +
    `${markdownTable(["package or file", "self time"], top(byPlace, 15))}\n\n` +
    `${markdownTable(["function", "self time"], top(byFunction, 25))}\n`
  )
}

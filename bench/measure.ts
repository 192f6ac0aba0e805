// Timing, memory and profiling helpers for the benchmarks: wall time of repeated runs, the peak
// resident memory while they ran, a CPU profile when a figure needs explaining, and a fresh
// process to run in, so one measurement's memory does not count in the next.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/**
 * Runs a TypeScript script in a new Node process (with tsx, gc exposed, and any `nodeArgs` such as
 * `--cpu-prof`); its stdout.
 */
export async function inFreshProcess(
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<string> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', ...nodeArgs, '--import', tsx, script, ...args],
    { maxBuffer: 64 << 20 },
  )
  return stdout
}

export interface Timing {
  /** Wall time of each run, in milliseconds, in the order they ran. */
  runs: number[]
  median: number
  min: number
  max: number
  /** Highest resident set size while the runs went, in bytes; null where it cannot be read. */
  peakRss: number | null
}

/** Collects garbage when the process allows it (`--expose-gc`), so runs start alike. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  return gc !== undefined
}

/** The JS heap in use once garbage is collected; null when the process cannot collect it. */
export function heapAfterGarbage(): number | null {
  return collectGarbage() ? process.memoryUsage().heapUsed : null
}

/**
 * Linux keeps a high-water mark of resident memory per process (VmHWM) that writing 5 to
 * /proc/self/clear_refs resets, so each figure gets its own peak. Elsewhere, or where the reset is
 * not allowed, the process's lifetime peak is all there is; that is reported instead.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

function peakRss(resettable: boolean): number | null {
  if (resettable) {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) * 1024
  }
  return process.resourceUsage().maxRSS * 1024
}

/** This process's highest resident memory so far (since start, unless reset), in bytes. */
export function processPeakRss(): number | null {
  return peakRss(true)
}

/** A Timing from runs measured elsewhere (each in its own process): the highest peak counts. */
export function timingOf(runs: readonly number[], peaks: readonly (number | null)[]): Timing {
  const known = peaks.filter((p): p is number => p !== null)
  return {
    runs: [...runs],
    median: median(runs),
    min: Math.min(...runs),
    max: Math.max(...runs),
    peakRss: known.length > 0 ? Math.max(...known) : null,
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface MeasureOptions {
  runs: number
  /** Untimed work before each run (opening a ledger, logging a send…). */
  before?: () => unknown
  /** Untimed work after each run. */
  after?: () => unknown
}

/** Runs `run` `runs` times, timing only `run` itself. */
export async function measure(
  run: () => unknown,
  { runs, before, after }: MeasureOptions,
): Promise<Timing> {
  collectGarbage()
  const resettable = resetPeakRss()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    await before?.()
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
    await after?.()
  }
  return {
    runs: times,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    peakRss: peakRss(resettable),
  }
}

export interface HotFunction {
  name: string
  /** The file it is defined in; empty for V8 and native code. */
  where: string
  /** Share of the sampled time spent in the function itself. */
  selfShare: number
  selfMs: number
  /** The function (and file) whose calls to it took the most of that time; '' when none. */
  caller?: string
}

const idle = new Set(['(program)', '(idle)'])

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

/** A V8 CPU profile, as the inspector returns it and `node --cpu-prof` writes it. */
export interface SampledProfile {
  nodes: ProfileNode[]
  /** Microseconds on the monotonic clock (process.hrtime's). */
  startTime: number
  samples?: number[]
  timeDeltas?: number[]
}

export interface ProfileSummary {
  /** The functions that took the most time, by their own time. */
  functions: HotFunction[]
  /** The same time added up by the file the functions are in. */
  files: { where: string; selfShare: number; selfMs: number }[]
  /** Sampled time per run, in milliseconds (idle time and the profiler's own calls left out). */
  sampledMs: number
}

/**
 * Adds up the self time of every function over `profiles` (one per run), keeping only samples
 * taken within `window` (monotonic microseconds) when one is given.
 */
export function summarizeProfiles(
  profiles: readonly SampledProfile[],
  runs: number,
  top = 12,
  window?: { fromUs: number; toUs: number },
): ProfileSummary {
  const selfMicros = new Map<
    string,
    { name: string; where: string; micros: number; callers: Map<string, number> }
  >()
  let total = 0
  // Line numbers are those of tsx's compiled output, so only the file is given.
  const file = (url: string) => url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '')
  for (const sampled of profiles) {
    const nodes = new Map<number, ProfileNode>(sampled.nodes.map((n) => [n.id, n]))
    const parents = new Map<number, number>()
    for (const node of sampled.nodes)
      for (const child of node.children ?? []) parents.set(child, node.id)
    const deltas = sampled.timeDeltas ?? []
    let at = sampled.startTime
    ;(sampled.samples ?? []).forEach((id, i) => {
      const micros = deltas[i] ?? 0
      at += micros
      if (window && (at < window.fromUs || at > window.toUs)) return
      const frame = nodes.get(id)!.callFrame
      // The profiler's own calls, and time with nothing running, say nothing about the code.
      if (frame.url.startsWith('node:inspector') || idle.has(frame.functionName)) return
      let name = frame.functionName || '(anonymous)'
      let where = file(frame.url)
      if (!where && !frame.functionName) {
        // Native code (SQLite's C, say) has no name: name the JavaScript that called it.
        let caller = parents.get(id)
        while (caller !== undefined && !nodes.get(caller)!.callFrame.url)
          caller = parents.get(caller)
        const callerFrame = caller === undefined ? undefined : nodes.get(caller)!.callFrame
        if (callerFrame) {
          name = `native code called by ${callerFrame.functionName || '(anonymous)'}`
          where = file(callerFrame.url)
        }
      }
      const key = `${name}@${where}`
      const seen = selfMicros.get(key) ?? { name, where, micros: 0, callers: new Map() }
      seen.micros += micros
      selfMicros.set(key, seen)
      total += micros
      // The nearest enclosing function that is not this one (recursion, wrappers of itself).
      let up = parents.get(id)
      while (up !== undefined && nodes.get(up)!.callFrame.functionName === frame.functionName)
        up = parents.get(up)
      const callerFrame = up === undefined ? undefined : nodes.get(up)!.callFrame
      if (callerFrame && callerFrame.functionName !== '(root)') {
        const caller = `${callerFrame.functionName || '(anonymous)'} (${file(callerFrame.url) || 'V8 or native'})`
        seen.callers.set(caller, (seen.callers.get(caller) ?? 0) + micros)
      }
    })
  }
  const share = (micros: number) => (total > 0 ? micros / total : 0)
  const byFile = new Map<string, number>()
  for (const f of selfMicros.values()) byFile.set(f.where, (byFile.get(f.where) ?? 0) + f.micros)
  return {
    functions: [...selfMicros.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((f) => ({
        name: f.name,
        where: f.where,
        selfShare: share(f.micros),
        selfMs: f.micros / 1000 / runs,
        caller: [...f.callers].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
      })),
    files: [...byFile]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, micros]) => ({
        where,
        selfShare: share(micros),
        selfMs: micros / 1000 / runs,
      })),
    sampledMs: total / 1000 / runs,
  }
}

/**
 * Samples the CPU during each of `runs` runs of `run` (not during `before`); the functions that
 * took the most time, by their own time.
 */
export async function profile(
  run: () => unknown,
  { runs, before, after }: MeasureOptions,
  top = 12,
): Promise<HotFunction[]> {
  const session = new Session()
  session.connect()
  const sampled: SampledProfile[] = []
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 100 })
    for (let i = 0; i < runs; i++) {
      await before?.()
      await session.post('Profiler.start')
      await run()
      const { profile: taken } = await session.post('Profiler.stop')
      await after?.()
      sampled.push(taken)
    }
  } finally {
    await session.post('Profiler.disable').catch(() => undefined)
    session.disconnect()
  }
  return summarizeProfiles(sampled, runs, top).functions
}

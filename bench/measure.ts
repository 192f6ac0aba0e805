// Timing, memory and profiling helpers for the benchmarks: wall time of repeated runs, the peak
// resident memory while they ran, a CPU profile when a figure needs explaining, and a fresh
// process to run in, so one measurement's memory does not count in the next.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/** Runs a TypeScript script in a new Node process (with tsx, and gc exposed); its stdout. */
export async function inFreshProcess(script: string, args: readonly string[]): Promise<string> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', tsx, script, ...args],
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
}

const idle = new Set(['(program)', '(idle)'])

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
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
  const selfMicros = new Map<string, { name: string; where: string; micros: number }>()
  let total = 0
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 100 })
    for (let i = 0; i < runs; i++) {
      await before?.()
      await session.post('Profiler.start')
      await run()
      const { profile: sampled } = await session.post('Profiler.stop')
      await after?.()
      const nodes = new Map<number, ProfileNode>(sampled.nodes.map((n) => [n.id, n]))
      const parents = new Map<number, number>()
      for (const node of sampled.nodes)
        for (const child of node.children ?? []) parents.set(child, node.id)
      const deltas = sampled.timeDeltas ?? []
      ;(sampled.samples ?? []).forEach((id, i) => {
        const micros = deltas[i] ?? 0
        const frame = nodes.get(id)!.callFrame
        // The profiler's own calls, and time with nothing running, say nothing about the code.
        if (frame.url.startsWith('node:inspector') || idle.has(frame.functionName)) return
        // Line numbers are those of tsx's compiled output, so only the file is given.
        const file = (url: string) => url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '')
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
        const seen = selfMicros.get(key) ?? { name, where, micros: 0 }
        seen.micros += micros
        selfMicros.set(key, seen)
        total += micros
      })
    }
  } finally {
    await session.post('Profiler.disable').catch(() => undefined)
    session.disconnect()
  }
  return [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, top)
    .map((f) => ({
      name: f.name,
      where: f.where,
      selfShare: total > 0 ? f.micros / total : 0,
      selfMs: f.micros / 1000 / runs,
    }))
}

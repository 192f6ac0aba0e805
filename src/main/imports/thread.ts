// Every import runs on a thread of its own, with its own connection to the ledger file, for two
// reasons. The app stays responsive while a big export is read and written (a million messages
// take half a minute), and the import's memory is bounded: its JavaScript heap has a ceiling of
// its own, so garbage is collected as it goes instead of piling up for the length of the import
// (docs/benchmarks.md). Reads on the app's connection go on meanwhile (WAL: they see the ledger
// as it was until the import commits); writes wait for it (see Backend.invoke).
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { AppError } from '../../shared/contract/errors'
import type { Ledger } from '../ledger'
import { threadEntry } from '../thread-entry'
import type { ImportSource, ReadProgress } from './read'
import type { ImportTaskKind, ImportTaskResult } from './task'
import { importTooLarge, isOutOfMemory } from './too-large'
import {
  gateCancelled,
  gateReading,
  type FromImportThread,
  type ImportThreadData,
  type ToImportThread,
} from './thread-messages'

/**
 * A LinkedIn export is read as a stream and never needs more than a few tens of MB of live heap,
 * whatever its size; the ceiling leaves room for that several times over. A mapped CSV is held
 * whole while it imports (a spreadsheet's worth of rows), so its ceiling is V8's own.
 */
const streamingLimits: ResourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 48 }

export interface ImportThread<K extends ImportTaskKind> {
  result: Promise<ImportTaskResult<K>>
  /** Stops the task while it is still reading (nothing is written): false once it writes. */
  cancel(): boolean
}

/** The tasks under way on each ledger: writes wait for them (Backend.invoke). */
const underway = new WeakMap<Ledger['db'], Set<Promise<unknown>>>()

/** Settles once every import task under way on this ledger has ended (at once if none is). */
export async function importsSettled(ledger: Ledger): Promise<void> {
  const tasks = underway.get(ledger.db)
  if (!tasks || tasks.size === 0) return
  await Promise.allSettled([...tasks])
}

export function importsUnderway(ledger: Ledger): boolean {
  return (underway.get(ledger.db)?.size ?? 0) > 0
}

export function startImportThread<K extends ImportTaskKind>(
  ledger: Ledger,
  kind: K,
  source: ImportSource,
  hooks: {
    onProgress?: (progress: ReadProgress) => void
    onWriting?: (rows: number) => void
    /** The thread's memory ceiling when not the default for the source (tests set it low). */
    resourceLimits?: ResourceLimits
  } = {},
): ImportThread<K> {
  const gate = new SharedArrayBuffer(4)
  const data: ImportThreadData = {
    dbPath: ledger.paths.dbPath,
    now: ledger.now().toISOString(),
    kind,
    source,
    gate,
  }
  const { url, execArgv } = threadEntry(import.meta.url, 'worker.ts', 'import-worker')
  const worker = new Worker(url, {
    workerData: data,
    execArgv,
    ...(hooks.resourceLimits
      ? { resourceLimits: hooks.resourceLimits }
      : source.kind === 'linkedin'
        ? { resourceLimits: streamingLimits }
        : {}),
  })
  const result = new Promise<ImportTaskResult<K>>((resolve, reject) => {
    let answered = false
    worker.on('message', (message: FromImportThread) => {
      switch (message.type) {
        case 'progress':
          return hooks.onProgress?.(message.progress)
        case 'writing':
          return hooks.onWriting?.(message.rows)
        case 'done':
          answered = true
          return resolve(message.result as ImportTaskResult<K>)
        case 'failed':
          answered = true
          return reject(
            new AppError(message.error.code, message.error.message, message.error.details),
          )
        case 'cancelled':
          answered = true
          return reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }))
        case 'crashed':
          answered = true
          return reject(new Error(`The import thread failed: ${message.message}`))
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      answered = true
      reject(isOutOfMemory(error) ? importTooLarge() : error)
    })
    worker.on('exit', (code) => {
      if (!answered)
        reject(new Error(`The import thread stopped before answering (exit code ${code}).`))
    })
  })
  const tasks = underway.get(ledger.db) ?? new Set<Promise<unknown>>()
  underway.set(ledger.db, tasks)
  const running = result.catch(() => undefined)
  tasks.add(running)
  void running.finally(() => tasks.delete(running))
  return {
    result,
    cancel: () => {
      const won =
        Atomics.compareExchange(new Int32Array(gate), 0, gateReading, gateCancelled) === gateReading
      if (won) worker.postMessage('cancel' satisfies ToImportThread)
      return won
    },
  }
}

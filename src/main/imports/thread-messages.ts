// What the import's threads say to each other: the import thread and the thread that started it
// (thread.ts, worker.ts); the items thread and the import thread (items-thread.ts,
// items-worker.ts).
import type { ErrorInfo } from '../../shared/contract/errors'
import type { ImportItem } from './items'
import type { SpilledFiles } from './linkedin/spill'
import type { ReadProgress, ImportSource } from './read'
import type { ImportTaskKind, ImportTaskResult } from './task'

export interface ImportThreadData {
  dbPath: string
  /** The clock, read once when the task starts: the import's records all carry this instant. */
  now: string
  kind: ImportTaskKind
  source: ImportSource
  /** One Int32, gateReading until either side moves it (see ImportThread.cancel). */
  gate: SharedArrayBuffer
}

export type LinkedInOverrides = Extract<ImportSource, { kind: 'linkedin' }>['overrides']

export const gateReading = 0
export const gateWriting = 1
export const gateCancelled = 2

export type ToImportThread = 'cancel'

export type FromImportThread =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'writing'; rows: number }
  | { type: 'done'; result: ImportTaskResult<ImportTaskKind> }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'cancelled' }
  | { type: 'crashed'; message: string }

export interface ItemsThreadData {
  files: SpilledFiles
  /** The user's own profile URL. */
  me: string
  since: ReadonlyMap<string, string> | null
  overrides: LinkedInOverrides
  /** Parts sent and not yet acknowledged before the thread waits. */
  ahead: number
}

export type FromItemsThread =
  | { type: 'items'; items: ImportItem[]; skipped: Record<string, number> }
  | { type: 'done' }
  | { type: 'failed'; message: string }

// What the import thread and the thread that started it say to each other (thread.ts, worker.ts).
import type { ErrorInfo } from '../../shared/contract/errors'
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

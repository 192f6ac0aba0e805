// What the records thread and the thread reading its records say to each other
// (records-thread.ts, records-worker.ts).
import type { CsvReadSummary, CsvRecord } from './csv-stream'

export interface RecordsThreadData {
  path: string
  fileLabel: string
  fromLine: number | undefined
  /** Records per message, at most. */
  batch: number
  /** Characters per message, about: a batch ends with the record that passes it. */
  batchChars: number
  /** Messages sent and not yet acknowledged before the thread waits. */
  ahead: number
}

export type FromRecordsThread =
  | { type: 'records'; records: CsvRecord[]; bytesRead: number }
  | { type: 'done'; summary: CsvReadSummary }
  | { type: 'failed'; error: { name: string; code: string | undefined; message: string } }

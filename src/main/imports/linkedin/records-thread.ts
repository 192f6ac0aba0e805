// A big messages.csv is parsed on a thread of its own: parsing CSV is about half of reading an
// export, and with it off the import's thread the two halves run side by side on two cores. The
// records arrive in batches, in file order, and are handed to `onRecord` as readCsvRecords
// would hand them; the parsing thread waits when it gets a few batches ahead.
import { Worker } from 'node:worker_threads'
import { threadEntry } from '../../thread-entry'
import type { CsvReadOptions, CsvReadSummary, CsvRecord } from './csv-stream'
import { abortError, LinkedInExportError, type LinkedInExportErrorCode } from './errors'
import { ack } from '../../thread-pace'
import type { FromRecordsThread, RecordsThreadData } from './thread-messages'

const batch = 2000
const batchChars = 1_000_000
const ahead = 4
/**
 * It holds a few batches at a time (and a record can run to 2,000,000 characters, see
 * csv-stream.ts): a small heap keeps its garbage small too.
 */
const limits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 }

function rebuilt(error: { name: string; code: string | undefined; message: string }): Error {
  if (error.name === 'LinkedInExportError')
    return new LinkedInExportError(error.code as LinkedInExportErrorCode, error.message)
  // A file error keeps its code (ENOENT, EACCES…), which the import turns into a sentence.
  return Object.assign(new Error(error.message), { name: error.name, code: error.code })
}

/** readCsvRecords, with the parsing on another thread. */
export function readCsvRecordsOnThread(
  path: string,
  fileLabel: string,
  onRecord: (record: CsvRecord) => void,
  options: CsvReadOptions = {},
): Promise<CsvReadSummary> {
  const { signal, onRecordRead } = options
  if (signal?.aborted) return Promise.reject(abortError(signal))
  const data: RecordsThreadData = {
    path,
    fileLabel,
    fromLine: options.fromLine,
    batch,
    batchChars,
    ahead,
  }
  const { url, execArgv } = threadEntry(import.meta.url, 'records-worker.ts', 'records-worker')
  const worker = new Worker(url, { workerData: data, execArgv, resourceLimits: limits })
  return new Promise<CsvReadSummary>((resolve, reject) => {
    let settled = false
    const finish = (error: unknown, summary?: CsvReadSummary) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      if (summary) resolve(summary)
      else {
        void worker.terminate()
        reject(error)
      }
    }
    const onAbort = () => finish(abortError(signal!))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (message: FromRecordsThread) => {
      if (settled) return
      switch (message.type) {
        case 'records':
          try {
            for (const record of message.records) {
              onRecordRead?.(message.bytesRead)
              onRecord(record)
            }
          } catch (error) {
            return finish(error)
          }
          if (signal?.aborted) return onAbort()
          return worker.postMessage(ack)
        case 'done':
          return finish(null, message.summary)
        case 'failed':
          return finish(rebuilt(message.error))
      }
    })
    worker.on('error', (error) => finish(error))
    worker.on('exit', (code) =>
      finish(
        new Error(`The thread reading ${fileLabel} stopped before it finished (exit ${code}).`),
      ),
    )
  })
}

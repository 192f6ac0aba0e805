// The records thread's entry (see records-thread.ts): parses one CSV file and sends its records
// on in batches, never more than a few batches ahead of the thread that reads them. Built as
// out/main/records-worker.js (electron.vite.config.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { type CsvRecord, readCsvRecords } from './csv-stream'
import { pacedSends } from '../../thread-pace'
import type { FromRecordsThread, RecordsThreadData } from './thread-messages'

const data = workerData as RecordsThreadData
const port = parentPort!
const post = (message: FromRecordsThread) => port.postMessage(message)

let records: CsvRecord[] = []
/** Characters in `records`: long messages make a batch full sooner. */
let chars = 0
let bytesRead = 0
const pace = pacedSends(port, data.ahead)

function send(): Promise<void> | undefined {
  post({ type: 'records', records, bytesRead })
  records = []
  chars = 0
  return pace.sent()
}

readCsvRecords(
  data.path,
  data.fileLabel,
  (record) => {
    records.push(record)
    for (const field of record.fields) chars += field.length
  },
  {
    fromLine: data.fromLine,
    onRecordRead: (bytes) => {
      bytesRead = bytes
    },
    pace: () => {
      if (records.length < data.batch && chars < data.batchChars) return undefined
      return send()
    },
  },
).then(
  (summary) => {
    if (records.length > 0) void send()
    post({ type: 'done', summary })
    port.close()
  },
  (error: unknown) => {
    const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown }
    post({
      type: 'failed',
      error: {
        name: typeof name === 'string' ? name : 'Error',
        code: typeof code === 'string' ? code : undefined,
        message: typeof message === 'string' ? message : String(error),
      },
    })
    port.close()
  },
)

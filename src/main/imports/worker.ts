// The import thread's entry (see thread.ts): opens its own connection to the ledger, runs one
// task and reports back. Built as out/main/import-worker.js (electron.vite.config.ts).
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/contract/errors'
import type { Ledger } from '../ledger'
import { ledgerPaths } from '../paths'
import { runImportTask } from './task'
import { importTooLarge, isOutOfMemory } from './too-large'
import {
  gateReading,
  gateWriting,
  type FromImportThread,
  type ImportThreadData,
  type ToImportThread,
} from './thread-messages'

const data = workerData as ImportThreadData
const port = parentPort!
const post = (message: FromImportThread) => port.postMessage(message)
const gate = new Int32Array(data.gate)
const controller = new AbortController()
port.on('message', (message: ToImportThread) => {
  if (message === 'cancel') controller.abort()
})

function cancelled(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' })
}

async function run(): Promise<void> {
  // Cancelled before it started: nothing to open.
  if (Atomics.load(gate, 0) !== gateReading) throw cancelled()
  const db = new Database(data.dbPath, { fileMustExist: true })
  try {
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const now = new Date(data.now)
    const ledger: Ledger = { db, paths: ledgerPaths(data.dbPath), now: () => now }
    const result = await runImportTask(ledger, data.kind, data.source, {
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onWriting: (rows) => {
        // Cancelling and writing race for the gate: whichever comes first decides.
        if (Atomics.compareExchange(gate, 0, gateReading, gateWriting) !== gateReading)
          throw cancelled()
        post({ type: 'writing', rows })
      },
    })
    post({ type: 'done', result })
  } finally {
    db.close()
  }
}

run().then(
  () => port.close(),
  (error: unknown) => {
    if (error instanceof AppError) post({ type: 'failed', error: error.toInfo() })
    else if (isOutOfMemory(error)) post({ type: 'failed', error: importTooLarge().toInfo() })
    else if (error instanceof Error && error.name === 'AbortError') post({ type: 'cancelled' })
    else
      post({
        type: 'crashed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    port.close()
  },
)

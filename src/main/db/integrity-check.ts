// The ledger's integrity check (`PRAGMA quick_check`) on a thread of its own, so the app can
// serve its first screen while the whole file is read (about 200 ms on a 50 MB ledger).
// The worker opens its own read-only connection; whoever opened the ledger keeps it unwritten
// until the answer is in (see Backend).
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { isDamage, problemsIn } from './open'

// A script rather than a file of its own: the same code runs from the sources (tests) and from
// the build, where a separate worker file would need a bundler entry. CommonJS, as eval'd
// workers are; better-sqlite3 is loaded from the path the main thread resolved.
// On Linux the thread lowers its own priority (nice 19, the thread's id read from
// /proc/thread-self): the check takes only CPU time nothing else wants, so on a busy or small
// machine the first screen is served and drawn first. Elsewhere it runs at normal priority.
const workerScript = `
const { parentPort, workerData } = require('node:worker_threads')
try {
  const thread = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop())
  if (Number.isInteger(thread) && thread > 0) require('node:os').setPriority(thread, 19)
} catch {}
const Database = require(workerData.driver)
let db
try {
  db = new Database(workerData.dbPath, { readonly: true, fileMustExist: true })
  const rows = db.pragma('quick_check(20)')
  parentPort.postMessage({ messages: rows.map((row) => String(Object.values(row)[0] ?? '')) })
} catch (error) {
  parentPort.postMessage({ failed: { code: error && error.code, message: String(error && error.message) } })
} finally {
  if (db) db.close()
}
`

type Answer = { messages: string[] } | { failed: { code: string | undefined; message: string } }

export interface BackgroundCheck {
  /**
   * The problems found (none: the file is sound). SQLite's own "not a database" or "damaged"
   * errors count as problems; it rejects when the check could not run at all.
   */
  problems: Promise<string[]>
  /** Stops the check (the ledger is being closed). */
  stop: () => void
}

export function checkInBackground(dbPath: string): BackgroundCheck {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(workerScript, { eval: true, workerData: { driver, dbPath } })
  // Never what keeps the process alive (a command that ends, a test).
  worker.unref()
  const problems = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (answer: Answer) => {
      if ('messages' in answer) return resolve(problemsIn(answer.messages))
      const { message } = answer.failed
      if (isDamage(answer.failed)) return resolve([message])
      reject(new Error(`the integrity check could not run: ${message}`))
    })
    worker.once('error', reject)
    worker.once('exit', (code) =>
      reject(new Error(`the integrity check stopped before answering (exit code ${code})`)),
    )
  })
  return { problems, stop: () => void worker.terminate() }
}

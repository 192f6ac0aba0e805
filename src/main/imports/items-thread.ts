// Writing a big LinkedIn export is two jobs: reading each part of it back from the temporary
// files and inferring its outreach, and writing the rows. The first runs on a thread of its own
// (items-worker.ts), a few parts ahead of the import thread that writes, so the two share the
// machine's cores instead of taking turns.
import { Worker } from 'node:worker_threads'
import { threadEntry } from '../thread-entry'
import type { ImportItem } from './items'
import { ack } from '../thread-pace'
import type { FromItemsThread, ItemsThreadData } from './thread-messages'

const ahead = 2
/** It holds a part or two of the export at a time. */
const limits = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 }

/**
 * The items, part by part; skipped conversations are counted into `skipped` as their part
 * arrives. Stopping early (the writer failed) stops the thread.
 */
export async function* itemsOnThread(
  data: Omit<ItemsThreadData, 'ahead'>,
  skipped: Record<string, number>,
): AsyncGenerator<ImportItem[]> {
  const { url, execArgv } = threadEntry(import.meta.url, 'items-worker.ts', 'items-worker')
  const worker = new Worker(url, {
    workerData: { ...data, ahead } satisfies ItemsThreadData,
    execArgv,
    resourceLimits: limits,
  })
  // Messages as they arrive, and whoever waits for the next one.
  const arrived: FromItemsThread[] = []
  let waiting: (() => void) | null = null
  let ended: Error | null = null
  const wake = () => {
    waiting?.()
    waiting = null
  }
  worker.on('message', (message: FromItemsThread) => {
    arrived.push(message)
    wake()
  })
  worker.on('error', (error) => {
    ended ??= error
    wake()
  })
  worker.on('exit', (code) => {
    ended ??= new Error(`The thread reading the export's parts stopped (exit code ${code}).`)
    wake()
  })
  try {
    for (;;) {
      const message = arrived.shift()
      if (!message) {
        if (ended) throw ended
        await new Promise<void>((resolve) => (waiting = resolve))
        continue
      }
      if (message.type === 'done') return
      if (message.type === 'failed')
        throw new Error(`Reading the export's parts failed: ${message.message}`)
      for (const [reason, count] of Object.entries(message.skipped))
        skipped[reason] = (skipped[reason] ?? 0) + count
      worker.postMessage(ack)
      yield message.items
    }
  } finally {
    void worker.terminate()
  }
}

// The items thread's entry (see items-thread.ts): reads the conversations of a spilled export,
// infers their outreach and sends it on as import items, a part of the export at a time, never
// more than a few parts ahead of the thread writing them. Built as out/main/items-worker.js.
import { parentPort, workerData } from 'node:worker_threads'
import { outreachOf } from './linkedin'
import { spilledBooks } from './linkedin/spill'
import { linkedInItem } from './linkedin-items'
import { pacedSends } from '../thread-pace'
import type { FromItemsThread, ItemsThreadData } from './thread-messages'
import type { ImportItem } from './items'

const data = workerData as ItemsThreadData
const port = parentPort!
const post = (message: FromItemsThread) => port.postMessage(message)

const pace = pacedSends(port, data.ahead)

async function run(): Promise<void> {
  let items: ImportItem[] = []
  let skipped: Record<string, number> = {}
  const send = async () => {
    post({ type: 'items', items, skipped })
    items = []
    skipped = {}
    await pace.sent()
  }
  for (const book of spilledBooks(data.files)) {
    for (const outreach of outreachOf([book], data.me, data.since, skipped)) {
      const item = linkedInItem(outreach, data.overrides)
      if (item) items.push(item)
      else skipped['left out in the preview'] = (skipped['left out in the preview'] ?? 0) + 1
    }
    await send()
  }
  post({ type: 'done' })
}

run().then(
  () => port.close(),
  (error: unknown) => {
    post({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    port.close()
  },
)

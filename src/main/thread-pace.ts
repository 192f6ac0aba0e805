// A thread that sends its work on in parts (records-worker.ts, items-worker.ts) waits when it is
// `ahead` parts ahead of the thread taking them, which acknowledges each part with 'ack'.
import type { MessagePort } from 'node:worker_threads'

/** What the taking thread posts back for each part it has taken. */
export const ack = 'ack'

export function pacedSends(
  port: MessagePort,
  ahead: number,
): { sent(): Promise<void> | undefined } {
  let unacknowledged = 0
  let resume: (() => void) | null = null
  port.on('message', (message: unknown) => {
    if (message !== ack) return
    unacknowledged--
    resume?.()
    resume = null
  })
  return {
    /** Counts a part sent: undefined, or a promise that settles once the taker catches up. */
    sent: () => (++unacknowledged < ahead ? undefined : new Promise<void>((r) => (resume = r))),
  }
}

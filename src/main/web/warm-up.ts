// Reads every seat's balance once, right after browser mode starts: while the browser loads the
// page and its scripts the server has nothing to do, and the dashboard's first question is each
// seat's balance. A seat's first balance reads all its events and replays them (about 300 ms for
// 100,000 events in a new process); afterwards it comes from the seat cache in about 1 ms.
import type { Seat } from '../../shared/contract'
import type { Backend } from '../backend'

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Asks for each seat's balance, one seat per turn of the event loop so requests that arrive
 * meanwhile are answered in between. Only reads (see answeredWhileChecking in backend.ts);
 * a ledger that cannot be read is left for the requests to report.
 */
export async function warmUp(backend: Backend): Promise<void> {
  const seats = await backend.invoke('seats.list', {})
  if (!seats.ok) return
  for (const seat of seats.result as Seat[]) {
    await nextTurn()
    const balance = await backend.invoke('credits.balance', { seatId: seat.id })
    if (!balance.ok) return
  }
}

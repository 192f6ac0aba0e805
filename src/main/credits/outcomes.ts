// What the credit engine makes of some of a seat's events, counted over every event of the seat
// without holding them all at once: the refunds some responses earned and the InMails some sends
// found no credit for. An import's summary says both, for a seat of any size.
import type { Ledger } from '../ledger'
import { computeSeatState } from './engine'
import { OutOfOrder, ReplayInParts } from './engine/parts'
import type { Entry, Instant } from './engine/types'
import { seatEvents, seatEventsByDate, seatSettings } from './store'

const msPerDay = 86_400_000

export interface CreditOutcomes {
  /** Responses among `responses` that earned a refund. */
  refunds: number
  /** Sends among `sends` that found no credit. */
  flagged: number
}

export function creditOutcomes(
  ledger: Ledger,
  seatId: number,
  asOf: Instant,
  of: { responses: ReadonlySet<number>; sends: ReadonlySet<number> },
): CreditOutcomes {
  const settings = seatSettings(ledger, seatId)
  const counted: CreditOutcomes = { refunds: 0, flagged: 0 }
  const count = (entries: readonly Entry[], overdrawn: readonly number[]) => {
    for (const entry of entries)
      if (entry.kind === 'refund' && entry.eventId !== null && of.responses.has(entry.eventId))
        counted.refunds++
    for (const id of overdrawn) if (of.sends.has(id)) counted.flagged++
  }
  try {
    const parts = new ReplayInParts(settings, asOf, (part) =>
      count(part.book.entries, part.overdrawn),
    )
    let storedDay = Number.NEGATIVE_INFINITY
    for (const { event, stored } of seatEventsByDate(ledger, seatId, settings.timeZone)) {
      // The UTC day of the stored instant (or the day of a day event), whatever its year.
      const day = Math.floor(
        Date.parse(stored.length === 10 ? `${stored}T00:00:00Z` : stored) / msPerDay,
      )
      if (day !== storedDay) {
        storedDay = day
        // Every later event is stored on this UTC day or after, and a local day is at most one
        // day behind its UTC day (UTC-12), so the days up to two before this one are complete.
        parts.completeThrough(day - 2)
      }
      parts.add(event)
    }
    parts.finish()
    return counted
  } catch (error) {
    if (!(error instanceof OutOfOrder)) throw error
    // A stored instant whose text does not sort in time (one written with an offset, by hand):
    // count from every event at once, as before streaming.
    counted.refunds = 0
    counted.flagged = 0
    const state = computeSeatState(settings, seatEvents(ledger, seatId, settings.timeZone), asOf)
    count(state.entries, state.overdrawn)
    return counted
  }
}

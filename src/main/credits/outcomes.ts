// What the credit engine makes of some of a seat's events, counted over every event of the seat
// without holding them all at once: the refunds some responses earned and the InMails some sends
// found no credit for. An import's summary says both, for a seat of any size.
import type { Ledger } from '../ledger'
import { toDayNumber } from './engine/days'
import { ReplayInParts } from './engine/parts'
import type { Instant } from './engine/types'
import { seatEventsByDate, seatSettings } from './store'

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
  const parts = new ReplayInParts(settings, asOf, (part) => {
    for (const entry of part.book.entries)
      if (entry.kind === 'refund' && entry.eventId !== null && of.responses.has(entry.eventId))
        counted.refunds++
    for (const id of part.overdrawn) if (of.sends.has(id)) counted.flagged++
  })
  let storedDay = Number.NEGATIVE_INFINITY
  for (const { event, stored } of seatEventsByDate(ledger, seatId, settings.timeZone)) {
    const day = toDayNumber(stored.slice(0, 10))
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
}

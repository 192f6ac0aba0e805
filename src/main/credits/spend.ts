// What a seat cost over a period: its plan price for each day (at the terms then in force) plus
// the credits bought in it. The money side of the one cost definition (analytics/cost.ts).
import type { SeatTerms } from '../../shared/contract/seats'
import type { Ledger } from '../ledger'
import { addDays } from './engine'
import { seatSettings } from './store'

interface TermsChange {
  day: string
  terms: SeatTerms | null
}

/** The price per month in force on each day: from the opening terms, plan changes and cancellation. */
function termsTimeline(ledger: Ledger, seatId: number): TermsChange[] {
  const settings = seatSettings(ledger, seatId)
  const rows = ledger.db
    .prepare(
      // "+seat_id": look the few plan events up by kind; by seat it reads every send of the seat.
      `SELECT kind, day, terms FROM live_events WHERE +seat_id = ? AND kind IN ('plan-change', 'cancellation')
       ORDER BY day, id`,
    )
    .all(seatId) as { kind: string; day: string; terms: string | null }[]
  return [
    { day: settings.startedOn, terms: settings.terms },
    ...rows.map((r) => ({
      day: r.day,
      terms: r.kind === 'cancellation' ? null : (JSON.parse(r.terms!) as SeatTerms),
    })),
  ]
}

const perDay = (monthlyCents: number) => (monthlyCents * 12) / 365

/** What the seat cost over the days from `from` to `to`: its plan price per day, and purchases. */
export function seatSpend(
  ledger: Ledger,
  input: { seatId: number; from: string; to: string },
): { subscriptionCents: number; purchasedCents: number; totalCents: number } {
  const timeline = termsTimeline(ledger, input.seatId)
  let subscription = 0
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    let terms: SeatTerms | null = null
    for (const change of timeline) if (change.day <= day) terms = change.terms
    if (day >= timeline[0]!.day && terms) subscription += perDay(terms.priceCents)
  }
  const purchased = (
    ledger.db
      .prepare(
        `SELECT coalesce(sum(price_cents), 0) AS cents FROM live_events
         WHERE +seat_id = ? AND kind = 'purchase' AND day BETWEEN ? AND ?`,
      )
      .get(input.seatId, input.from, input.to) as { cents: number }
  ).cents
  const subscriptionCents = Math.round(subscription)
  return {
    subscriptionCents,
    purchasedCents: purchased,
    totalCents: subscriptionCents + purchased,
  }
}

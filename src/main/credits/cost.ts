// What outreach cost: the subscription's price for the days of the period (at the terms then in
// force) plus purchased credits, divided by what it bought, by send date.
import type { CostSummary } from '../../shared/contract/credits'
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

export function seatCost(
  ledger: Ledger,
  input: { seatId: number; from: string; to: string },
): CostSummary {
  const spend = seatSpend(ledger, input)
  const counts = ledger.db
    .prepare(
      `WITH sends AS (
         SELECT m.id FROM live_events m
         WHERE m.seat_id = @seatId AND m.kind = 'inmail-sent' AND m.open_profile = 0
           AND substr(m.at, 1, 10) BETWEEN @from AND @to
       )
       SELECT
         (SELECT count(*) FROM sends) AS inmails,
         (SELECT count(*) FROM sends s WHERE EXISTS
            (SELECT 1 FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = s.id)) AS responses,
         (SELECT count(*) FROM sends s WHERE
            (SELECT r.sentiment FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = s.id
             ORDER BY r.at DESC, r.id DESC LIMIT 1) = 'positive') AS positive,
         (SELECT count(*) FROM sends s WHERE EXISTS
            (SELECT 1 FROM live_events x WHERE x.kind = 'meeting' AND x.inmail_id = s.id)) AS meetings`,
    )
    .get({ ...input }) as { inmails: number; responses: number; positive: number; meetings: number }
  const total = spend.totalCents
  const per = (n: number) => (n > 0 ? Math.round(total / n) : null)
  return {
    from: input.from,
    to: input.to,
    subscriptionCents: spend.subscriptionCents,
    purchasedCents: spend.purchasedCents,
    totalCents: total,
    creditInmails: counts.inmails,
    responses: counts.responses,
    positive: counts.positive,
    meetings: counts.meetings,
    perInmailCents: per(counts.inmails),
    perResponseCents: per(counts.responses),
    perPositiveCents: per(counts.positive),
    perMeetingCents: per(counts.meetings),
  }
}

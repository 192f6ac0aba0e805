// What the report's outreach cost, by the `cost` command's definition (credits/cost.ts, DOMAIN.md
// §4: money from the plan price and purchased credits): each seat's seatCost over the period, so
// a seat's report says what `cost` says. A role or client carries each seat's money in proportion
// to its share of the seat's credit InMails; free channels (Open Profile, connection notes,
// messages, email) carry none of it.
import type { CostSummary } from '../../shared/contract/credits'
import type { ReportCost } from '../../shared/contract/reports'
import { seatCost } from '../credits/cost'
import type { Ledger } from '../ledger'
import type { ScopeSend } from './scope'

function per(totalCents: number, n: number): number | null {
  return n > 0 ? Math.round(totalCents / n) : null
}

function costOf(
  parts: { subscription: number; purchased: number; counts: CostCounts }[],
): ReportCost {
  const sum = (f: (p: (typeof parts)[number]) => number) => parts.reduce((n, p) => n + f(p), 0)
  const subscriptionCents = Math.round(sum((p) => p.subscription))
  const purchasedCents = Math.round(sum((p) => p.purchased))
  const totalCents = subscriptionCents + purchasedCents
  const counts = {
    creditInmails: sum((p) => p.counts.creditInmails),
    replies: sum((p) => p.counts.replies),
    positive: sum((p) => p.counts.positive),
    meetings: sum((p) => p.counts.meetings),
  }
  return {
    subscriptionCents,
    purchasedCents,
    totalCents,
    ...counts,
    perInmailCents: per(totalCents, counts.creditInmails),
    perReplyCents: per(totalCents, counts.replies),
    perPositiveCents: per(totalCents, counts.positive),
    perMeetingCents: per(totalCents, counts.meetings),
  }
}

interface CostCounts {
  creditInmails: number
  replies: number
  positive: number
  meetings: number
}

/** The `cost` command's counts under the report's names. */
const countsOf = ({ creditInmails, responses, positive, meetings }: CostSummary): CostCounts => ({
  creditInmails,
  replies: responses,
  positive,
  meetings,
})

/** Whole seats (one, or all): the sum of each seat's `cost`. */
export function seatsCost(
  ledger: Ledger,
  seatIds: readonly number[],
  period: { from: string; to: string },
): ReportCost {
  return costOf(
    seatIds.map((seatId) => {
      const c = seatCost(ledger, { seatId, ...period })
      return { subscription: c.subscriptionCents, purchased: c.purchasedCents, counts: countsOf(c) }
    }),
  )
}

/**
 * A role's or client's share: per seat, the seat's cost times the scope's credit InMails over the
 * seat's, and the results of the scope's own credit InMails. Sends are counted by UTC day, as
 * seatCost counts them.
 */
export function scopeCost(
  ledger: Ledger,
  sends: readonly ScopeSend[],
  period: { from: string; to: string },
): ReportCost {
  const bySeat = new Map<number, CostCounts>()
  for (const s of sends) {
    const day = s.at.slice(0, 10)
    if (s.kind !== 'inmail-sent' || s.openProfile || day < period.from || day > period.to) continue
    const c = bySeat.get(s.seatId) ?? { creditInmails: 0, replies: 0, positive: 0, meetings: 0 }
    c.creditInmails += 1
    if (s.responseIds.length > 0) c.replies += 1
    if (s.sentiment === 'positive') c.positive += 1
    if (s.meeting) c.meetings += 1
    bySeat.set(s.seatId, c)
  }
  return costOf(
    [...bySeat].map(([seatId, counts]) => {
      const seat = seatCost(ledger, { seatId, ...period })
      const share = seat.creditInmails > 0 ? counts.creditInmails / seat.creditInmails : 0
      return {
        subscription: seat.subscriptionCents * share,
        purchased: seat.purchasedCents * share,
        counts,
      }
    }),
  )
}

// What outreach cost, for the `cost` command and the Credits screen: the one definition that
// Analytics and the report use too (analytics/cost.ts, in words in src/shared/domain/cost.ts),
// for one seat and period, under the names this channel has always had.
import type { CostSummary } from '../../shared/contract/credits'
import { periodCost } from '../analytics/service'
import type { Ledger } from '../ledger'

export { seatSpend } from './spend'

export function seatCost(
  ledger: Ledger,
  input: { seatId: number; from: string; to: string },
): CostSummary {
  const c = periodCost(ledger, input)
  return {
    from: input.from,
    to: input.to,
    subscriptionCents: c.subscriptionCents,
    purchasedCents: c.purchasedCents,
    totalCents: c.totalCents,
    creditInmails: c.paidInmails,
    responses: c.replies,
    positive: c.positive,
    meetings: c.meetings,
    hires: c.hires,
    perInmailCents: c.perInmailCents,
    perResponseCents: c.perReplyCents,
    perPositiveCents: c.perPositiveCents,
    perMeetingCents: c.perMeetingCents,
    perHireCents: c.perHireCents,
  }
}

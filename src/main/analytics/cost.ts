// The one definition of what outreach cost (src/shared/domain/cost.ts says it in words), used by
// Analytics, the `cost` command (credits/cost.ts) and the report (reports/cost.ts):
// - spend: each seat's plan price over the period's days plus its purchases (credits/spend.ts);
// - paid InMails: InMails that spent a credit (not Open Profile), sent in the period by local
//   day, follow-ups included;
// - results: replies, positive replies, meetings and hires of the conversations a paid InMail
//   opened in the period (they point at the opening message);
// - a slice carries, per seat, the seat's spend × its paid InMails / the seat's paid InMails, so
//   free channels carry nothing.
// The SQL counts live in cohort.ts; this file only does the arithmetic.
import type { FunnelCost } from '../../shared/contract/analytics'
import { seatSpend } from '../credits/spend'
import type { Ledger } from '../ledger'
import { costPer } from './funnel'

/** Money in cents, unrounded while it is being shared out. */
export interface Spend {
  subscriptionCents: number
  purchasedCents: number
}

/** Results of the conversations paid InMails opened, and the paid InMails themselves. */
export interface PaidCounts {
  paidInmails: number
  replies: number
  positive: number
  meetings: number
  hires: number
}

export const noPaidCounts: PaidCounts = {
  paidInmails: 0,
  replies: 0,
  positive: 0,
  meetings: 0,
  hires: 0,
}

/** Each seat's spend over the days from `from` to `to`. */
export function seatSpends(
  ledger: Ledger,
  seatIds: readonly number[],
  from: string,
  to: string,
): Map<number, Spend> {
  return new Map(
    seatIds.map((seatId) => {
      const s = seatSpend(ledger, { seatId, from, to })
      return [seatId, { subscriptionCents: s.subscriptionCents, purchasedCents: s.purchasedCents }]
    }),
  )
}

/** Every seat's spend, whole: the cost of an unnarrowed period (a seat that sent nothing too). */
export function wholeSpend(spends: ReadonlyMap<number, Spend>): Spend {
  const total: Spend = { subscriptionCents: 0, purchasedCents: 0 }
  for (const s of spends.values()) {
    total.subscriptionCents += s.subscriptionCents
    total.purchasedCents += s.purchasedCents
  }
  return total
}

/**
 * A slice's share: per seat, the seat's spend times the slice's paid InMails over the seat's.
 * A slice without paid InMails carries nothing.
 */
export function sliceSpend(
  spends: ReadonlyMap<number, Spend>,
  slicePaid: ReadonlyMap<number, number>,
  seatPaid: ReadonlyMap<number, number>,
): Spend {
  const share: Spend = { subscriptionCents: 0, purchasedCents: 0 }
  for (const [seatId, paid] of slicePaid) {
    const all = seatPaid.get(seatId) ?? 0
    const spend = spends.get(seatId)
    if (all <= 0 || paid <= 0 || !spend) continue
    share.subscriptionCents += (spend.subscriptionCents * paid) / all
    share.purchasedCents += (spend.purchasedCents * paid) / all
  }
  return share
}

/** The cost figures of a spend and what it bought. */
export function costOf(spend: Spend, counts: PaidCounts): FunnelCost {
  const subscriptionCents = Math.round(spend.subscriptionCents)
  const purchasedCents = Math.round(spend.purchasedCents)
  const totalCents = subscriptionCents + purchasedCents
  return {
    subscriptionCents,
    purchasedCents,
    totalCents,
    ...counts,
    perInmailCents: costPer(totalCents, counts.paidInmails),
    perReplyCents: costPer(totalCents, counts.replies),
    perPositiveCents: costPer(totalCents, counts.positive),
    perMeetingCents: costPer(totalCents, counts.meetings),
    perHireCents: costPer(totalCents, counts.hires),
    free: counts.paidInmails === 0 && totalCents === 0,
  }
}

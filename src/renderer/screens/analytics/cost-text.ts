// Cost figures as the Analytics screen shows them: "free" where no InMail spent a credit, "—"
// with the reason where there is nothing to divide by, else dollars and cents.
import type { FunnelCost } from '../../../shared/contract'
import { type CostResult, divisorText } from '../../../shared/reports/words'
import { formatCents } from '../../format'

/** One cost per result: "free", "—" or "$12.34". */
export function costPerText(cost: FunnelCost, perCents: number | null): string {
  if (cost.free) return 'free'
  return perCents === null ? '—' : formatCents(perCents)
}

/** Why the cost per reply reads as it does, in a few words under it. */
export function costReason(cost: FunnelCost): string {
  if (cost.free) return 'no InMail spent a credit'
  if (cost.paidInmails === 0) return `${formatCents(cost.totalCents)} spent, no paid InMail sent`
  const inmails = `${cost.paidInmails} paid InMail${cost.paidInmails === 1 ? '' : 's'}`
  if (cost.replies === 0) return `${formatCents(cost.totalCents)} over ${inmails}, no replies yet`
  return `${formatCents(cost.totalCents)} over ${inmails}, ${cost.replies} repl${cost.replies === 1 ? 'y' : 'ies'}`
}

const per: Record<CostResult, string> = {
  reply: 'reply',
  positive: 'positive reply',
  meeting: 'meeting',
  hire: 'hire',
}

/** "$167.21 per meeting · 2 meetings from paid InMails": a cost per result with its divisor. */
export function costPerResult(cost: FunnelCost, result: CostResult): string {
  const [cents, n] =
    result === 'reply'
      ? [cost.perReplyCents, cost.replies]
      : result === 'positive'
        ? [cost.perPositiveCents, cost.positive]
        : result === 'meeting'
          ? [cost.perMeetingCents, cost.meetings]
          : [cost.perHireCents, cost.hires]
  return `${costPerText(cost, cents)} per ${per[result]} · ${divisorText(n, result)}`
}

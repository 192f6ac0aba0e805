// Cost figures as the Analytics screen shows them: "free" where no InMail spent a credit, "—"
// with the reason where there is nothing to divide by, else dollars and cents.
import type { FunnelCost } from '../../../shared/contract'
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

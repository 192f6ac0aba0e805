// What the report's outreach cost: Analytics' cost for the report's period and scope (one seat,
// all seats, or a role's or client's slice), the one definition the `cost` command uses too
// (analytics/cost.ts), under the report's names.
import type { FunnelCost } from '../../shared/contract/analytics'
import type { ReportCost } from '../../shared/contract/reports'

export function reportCost(c: FunnelCost): ReportCost {
  return {
    subscriptionCents: c.subscriptionCents,
    purchasedCents: c.purchasedCents,
    totalCents: c.totalCents,
    creditInmails: c.paidInmails,
    replies: c.replies,
    positive: c.positive,
    meetings: c.meetings,
    hires: c.hires,
    perInmailCents: c.perInmailCents,
    perReplyCents: c.perReplyCents,
    perPositiveCents: c.perPositiveCents,
    perMeetingCents: c.perMeetingCents,
    perHireCents: c.perHireCents,
  }
}

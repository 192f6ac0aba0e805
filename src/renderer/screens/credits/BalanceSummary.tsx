// The numbers a recruiter checks first: what is left, what comes next, what is at stake.
import type { Balance } from '../../../shared/contract'
import { formatDay } from '../../format'

function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
}

export function BalanceSummary({ balance }: { balance: Balance }) {
  const soon = balance.batches.filter(
    (b) => b.expires !== null && daysUntil(balance.asOf, b.expires) <= 30,
  )
  const expiringSoon = soon.reduce((sum, b) => sum + b.credits, 0)
  const firstRefundClose = balance.pendingRefunds[0]?.windowClosesOn
  return (
    <dl className="summary" aria-label="Balance summary">
      <div className="summary-main">
        <dt>Available</dt>
        <dd data-testid="available">{balance.available}</dd>
        <span className="muted">credits on {formatDay(balance.asOf)}</span>
      </div>
      <div>
        <dt>Next renewal</dt>
        <dd>{balance.nextRenewal ? `+${balance.nextRenewal.credits}` : '—'}</dd>
        <span className="muted">
          {balance.nextRenewal ? formatDay(balance.nextRenewal.date) : 'no renewal (cancelled)'}
        </span>
      </div>
      <div>
        <dt>Pending refunds</dt>
        <dd>{balance.pendingRefunds.length}</dd>
        <span className="muted">
          {firstRefundClose ? `first window closes ${formatDay(firstRefundClose)}` : 'none waiting'}
        </span>
      </div>
      <div>
        <dt>Expiring in 30 days</dt>
        <dd>{expiringSoon}</dd>
        <span className="muted">
          {soon[0]?.expires ? `first on ${formatDay(soon[0].expires)}` : 'nothing expiring soon'}
        </span>
      </div>
    </dl>
  )
}

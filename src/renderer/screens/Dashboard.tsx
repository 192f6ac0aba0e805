import type { Seat } from '../../shared/contract'
import { api } from '../api/client'
import { useLedgerVersion } from '../api/changes'
import { useQuery } from '../api/useQuery'
import { EmptyState, ErrorNotice, Loading } from '../components/Notices'
import { formatCents, formatDay, ordinal } from '../format'
import { hrefFor } from '../router'
import { MonthFunnel, useMonthFunnel } from './dashboard/MonthFunnel'
import { Today, useToday } from './dashboard/Today'

function renews(seat: Seat): string {
  return seat.terms.renewal === 'first-of-month'
    ? 'Renews on the 1st'
    : `Renews on the ${ordinal(seat.terms.renewalDay)}`
}

export function Dashboard() {
  const changes = useLedgerVersion()
  const seats = useQuery(async () => {
    const list = await api.seats.list({})
    const balances = await Promise.all(list.map((seat) => api.credits.balance({ seatId: seat.id })))
    return list.map((seat, i) => ({ seat, balance: balances[i]! }))
  }, [changes])
  const rule = useQuery(() => api.analytics.recruiterRule({}), [changes])
  // Asked for now, alongside the balances, though shown only once the seats are in.
  const funnel = useMonthFunnel(changes)
  const todayWork = useToday(changes)
  return (
    <>
      <header className="page-header">
        <h1>Dashboard</h1>
        <p className="subtitle">Your seats, this month's replies, and what needs doing today.</p>
      </header>
      {seats.state === 'loading' && <Loading what="seats" />}
      {seats.state === 'error' && <ErrorNotice error={seats.error} />}
      {seats.state === 'done' && seats.data.length === 0 && (
        <EmptyState
          title="No seats yet"
          action={
            <a className="button primary" href={hrefFor('settings')}>
              Add a seat in Settings
            </a>
          }
        >
          A seat is one LinkedIn subscription (Premium, Sales Navigator, Recruiter). Add the one you
          send InMail from to start tracking its credits.
        </EmptyState>
      )}
      {seats.state === 'done' && seats.data.length > 0 && (
        <ul className="seat-cards" aria-label="Seats">
          {seats.data.map(({ seat, balance }) => (
            <li key={seat.id} className="card seat-card">
              <h2>{seat.name}</h2>
              <p className="seat-plan">{seat.planName}</p>
              <p>
                <span className="seat-balance" data-testid="seat-available">
                  {balance.available}
                </span>{' '}
                <span className="muted">
                  credits available
                  {balance.nextRenewal
                    ? ` · +${balance.nextRenewal.credits} on ${formatDay(balance.nextRenewal.date)}`
                    : ''}
                </span>
              </p>
              {rule.state === 'done' &&
                rule.data
                  .filter((r) => r.seatId === seat.id)
                  .map((r) => (
                    <p
                      key={r.seatId}
                      className={r.status === 'at-risk' ? 'notice warning' : 'muted'}
                      data-testid="recruiter-rule"
                      title="LinkedIn expects Recruiter seats to get answers to 13% of InMails, checked on 100 or more sent in any 14 days; answers within 30 days count."
                    >
                      {r.sentence}
                    </p>
                  ))}
              {balance.warnings.length > 0 && (
                <ul className="warnings" aria-label={`Warnings for ${seat.name}`}>
                  {balance.warnings.map((w) => (
                    <li key={w.code}>{w.message}</li>
                  ))}
                </ul>
              )}
              <dl className="facts">
                <div>
                  <dt>Credits a month</dt>
                  <dd>{seat.terms.monthlyCredits}</dd>
                </div>
                <div>
                  <dt>Cap</dt>
                  <dd>{seat.terms.cap}</dd>
                </div>
                <div>
                  <dt>Price</dt>
                  <dd>{formatCents(seat.terms.priceCents)}/mo</dd>
                </div>
              </dl>
              <p className="muted">
                {renews(seat)} · since {formatDay(seat.startedOn)} ·{' '}
                <a href={hrefFor('credits')}>Credits and forecast</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {seats.state === 'done' && seats.data.length > 0 && (
        <div className="dashboard-grid">
          <Today seats={seats.data} work={todayWork} />
          <div>
            <MonthFunnel funnel={funnel} />
          </div>
        </div>
      )}
    </>
  )
}

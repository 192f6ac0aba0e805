// What needs doing today: refund windows about to close and InMails waiting for a nudge.
import type { Balance, Seat } from '../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { localToday } from '../../components/FormDialog'
import { formatDay } from '../../format'
import { hrefFor } from '../../router'
import { refundWindowsThisWeek } from '../../../shared/reports/dashboard'
import { stepsDue, useTodayAgenda } from '../sequences/today-agenda'

function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Today's requests (InMails waiting for a nudge; the sequences' agenda comes from Shell, which
 * asks for it for the sidebar's badge too). The dashboard calls this next to its seats' query,
 * so they go out together with the balances.
 */
export function useToday(version: number) {
  const today = localToday()
  const waiting = useQuery(
    () =>
      api.outreach.list({
        status: 'awaiting',
        to: daysBefore(today, 3),
        from: daysBefore(today, 30),
        sort: 'sentAt',
        direction: 'asc',
        limit: 5,
      }),
    [version, today],
  )
  const agenda = useTodayAgenda()
  return { today, waiting, agenda }
}

export function Today({
  seats,
  work,
}: {
  seats: { seat: Seat; balance: Balance }[]
  work: ReturnType<typeof useToday>
}) {
  const { today, waiting, agenda } = work
  const { windows: closing, total: closingTotal, more } = refundWindowsThisWeek(seats, today)
  const steps = stepsDue(agenda)
  const nothing =
    steps === 0 && closing.length === 0 && (waiting.state !== 'done' || waiting.data.total === 0)
  return (
    <section className="card" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      {nothing && <p className="muted">Nothing needs you today.</p>}
      {steps > 0 && (
        <p data-testid="agenda-summary">
          <a href={hrefFor('today')}>
            {steps} follow-up step{steps === 1 ? '' : 's'} to send
          </a>
          {agenda.state === 'done' && agenda.data.overdue.length > 0
            ? ` (${agenda.data.overdue.length} overdue)`
            : ''}
        </p>
      )}
      {closing.length > 0 && (
        <>
          <h3 className="subheading">
            Refund windows closing this week
            {closingTotal > closing.length ? ` (${closingTotal})` : ''}
          </h3>
          <ul className="todo" aria-label="Refund windows closing this week">
            {closing.map((p) => (
              <li key={p.inmailId}>
                {p.contact} ({p.seat}): a reply by {formatDay(p.windowClosesOn)} brings the credit
                back
              </li>
            ))}
          </ul>
          {more > 0 && (
            <a href={hrefFor('credits')}>and {more} more closing this week in Credits</a>
          )}
        </>
      )}
      {waiting.state === 'done' && waiting.data.total > 0 && (
        <>
          <h3 className="subheading">Waiting for a reply for 3 days or more</h3>
          <ul className="todo" aria-label="Waiting for a reply">
            {waiting.data.rows.map((r) => (
              <li key={r.id}>
                {r.contact}, sent {formatDay(r.sentAt.slice(0, 10))}
                {r.followups > 0
                  ? ` (${r.followups} follow-up${r.followups === 1 ? '' : 's'})`
                  : ''}
              </li>
            ))}
          </ul>
          {waiting.data.total > waiting.data.rows.length && (
            <a href={hrefFor('outreach')}>
              and {waiting.data.total - waiting.data.rows.length} more in Outreach
            </a>
          )}
        </>
      )}
    </section>
  )
}

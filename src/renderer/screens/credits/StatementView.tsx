// A month's statement for the seat, like a bank statement, with the entries behind each figure.
import { useState } from 'react'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { ErrorNotice, Loading } from '../../components/Notices'
import { formatCents, formatDay } from '../../format'

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

const rows = [
  ['opening', 'Opening balance', 1],
  ['granted', 'Granted', 1],
  ['purchased', 'Purchased', 1],
  ['spent', 'Spent', -1],
  ['refunded', 'Refunded', 1],
  ['expired', 'Expired', -1],
  ['forfeited', 'Forfeited', -1],
  ['adjusted', 'Adjusted', 1],
  ['closing', 'Closing balance', 1],
] as const

export function StatementView({ seatId, today }: { seatId: number; today: string }) {
  const [month, setMonth] = useState(today.slice(0, 7))
  const range = monthRange(month)
  const statement = useQuery(() => api.credits.statement({ seatId, ...range }), [seatId, month])
  const cost = useQuery(() => api.credits.cost({ seatId, ...range }), [seatId, month])

  return (
    <section className="card" aria-labelledby="statement-heading">
      <div className="section-header">
        <h2 id="statement-heading">Statement</h2>
        <label className="inline-field">
          Month
          <input
            type="month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
      </div>
      {statement.state === 'loading' && <Loading what="the statement" />}
      {statement.state === 'error' && <ErrorNotice error={statement.error} />}
      {statement.state === 'done' && (
        <div className="statement">
          <table className="table totals" aria-label="Statement totals">
            <tbody>
              {rows.map(([key, label, sign]) => {
                const value = statement.data[key]
                const shown =
                  sign < 0 && value !== 0
                    ? `−${value}`
                    : key === 'adjusted' && value > 0
                      ? `+${value}`
                      : String(value)
                return (
                  <tr
                    key={key}
                    className={key === 'closing' || key === 'opening' ? 'strong' : undefined}
                  >
                    <th scope="row">{label}</th>
                    <td className="num">{shown}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <div className="entries">
            {statement.data.entries.length === 0 ? (
              <p className="muted">Nothing moved the balance in {month}.</p>
            ) : (
              <table className="table" aria-label="Statement entries">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">What</th>
                    <th scope="col" className="num">
                      Credits
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {statement.data.entries.map((e, i) => (
                    <tr key={`${e.day}-${i}`}>
                      <td className="nowrap">{formatDay(e.day)}</td>
                      <td>{e.note}</td>
                      <td className={`num ${e.credits < 0 ? 'negative' : 'positive'}`}>
                        {e.credits > 0 ? `+${e.credits}` : e.credits}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      )}
      {cost.state === 'done' && (
        <dl className="cost" aria-label="What it cost">
          <div>
            <dt>Spent on outreach</dt>
            <dd>{formatCents(cost.data.totalCents)}</dd>
            <span className="muted">
              plan {formatCents(cost.data.subscriptionCents)}
              {cost.data.purchasedCents > 0
                ? ` + purchases ${formatCents(cost.data.purchasedCents)}`
                : ''}
            </span>
          </div>
          {(
            [
              ['Per InMail', cost.data.perInmailCents, cost.data.creditInmails],
              ['Per response', cost.data.perResponseCents, cost.data.responses],
              ['Per positive reply', cost.data.perPositiveCents, cost.data.positive],
              ['Per meeting', cost.data.perMeetingCents, cost.data.meetings],
            ] as const
          ).map(([label, cents, count]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{cents === null ? '—' : formatCents(cents)}</dd>
              <span className="muted">{count} in the month</span>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

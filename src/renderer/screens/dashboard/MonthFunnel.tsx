// This month's funnel against last month's, and the weekly trend of the three rates.
import type { Funnel, Rate } from '../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { TrendChart } from '../../charts/FunnelCharts'
import { pct, rateText, trendRows } from '../../charts/funnel-data'
import { ChartCard } from '../../components/ChartCard'
import { localToday } from '../../components/FormDialog'

function monthStart(day: string, back: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 - back, 1))
  return d.toISOString().slice(0, 10)
}

function lastDayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

function change(now: Rate, before: Rate): string {
  if (now.value === null || before.value === null) return ''
  const points = Math.round((now.value - before.value) * 1000) / 10
  return points === 0
    ? 'same as last month'
    : `${points > 0 ? '+' : ''}${points} points on last month`
}

export function MonthFunnel({ version }: { version: number }) {
  const today = localToday()
  const thisMonth = monthStart(today, 0)
  const lastMonth = monthStart(today, 1)
  const data = useQuery(
    () =>
      Promise.all([
        api.analytics.metrics({ from: thisMonth, to: today }),
        api.analytics.metrics({ from: lastMonth, to: lastDayBefore(thisMonth) }),
        api.analytics.trend({ weeks: 12 }),
      ]),
    [version, today],
  )
  if (data.state !== 'done') return null
  const [now, before, trend] = data.data
  const rows = trendRows(trend)
  const line = (
    label: string,
    f: Funnel,
    key: 'replyRate' | 'positiveRate' | 'meetingRate',
    prev: Funnel,
  ) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd>{f[key].value === null ? '—' : `${pct(f[key].value)}%`}</dd>
      <span className="muted">
        {rateText(f[key])}
        {f[key].value !== null && prev[key].value !== null ? ` · ${change(f[key], prev[key])}` : ''}
      </span>
    </div>
  )
  return (
    <>
      <section className="card" aria-labelledby="month-heading">
        <h2 id="month-heading">This month</h2>
        <dl className="summary kpis" aria-label="This month's funnel">
          <div>
            <dt>Delivered</dt>
            <dd>{now.delivered}</dd>
            <span className="muted">last month {before.delivered}</span>
          </div>
          {line('Reply rate', now, 'replyRate', before)}
          {line('Positive reply rate', now, 'positiveRate', before)}
          {line('Meeting rate', now, 'meetingRate', before)}
        </dl>
      </section>
      <ChartCard
        title="Rates by week"
        header={['Week', 'Delivered', 'Reply %', 'Positive %', 'Meeting %']}
        rows={rows.map((r) => [r.week, r.delivered, r.reply, r.positive, r.meeting])}
        note="The shaded band is the reply rate's 95% interval: wide when few messages went out that week."
      >
        <TrendChart rows={rows} />
      </ChartCard>
    </>
  )
}

// This month's funnel against last month's, and the weekly trend of the three rates.
import type { Funnel, Rate } from '../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useEffect } from 'react'
import { DashboardTrend, loadTrendChart } from '../../charts/DashboardTrend'
import { pct, rateText, replyWaitDays, trendRows } from '../../charts/funnel-data'
import { ChartCard } from '../../components/ChartCard'
import { localToday } from '../../components/FormDialog'
import { monthSoFar } from '../../../shared/reports/dashboard'

function change(now: Rate, before: Rate): string {
  if (now.value === null || before.value === null) return ''
  const points = Math.round((now.value - before.value) * 1000) / 10
  return points === 0
    ? 'same as those days last month'
    : `${points > 0 ? '+' : ''}${points} points on those days last month`
}

/**
 * The funnel's requests. The dashboard calls this next to its seats' query, so they go out
 * together with the balances instead of after them (it shortens the cold start).
 */
export function useMonthFunnel(version: number) {
  const today = localToday()
  const month = monthSoFar(today)
  const data = useQuery(
    () =>
      Promise.all([
        api.analytics.metrics(month.thisMonth),
        api.analytics.metrics(month.sameDaysBefore),
        api.analytics.trend({ weeks: 12 }),
      ]),
    [version, today],
  )
  // The chart starts loading as soon as the trend is in, while the balances are still coming.
  const trend = data.state === 'done' ? data.data[2] : null
  useEffect(() => {
    if (trend) loadTrendChart(trend)
  }, [trend])
  return { today, month, data }
}

export function MonthFunnel({ funnel }: { funnel: ReturnType<typeof useMonthFunnel> }) {
  const { today, month, data } = funnel
  if (data.state !== 'done') return null
  const [now, before, trend] = data.data
  const rows = trendRows(trend, today)
  const coming = rows.filter((r) => r.comingIn).length
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
        <p className="muted" data-testid="month-compared">
          {month.label}: the same days, so a month not over yet is not read as a fall.
        </p>
        <dl className="summary kpis" aria-label="This month's funnel">
          <div>
            <dt>Delivered</dt>
            <dd>{now.delivered}</dd>
            <span className="muted">{before.delivered} on those days last month</span>
          </div>
          {line('Reply rate', now, 'replyRate', before)}
          {line('Positive reply rate', now, 'positiveRate', before)}
          {line('Meeting rate', now, 'meetingRate', before)}
        </dl>
      </section>
      <ChartCard
        title="Rates by week"
        header={['Week', 'Delivered', 'Reply %', 'Positive %', 'Meeting %', 'Replies']}
        rows={rows.map((r) => [
          r.week,
          r.delivered,
          r.reply ?? r.replyLate,
          r.positive ?? r.positiveLate,
          r.meeting ?? r.meetingLate,
          r.comingIn ? 'still coming in' : 'in',
        ])}
        note={`The shaded band is the reply rate's 95% interval: wide when few messages went out that week.${coming > 0 ? ` Dashed: ${coming === 1 ? 'the last week, whose' : `the last ${coming} weeks, whose`} replies are still coming in (most arrive within 3 days, counted after ${replyWaitDays}), so ${coming === 1 ? 'it reads' : 'they read'} low for now.` : ''}`}
      >
        <DashboardTrend rows={rows} />
      </ChartCard>
    </>
  )
}

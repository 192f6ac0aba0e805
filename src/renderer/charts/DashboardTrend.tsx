// The dashboard's weekly trend, without Recharts in the first script: the chart library is
// about half of it, and a cold start parses it before asking for any data. The chart loads on
// its own instead, once the trend's data shows there is something to draw (the dashboard asks
// for that beside the balances, so the chart loads while those are answered); weeks with
// nothing sent show their note without it.
import { lazy, Suspense } from 'react'
import type { TrendPoint } from '../../shared/contract'
import { EmptyTrend } from './EmptyTrend'
import type * as FunnelCharts from './FunnelCharts'
import type { TrendRow } from './funnel-data'

let charts: Promise<typeof FunnelCharts> | null = null

/** Starts loading the chart, once; the dashboard calls it when its trend arrives. */
export function loadTrendChart(trend: readonly TrendPoint[]): void {
  if (trend.some((p) => p.delivered > 0)) charts ??= import('./FunnelCharts')
}

const Chart = lazy(() =>
  (charts ??= import('./FunnelCharts')).then((m) => ({ default: m.TrendChart })),
)

export function DashboardTrend({ rows }: { rows: TrendRow[] }) {
  if (rows.every((r) => r.delivered === 0)) return <EmptyTrend />
  return (
    // The chart's own box and height while it loads, so nothing moves when it is drawn.
    <Suspense fallback={<div className="chart" style={{ height: 260 }} aria-busy="true" />}>
      <Chart rows={rows} />
    </Suspense>
  )
}

// Chart data for a seat's balance: the recorded days, then the forecast, joined at today so the
// two lines meet. Pure, so it is tested apart from the chart that draws it.
import type { TimelinePoint } from '../../shared/contract'

export interface BalancePoint {
  date: string
  /** The ledger's balance at the end of the day (past and today). */
  recorded: number | null
  /** The forecast balance (today and after). */
  forecast: number | null
}

export function balanceSeries(
  recorded: readonly TimelinePoint[],
  forecast: readonly TimelinePoint[],
): BalancePoint[] {
  const points: BalancePoint[] = recorded.map((p) => ({
    date: p.date,
    recorded: p.available,
    forecast: null,
  }))
  const last = points.at(-1)
  if (last && forecast.length > 0) last.forecast = last.recorded
  for (const p of forecast) {
    if (last && p.date <= last.date) continue
    points.push({ date: p.date, recorded: null, forecast: p.available })
  }
  return points
}

/** Keeps every n-th point (and the last) so a chart never draws more than `max` points. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points]
  const step = Math.ceil(points.length / max)
  const kept = points.filter((_, i) => i % step === 0)
  const last = points.at(-1)!
  if (kept.at(-1) !== last) kept.push(last)
  return kept
}

// What the next weeks look like for a seat at a planned pace: when credits run out, how many
// expire unused, and how many come back as refunds.
import { expiryDays } from './book'
import { fromDayNumber, instantMs, localDayNumber } from './days'
import { recentSends, replay } from './replay'
import { simulate } from './simulate'
import type { Forecast, ForecastPlan, Instant, LedgerEvent, SeatSettings } from './types'
import { paceWindowDays, recentPace } from './warnings'
import { wilson } from './wilson'

/** Used when the seat has no credit InMail in the last 90 days to measure (seed 003: 20%). */
export const assumedResponseRate = 0.2
export const defaultForecastWeeks = 8

export function forecast(
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  asOf: Instant,
  plan: ForecastPlan = {},
): Forecast {
  const asOfMs = instantMs(asOf)
  const asOfDay = localDayNumber(asOfMs, settings.timeZone)
  const r = replay(settings, events, asOfDay, asOfMs)

  const perWeek = Math.max(0, plan.perWeek ?? (recentPace(r, asOfDay) * paceWindowDays) / 4)
  let responseRate: number
  let responseRateInterval: Forecast['responseRateInterval'] = null
  if (plan.responseRate !== undefined) {
    responseRate = Math.min(1, Math.max(0, plan.responseRate))
  } else {
    const measured = recentSends(r.sends, asOfDay, expiryDays).filter((s) => s.credited)
    if (measured.length > 0) {
      const refunded = measured.filter((s) => s.refundedOn !== null).length
      responseRate = refunded / measured.length
      responseRateInterval = wilson(refunded, measured.length)
    } else {
      responseRate = assumedResponseRate
    }
  }
  const weeks = Math.max(0, Math.floor(plan.weeks ?? defaultForecastWeeks))

  const run = simulate(r.book, asOfDay, { perDay: perWeek / 7, responseRate, days: weeks * 7 })
  return {
    from: fromDayNumber(asOfDay),
    perWeek,
    responseRate,
    responseRateInterval,
    runsOutOn: run.runsOutOn === null ? null : fromDayNumber(run.runsOutOn),
    expiresUnused: run.expired.reduce((sum, e) => sum + e.credits, 0),
    expectedRefunds: Math.round(run.expectedRefunds),
    days: run.points.map((p) => ({ date: fromDayNumber(p.day), available: p.available })),
  }
}

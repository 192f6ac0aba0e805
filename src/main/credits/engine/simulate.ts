// Runs a seat forward day by day at a steady pace, with the real expiry and renewal rules, on a
// copy of its credit book. The forecast and the look-ahead warnings both use it.
import type { CreditBook } from './book'
import type { DayNumber } from './days'

/** Most replies come within 24–72 hours (DOMAIN.md §4): an expected refund lands 3 days later. */
export const refundDelayDays = 3

/** Guards the whole-credit rounding of running sums of fractions such as 7 × (1/7). */
const epsilon = 1e-9

export interface SimulationInput {
  /** Credit-spending InMails per day; fractions carry over to the next day. */
  perDay: number
  /** Expected refunds per successful send (0–1). */
  responseRate: number
  /** Days to simulate after `from`. */
  days: number
}

export interface SimulationResult {
  points: { day: DayNumber; available: number }[]
  /** First day a send found no credit. */
  runsOutOn: DayNumber | null
  /** Credits that expired, by day (only days with expiries). */
  expired: { day: DayNumber; credits: number }[]
  /** Expected refunds (fractional) that land within the horizon. */
  expectedRefunds: number
}

export function simulate(
  book: CreditBook,
  from: DayNumber,
  input: SimulationInput,
): SimulationResult {
  const sim = book.clone()
  const refundsDue = new Array<number>(input.days + 1).fill(0)
  const points: SimulationResult['points'] = []
  const expired: SimulationResult['expired'] = []
  let runsOutOn: DayNumber | null = null
  let sendsSoFar = 0
  let expectedRefunds = 0
  let refundsCredited = 0
  let seenEntries = 0

  for (let i = 1; i <= input.days; i++) {
    const day = from + i
    sim.advanceTo(day)
    let expiredToday = 0
    for (; seenEntries < sim.entries.length; seenEntries++) {
      const entry = sim.entries[seenEntries]!
      if (entry.kind === 'expiry') expiredToday -= entry.credits
    }
    if (expiredToday > 0) expired.push({ day, credits: expiredToday })

    // Responses arrive before the day's sends; only whole credits enter the balance.
    expectedRefunds += refundsDue[i]!
    const whole = Math.floor(expectedRefunds + epsilon) - refundsCredited
    if (whole > 0) {
      sim.refund(day, null, 'Expected refund', whole)
      refundsCredited += whole
    }

    const sendsByToday = Math.floor(i * input.perDay + epsilon)
    for (; sendsSoFar < sendsByToday; sendsSoFar++) {
      if (sim.spend(day, null, 'Planned InMail')) {
        sim.touch(day)
        const due = i + refundDelayDays
        if (due <= input.days) refundsDue[due] = refundsDue[due]! + input.responseRate
      } else {
        runsOutOn ??= day
      }
    }
    seenEntries = sim.entries.length
    points.push({ day, available: sim.available })
  }
  return { points, runsOutOn, expired, expectedRefunds }
}

// The report's period in words, and the period it is compared with: the calendar month before a
// whole calendar month, else as many days just before.
import type { ReportPeriod } from '../../shared/contract/reports'
import { dayLabel } from '../../shared/reports/words'
import { addDays, daysBetween, lastDayOfMonth } from '../credits/engine'

export { dayLabel }

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

function parts(day: string): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number]
}

/** `YYYY-MM` as its first and last day; null for anything else. */
export function monthPeriod(month: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  if (!match) return null
  const year = Number(match[1])
  const m = Number(match[2])
  if (m < 1 || m > 12 || year < 1900) return null
  const last = lastDayOfMonth(year, m)
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

/** True when the period is one whole calendar month. */
export function isWholeMonth(from: string, to: string): boolean {
  const whole = monthPeriod(from.slice(0, 7))
  return whole !== null && whole.from === from && whole.to === to
}

export function periodOf(from: string, to: string): ReportPeriod {
  const [y, m] = parts(from)
  const label = isWholeMonth(from, to)
    ? `${monthNames[m - 1]} ${y}`
    : from === to
      ? dayLabel(from)
      : `${dayLabel(from)} – ${dayLabel(to)}`
  return { from, to, label, wholeMonth: isWholeMonth(from, to) }
}

/**
 * A period that has not ended yet, cut at today: "November 2026 to date" (1–23 Nov), a range
 * "3 Nov 2026 – 23 Nov 2026 (to date)". Days after today hold only what the engine schedules
 * (grants, expiries), not facts, so a report never shows them.
 */
export function periodToDate(from: string, today: string): ReportPeriod {
  const month = monthPeriod(from.slice(0, 7))
  const wholeMonthSoFar = month !== null && month.from === from && today <= month.to
  const cut = periodOf(from, today)
  return {
    ...cut,
    label: wholeMonthSoFar
      ? `${monthNames[parts(from)[1] - 1]} ${parts(from)[0]} to date`
      : `${cut.label} (to date)`,
    toDate: true,
  }
}

/** The period a report compares itself with. */
export function previousPeriod(from: string, to: string, toDate = false): ReportPeriod {
  // A month so far (1–23 Nov) against the same days of the month before (1–23 Oct), not a whole
  // month: 23 days against 31 would read as a fall.
  if (toDate && from.endsWith('-01')) {
    const [y, m] = parts(from)
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
    const whole = monthPeriod(prev)!
    const day = Math.min(parts(to)[2], Number(whole.to.slice(8)))
    return periodOf(whole.from, `${prev}-${String(day).padStart(2, '0')}`)
  }
  if (isWholeMonth(from, to)) {
    const [y, m] = parts(from)
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
    const whole = monthPeriod(prev)!
    return periodOf(whole.from, whole.to)
  }
  const days = daysBetween(from, to) + 1
  return periodOf(addDays(from, -days), addDays(from, -1))
}

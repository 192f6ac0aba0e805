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

/** The period a report compares itself with. */
export function previousPeriod(from: string, to: string): ReportPeriod {
  if (isWholeMonth(from, to)) {
    const [y, m] = parts(from)
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
    const whole = monthPeriod(prev)!
    return periodOf(whole.from, whole.to)
  }
  const days = daysBetween(from, to) + 1
  return periodOf(addDays(from, -days), addDays(from, -1))
}

// The refund windows the dashboard lists: every seat's, most urgent first, so a busy seat's
// window closing today is never hidden behind another seat's that closes on Sunday.
import type { Balance, Seat } from '../contract'
import type { PendingRefund } from '../domain/credits'

export interface ClosingWindow extends PendingRefund {
  seat: string
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** The windows closing within 7 days of `today`, across all seats, soonest first; `shown` of them. */
export function refundWindowsThisWeek(
  seats: readonly { seat: Seat; balance: Balance }[],
  today: string,
  shown = 5,
): { windows: ClosingWindow[]; total: number; more: number } {
  const all = seats
    .flatMap(({ seat, balance }) =>
      balance.pendingRefunds
        .filter((p) => p.windowClosesOn <= addDays(today, 7))
        .map((p): ClosingWindow => ({ seat: seat.name, ...p })),
    )
    .sort(
      (a, b) =>
        a.windowClosesOn.localeCompare(b.windowClosesOn) ||
        a.seat.localeCompare(b.seat) ||
        a.inmailId - b.inmailId,
    )
  const windows = all.slice(0, shown)
  return { windows, total: all.length, more: all.length - windows.length }
}

// "This month" on the dashboard is a month not over yet: it is compared with the same days of
// the month before (1–23 Nov against 1–23 Oct), not a whole month, which would read as a fall.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export interface MonthSoFar {
  thisMonth: { from: string; to: string }
  sameDaysBefore: { from: string; to: string }
  /** "1–23 Nov against 1–23 Oct". */
  label: string
}

export function monthSoFar(today: string): MonthSoFar {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const py = m === 1 ? y - 1 : y
  const pm = m === 1 ? 12 : m - 1
  const pd = Math.min(d, lastDay(py, pm))
  const day = (yy: number, mm: number, dd: number) =>
    `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`
  const span = (last: number, mm: number) =>
    last === 1 ? `1 ${months[mm - 1]}` : `1–${last} ${months[mm - 1]}`
  return {
    thisMonth: { from: day(y, m, 1), to: today },
    sameDaysBefore: { from: day(py, pm, 1), to: day(py, pm, pd) },
    label: `${span(d, m)} against ${span(pd, pm)}`,
  }
}

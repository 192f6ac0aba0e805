// Calendar days in the user's time zone, as instants: a day event (a purchase, a reconciliation)
// is stored as its day and placed at that day's local midnight when the ledger is replayed.
import { instantOfWall } from '../time/zoned'

/** The instant the day begins in the zone (its local midnight, or the first minute after a gap). */
export function startOfLocalDay(day: string, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(
    instantOfWall({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone),
  ).toISOString()
}

/** The last millisecond of the day in the zone. */
export function endOfLocalDay(day: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return new Date(Date.parse(startOfLocalDay(next, timeZone)) - 1).toISOString()
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

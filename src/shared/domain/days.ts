// Calendar days are `YYYY-MM-DD` strings; instants are UTC ISO strings.

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = dayPattern.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** The UTC calendar day of an instant. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

/** Day of the month (1–31) of a calendar day. */
export function dayOfMonth(day: string): number {
  return Number(day.slice(8, 10))
}

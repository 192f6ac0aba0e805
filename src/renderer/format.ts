// How numbers, money and days read on screen.
import { dayLabel } from '../shared/reports/words'

export function formatCents(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100)
}

/** "2026-03-01" as "1 Mar 2026": the one way days read, here and in reports and warnings. */
export const formatDay = dayLabel

/** "2026-03-01" as "1 Mar": chart axes, where the year is plain from the range. */
export function formatDayMonth(day: string): string {
  return dayLabel(day).replace(/ \d{4}$/, '')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th'
  return `${n}${suffix}`
}

// How the report's figures read, in the PDF, the preview and the CLI alike: rates never bare
// (with their 95% range), money in dollars, durations in one unit per row, changes signed.
import type { Rate } from '../contract/analytics'
import type { Change } from '../contract/reports'
import type { EntryKind } from '../domain/credits'

export const dash = '—'

export function whole(n: number): string {
  return n.toLocaleString('en-US')
}

/** 12 → "12 InMails", 1 → "1 InMail". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${whole(n)} ${n === 1 ? singular : plural}`
}

export function percent(share: number | null): string {
  return share === null ? dash : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`
}

/** "18% (12–26%)". */
export function rateText(r: Rate): string {
  if (r.value === null || r.low === null || r.high === null) return dash
  return `${percent(r.value)} (${Math.round(r.low * 100)}–${Math.round(r.high * 100)}%)`
}

/** Cents as US dollars: 159200 → "$1,592.00". */
export function money(cents: number | null): string {
  if (cents === null) return dash
  const sign = cents < 0 ? '−' : ''
  return `${sign}$${(Math.abs(cents) / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`
}

/** What a cost per result is divided by: the results of the conversations paid InMails opened. */
export type CostResult = 'reply' | 'positive' | 'meeting' | 'hire'

const resultWords: Record<CostResult, [string, string, string]> = {
  reply: ['reply', 'replies', 'to'],
  positive: ['positive reply', 'positive replies', 'to'],
  meeting: ['meeting', 'meetings', 'from'],
  hire: ['hire', 'hires', 'from'],
}

/** "10 replies to paid InMails", "1 hire from paid InMails": the divisor, named. */
export function divisorText(n: number, result: CostResult): string {
  const [one, many, link] = resultWords[result]
  return `${whole(n)} ${n === 1 ? one : many} ${link} paid InMails`
}

/** "$33.44 per reply · 10 replies to paid InMails"; "— per hire · 0 hires from paid InMails". */
export function costPerText(cents: number | null, n: number, result: CostResult): string {
  return `${money(cents)} per ${resultWords[result][0]} · ${divisorText(n, result)}`
}

export type DurationUnit = 'h' | 'days'

/** Hours under two days read as hours, longer ones as days. */
export function unitFor(...hours: (number | null)[]): DurationUnit {
  return hours.some((h) => h !== null && Math.abs(h) >= 48) ? 'days' : 'h'
}

/** A duration in hours, in the unit given (default: the one that suits it). */
export function hours(h: number | null, unit: DurationUnit = unitFor(h)): string {
  if (h === null) return dash
  return unit === 'h' ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`
}

/** `n` with its sign: "+3", "−2", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${whole(n)}` : n < 0 ? `−${whole(-n)}` : '0'
}

/**
 * The change in the unit the figure is read in; rates in percentage points, durations in the
 * `unit` the row's values are written in (so "2.5 days · 3.9 days · −1.4 days").
 */
export type ChangeUnit = 'count' | 'rate' | 'cents' | DurationUnit

export function changeText(c: Change, unit: ChangeUnit): string {
  if (c.delta === null) return dash
  if (c.delta === 0) return 'no change'
  const sign = c.delta > 0 ? '+' : '−'
  const size = Math.abs(c.delta)
  switch (unit) {
    case 'count':
      return `${sign}${whole(size)}`
    case 'rate':
      return `${sign}${(size * 100).toFixed(1)} pts`
    case 'cents':
      return `${sign}${money(size)}`
    default:
      return `${sign}${hours(size, unit)}`
  }
}

export const entryKindLabel: Record<EntryKind, string> = {
  opening: 'Opening credits',
  grant: 'Monthly grant',
  purchase: 'Purchase',
  spend: 'InMail sent',
  refund: 'Refund',
  expiry: 'Expired',
  forfeit: 'Forfeited',
  adjustment: 'Adjustment',
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2026-11-03" as "3 Nov 2026". */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return `${d} ${months[m - 1]} ${y}`
}

/** "2026-11-23T18:00:00.000Z" as "23 Nov 2026, 18:00 UTC" in the user's zone. */
export function instantText(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant))
}

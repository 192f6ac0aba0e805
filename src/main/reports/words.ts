// How the report's figures read in the PDF and the CLI: rates never bare (with their 95% range),
// money in dollars, hours as hours or days, changes signed.
import type { Rate } from '../../shared/contract/analytics'
import type { Change } from '../../shared/contract/reports'
import type { EntryKind } from '../../shared/domain/credits'
import { count, dollars } from '../credits/engine/words'

export { count, dollars }

export const dash = '—'

export function percent(share: number | null): string {
  return share === null ? dash : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`
}

/** "18% (12–26%)". */
export function rateText(r: Rate): string {
  if (r.value === null || r.low === null || r.high === null) return dash
  return `${percent(r.value)} (${Math.round(r.low * 100)}–${Math.round(r.high * 100)}%)`
}

export function money(cents: number | null): string {
  return cents === null ? dash : dollars(cents)
}

export function hours(h: number | null): string {
  if (h === null) return dash
  return h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`
}

export function whole(n: number): string {
  return n.toLocaleString('en-US')
}

/** The change in the unit the figure is read in; rates in percentage points. */
export function changeText(c: Change, unit: 'count' | 'rate' | 'hours' | 'cents'): string {
  if (c.delta === null) return dash
  if (c.delta === 0) return 'no change'
  const sign = c.delta > 0 ? '+' : '−'
  const size = Math.abs(c.delta)
  switch (unit) {
    case 'count':
      return `${sign}${whole(size)}`
    case 'rate':
      return `${sign}${(size * 100).toFixed(1)} pts`
    case 'hours':
      return `${sign}${hours(size)}`
    case 'cents':
      return `${sign}${dollars(size)}`
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

/** "2026-11-23T18:00:00.000Z" as "23 Nov 2026, 18:00 UTC" in the user's zone. */
export function instantText(instant: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant))
  return text
}

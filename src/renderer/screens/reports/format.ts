// How the report's figures read in the preview: the same words as the PDF (rates with their 95%
// range, changes signed, hours as hours or days).
import type { Rate } from '../../../shared/contract'
import type { Change } from '../../../shared/contract/reports'
import { formatCents } from '../../format'

export const dash = '—'

export function percent(share: number | null): string {
  return share === null ? dash : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`
}

export function rateText(r: Rate): string {
  if (r.value === null || r.low === null || r.high === null) return dash
  return `${percent(r.value)} (${Math.round(r.low * 100)}–${Math.round(r.high * 100)}%)`
}

export function money(cents: number | null): string {
  return cents === null ? dash : formatCents(cents)
}

export function hours(h: number | null): string {
  if (h === null) return dash
  return h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`
}

export function whole(n: number): string {
  return n.toLocaleString('en-US')
}

export function changeText(c: Change, unit: 'count' | 'rate' | 'hours' | 'cents'): string {
  if (c.delta === null) return dash
  if (c.delta === 0) return 'no change'
  const sign = c.delta > 0 ? '+' : '−'
  const size = Math.abs(c.delta)
  if (unit === 'count') return `${sign}${whole(size)}`
  if (unit === 'rate') return `${sign}${(size * 100).toFixed(1)} pts`
  if (unit === 'hours') return `${sign}${hours(size)}`
  return `${sign}${money(size)}`
}

/** A monthly period: its first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

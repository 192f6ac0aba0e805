// Small helpers for the plain-English notes and warnings the engine writes.
import type { BatchSource, ExpiryPolicy } from './types'

export const sourceLabel: Record<BatchSource, string> = {
  opening: 'opening credits',
  grant: 'monthly grant',
  purchase: 'purchase',
  refund: 'refund',
  adjustment: 'adjustment',
}

/** Why a batch expired, by policy ('never' batches do not expire by date). */
export const expiryReason: Record<ExpiryPolicy, string> = {
  '90d': 'credits last 90 days',
  never: 'credits never expire',
  'no-rollover': 'unused credits lapse at each renewal',
  'inactive-90d': '90 days without an InMail sent',
}

/** "1 credit", "3 credits". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`
}

/** Cents as US dollars, e.g. 1000 → "$10.00". */
export function dollars(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`
}

/** A rate or pace with at most one decimal, e.g. 2.25 → "2.3", 3 → "3". */
export function decimal(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 })
}

/** A share as a whole percentage, e.g. 0.084 → "8%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

// The funnel's arithmetic, pure: rates with Wilson intervals, percentiles of the time to first
// reply, its fixed histogram, and cost per result. The SQL in cohort.ts only counts.
import type { Funnel, FunnelCost, Rate } from '../../shared/contract/analytics'
import { wilson } from '../credits/engine/wilson'

/** DOMAIN.md §4: samples are small; below this many delivered, rates carry a warning. */
export const smallSampleBelow = 30

/** `successes` of `n` delivered, with its Wilson 95% interval; all null when n is 0. */
export function rateOf(successes: number, n: number): Rate {
  if (n <= 0) return { value: null, low: null, high: null, n: 0 }
  const { low, high } = wilson(successes, n)
  return { value: successes / n, low, high, n }
}

/** The time-to-first-reply buckets, in hours: [from, to). The last one has no end. */
export const replyTimeBuckets: readonly { bucket: string; fromHours: number }[] = [
  { bucket: '<1h', fromHours: 0 },
  { bucket: '1–6h', fromHours: 1 },
  { bucket: '6–24h', fromHours: 6 },
  { bucket: '1–3d', fromHours: 24 },
  { bucket: '3–7d', fromHours: 72 },
  { bucket: '1–2w', fromHours: 168 },
  { bucket: '2–4w', fromHours: 336 },
  { bucket: '4w+', fromHours: 672 },
]

/** The bucket index an answer after `hours` falls in (a negative time counts as under an hour). */
export function replyTimeBucket(hours: number): number {
  let index = 0
  for (let i = 1; i < replyTimeBuckets.length; i++)
    if (hours >= replyTimeBuckets[i]!.fromHours) index = i
  return index
}

/**
 * Where the p-th percentile sits in a sorted list of n values, by linear interpolation between
 * closest ranks (the usual "type 7" definition: Excel's PERCENTILE.INC, numpy's default).
 */
export function percentilePosition(n: number, p: number): { lower: number; fraction: number } {
  const h = (n - 1) * p
  const lower = Math.floor(h)
  return { lower, fraction: h - lower }
}

/** The p-th percentile (0–1) of values sorted ascending, read through `at`; null when empty. */
export function percentileAt(n: number, p: number, at: (index: number) => number): number | null {
  if (n <= 0) return null
  const { lower, fraction } = percentilePosition(n, p)
  const low = at(lower)
  return fraction === 0 ? low : low + fraction * (at(lower + 1) - low)
}

/** The p-th percentile (0–1) of `values` (any order); null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  const sorted = [...values].sort((x, y) => x - y)
  return percentileAt(sorted.length, p, (i) => sorted[i]!)
}

/** Cents per result, rounded to the cent; null when there is no result to divide by. */
export function costPer(totalCents: number, results: number): number | null {
  return results > 0 ? Math.round(totalCents / results) : null
}

/** What the SQL counted for one cohort (or one group of it). */
export interface FunnelCounts {
  delivered: number
  replies: number
  positive: number
  meetings: number
  hires: number
  /** Replies per bucket of `replyTimeBuckets`. */
  histogram: readonly number[]
  /** Hours to first reply at the 25th, 50th and 75th percentiles (null with no replies). */
  p25Hours: number | null
  medianHours: number | null
  p75Hours: number | null
}

export const emptyCounts: FunnelCounts = {
  delivered: 0,
  replies: 0,
  positive: 0,
  meetings: 0,
  hires: 0,
  histogram: replyTimeBuckets.map(() => 0),
  p25Hours: null,
  medianHours: null,
  p75Hours: null,
}

/** The funnel of a cohort from its counts and its cost (cost.ts: the one definition). */
export function funnelOf(counts: FunnelCounts, cost: FunnelCost): Funnel {
  return {
    delivered: counts.delivered,
    replies: counts.replies,
    positive: counts.positive,
    meetings: counts.meetings,
    hires: counts.hires,
    replyRate: rateOf(counts.replies, counts.delivered),
    positiveRate: rateOf(counts.positive, counts.delivered),
    meetingRate: rateOf(counts.meetings, counts.delivered),
    timeToFirstReply: {
      medianHours: counts.medianHours,
      p25Hours: counts.p25Hours,
      p75Hours: counts.p75Hours,
      histogram: replyTimeBuckets.map(({ bucket }, i) => ({
        bucket,
        count: counts.histogram[i] ?? 0,
      })),
    },
    cost,
    smallSample: counts.delivered < smallSampleBelow,
  }
}

// Chart data for the funnel, rates by group and the weekly trend; pure, so tested apart from
// the charts that draw it. Percentages are whole numbers for display.
import type { Funnel, FunnelGroup, Rate, TrendPoint } from '../../shared/contract'

/** DOMAIN.md §4 (seed 001): the bands drawn on the charts, with their source. */
export const benchmarks = {
  reply: { low: 0.1, high: null, label: 'Target 10%+ (seed 001)' },
  positive: { low: 0.03, high: 0.06, label: 'Typical 3–6% (seed 001)' },
  meeting: { low: 0.01, high: 0.03, label: 'Typical 1–3% (seed 001)' },
} as const

export function pct(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10
}

/** "12% (5–24%)", or "3 sent: too few to say" for tiny samples. */
export function rateText(rate: Rate): string {
  if (rate.value === null) return 'nothing delivered'
  const main = `${pct(rate.value)}%`
  if (rate.n < 10) return `${main} of ${rate.n} sent: too few to say`
  return `${main} (${pct(rate.low)}–${pct(rate.high)}%)`
}

export interface FunnelBar {
  stage: string
  count: number
  /** Share of delivered, as a percentage. */
  share: number | null
}

export function funnelBars(f: Funnel): FunnelBar[] {
  const share = (n: number) => (f.delivered > 0 ? pct(n / f.delivered) : null)
  return [
    { stage: 'Delivered', count: f.delivered, share: f.delivered > 0 ? 100 : null },
    { stage: 'Replies', count: f.replies, share: share(f.replies) },
    { stage: 'Positive', count: f.positive, share: share(f.positive) },
    { stage: 'Meetings', count: f.meetings, share: share(f.meetings) },
    { stage: 'Hires', count: f.hires, share: share(f.hires) },
  ]
}

export interface RateBar {
  label: string
  delivered: number
  rate: number | null
  /** [below, above] the rate, for error bars. */
  error: [number, number]
  smallSample: boolean
}

export function rateBars(
  groups: FunnelGroup[],
  which: 'replyRate' | 'positiveRate' | 'meetingRate',
): RateBar[] {
  return groups.map((g) => {
    const r = g[which]
    const rate = pct(r.value)
    return {
      label: g.label,
      delivered: g.delivered,
      rate,
      error: rate === null ? [0, 0] : [rate - (pct(r.low) ?? rate), (pct(r.high) ?? rate) - rate],
      smallSample: g.smallSample,
    }
  })
}

export interface TrendRow {
  week: string
  delivered: number
  reply: number | null
  replyBand: [number, number] | null
  positive: number | null
  meeting: number | null
}

export function trendRows(points: TrendPoint[]): TrendRow[] {
  return points.map((p) => ({
    week: p.week,
    delivered: p.delivered,
    reply: pct(p.replyRate.value),
    replyBand:
      p.replyRate.low === null || p.replyRate.high === null
        ? null
        : [pct(p.replyRate.low)!, pct(p.replyRate.high)!],
    positive: pct(p.positiveRate.value),
    meeting: pct(p.meetingRate.value),
  }))
}

/** "At 12% you spend 88 of every 100 credits for good": what the reply rate means in credits. */
export function creditCostSentence(replyRate: Rate): string | null {
  if (replyRate.value === null || replyRate.n < 10) return null
  const back = Math.round(replyRate.value * 100)
  return `At your ${back}% response rate, ${100 - back} of every 100 InMail credits are spent for good; the other ${back} come back as refunds when people answer within 90 days.`
}

/** CSV for the clipboard: a header row, quoted cells, formula-looking text neutralised. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return ''
    if (typeof v === 'number') return String(v)
    const safe = /^[=+\-@]/.test(v) ? `'${v}` : v
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n')
}

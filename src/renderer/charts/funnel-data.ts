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
  /** Its replies can still arrive: the week ended less than `replyWaitDays` ago. */
  comingIn: boolean
  /** The rates again, on the "still coming in" weeks (and the last settled one, to join the lines). */
  replyLate: number | null
  positiveLate: number | null
  meetingLate: number | null
}

/**
 * How long after a week ends its replies are counted as in: most replies come within 72 hours,
 * so a week younger than this reads low because its answers have not arrived, not because
 * the messages failed.
 */
export const replyWaitDays = 7

function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** Each week's rates; weeks whose replies are still coming in (as of `today`) are marked. */
export function trendRows(points: TrendPoint[], today?: string): TrendRow[] {
  const rows = points.map((p) => {
    const comingIn = today !== undefined && plusDays(p.week, 6 + replyWaitDays) >= today
    return {
      week: p.week,
      delivered: p.delivered,
      reply: pct(p.replyRate.value),
      replyBand:
        p.replyRate.low === null || p.replyRate.high === null
          ? null
          : ([pct(p.replyRate.low)!, pct(p.replyRate.high)!] as [number, number]),
      positive: pct(p.positiveRate.value),
      meeting: pct(p.meetingRate.value),
      comingIn,
      replyLate: null as number | null,
      positiveLate: null as number | null,
      meetingLate: null as number | null,
    }
  })
  // Settled weeks draw solid lines, weeks still coming in dashed ones; the last settled week is
  // on both so the line does not break.
  return rows.map((r, i) => {
    const late = r.comingIn || rows[i + 1]?.comingIn === true
    return {
      ...r,
      reply: r.comingIn ? null : r.reply,
      positive: r.comingIn ? null : r.positive,
      meeting: r.comingIn ? null : r.meeting,
      replyLate: late ? r.reply : null,
      positiveLate: late ? r.positive : null,
      meetingLate: late ? r.meeting : null,
    }
  })
}

/** The top of a rate axis: a little above the highest value, never past 100%. */
export function rateAxisMax(values: readonly (number | null)[]): number {
  const top = Math.max(0, ...values.filter((v): v is number => v !== null))
  return Math.min(100, Math.max(10, Math.ceil((top + 5) / 10) * 10))
}

/**
 * "At 12% you spend 88 of every 100 credits for good": what answers mean in credits. Only paid
 * InMails spend and earn back credits, so the rate is replies to paid InMails over paid InMails,
 * not the all-channel reply rate (free notes and Open Profile messages would flatter it).
 */
export function creditCostSentence(paid: { paidInmails: number; replies: number }): string | null {
  if (paid.paidInmails < 10) return null
  const back = Math.round((Math.min(paid.replies, paid.paidInmails) / paid.paidInmails) * 100)
  return `At your ${back}% reply rate on paid InMails (${paid.replies} of ${paid.paidInmails}), ${100 - back} of every 100 InMail credits are spent for good; the other ${back} come back as refunds when people answer within 90 days.`
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

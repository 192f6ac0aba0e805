import { describe, expect, it } from 'vitest'
import type { Funnel, Rate } from '../../src/shared/contract'
import {
  creditCostSentence,
  funnelBars,
  rateBars,
  rateText,
  rateAxisMax,
  toCsv,
  trendRows,
} from '../../src/renderer/charts/funnel-data'
import { monthSoFar } from '../../src/shared/reports/dashboard'

const rate = (value: number | null, low: number | null, high: number | null, n: number): Rate => ({
  value,
  low,
  high,
  n,
})
const funnel = (
  delivered: number,
  replies: number,
  positive: number,
  meetings: number,
  hires: number,
): Funnel => ({
  delivered,
  replies,
  positive,
  meetings,
  hires,
  replyRate: rate(delivered ? replies / delivered : null, null, null, delivered),
  positiveRate: rate(null, null, null, delivered),
  meetingRate: rate(null, null, null, delivered),
  timeToFirstReply: { medianHours: null, p25Hours: null, p75Hours: null, histogram: [] },
  cost: {
    subscriptionCents: 0,
    purchasedCents: 0,
    totalCents: 0,
    paidInmails: 0,
    replies: 0,
    positive: 0,
    meetings: 0,
    hires: 0,
    perInmailCents: null,
    perReplyCents: null,
    perPositiveCents: null,
    perMeetingCents: null,
    perHireCents: null,
    free: true,
  },
  smallSample: delivered < 30,
})

describe('funnel chart data', () => {
  it('gives each stage its count and share of delivered', () => {
    expect(funnelBars(funnel(200, 50, 10, 4, 1)).map((b) => [b.stage, b.count, b.share])).toEqual([
      ['Delivered', 200, 100],
      ['Replies', 50, 25],
      ['Positive', 10, 5],
      ['Meetings', 4, 2],
      ['Hires', 1, 0.5],
    ])
    expect(funnelBars(funnel(0, 0, 0, 0, 0)).every((b) => b.share === null)).toBe(true)
  })

  it('never shows a bare percentage of a tiny sample', () => {
    expect(rateText(rate(0.6667, 0.2, 0.94, 3))).toBe('66.7% of 3 sent: too few to say')
    expect(rateText(rate(0.12, 0.08, 0.17, 150))).toBe('12% (8–17%)')
    expect(rateText(rate(null, null, null, 0))).toBe('nothing delivered')
  })

  it('turns intervals into error bars around the rate', () => {
    const [bar] = rateBars(
      [
        {
          ...funnel(100, 20, 0, 0, 0),
          key: 'a',
          label: 'Hook A',
          replyRate: rate(0.2, 0.133, 0.289, 100),
        },
      ],
      'replyRate',
    )
    expect(bar).toMatchObject({ label: 'Hook A', rate: 20, smallSample: false })
    expect(bar!.error[0]).toBeCloseTo(6.7)
    expect(bar!.error[1]).toBeCloseTo(8.9)
  })

  it('keeps weeks without sends as gaps, not zeros', () => {
    const rows = trendRows([
      {
        week: '2026-03-02',
        delivered: 0,
        replyRate: rate(null, null, null, 0),
        positiveRate: rate(null, null, null, 0),
        meetingRate: rate(null, null, null, 0),
      },
      {
        week: '2026-03-09',
        delivered: 40,
        replyRate: rate(0.25, 0.14, 0.4, 40),
        positiveRate: rate(0.05, 0.01, 0.17, 40),
        meetingRate: rate(0.025, 0.004, 0.13, 40),
      },
    ])
    expect(rows[0]).toMatchObject({ reply: null, replyBand: null })
    expect(rows[1]).toMatchObject({ reply: 25, replyBand: [14, 40], positive: 5, meeting: 2.5 })
  })

  it('marks the weeks whose replies are still coming in, and joins them to the last settled one', () => {
    const week = (monday: string, reply: number) => ({
      week: monday,
      delivered: 30,
      replyRate: rate(reply, reply / 2, reply * 1.5, 30),
      positiveRate: rate(0.1, 0.02, 0.2, 30),
      meetingRate: rate(0.05, 0.01, 0.1, 30),
    })
    // Today Monday 23 Nov: the week of 9 Nov ended on the 15th, 8 days ago, so it is in; the
    // weeks of 16 and 23 Nov are not.
    const rows = trendRows(
      [
        week('2026-11-02', 0.3),
        week('2026-11-09', 0.3),
        week('2026-11-16', 0.1),
        week('2026-11-23', 0),
      ],
      '2026-11-23',
    )
    expect(rows.map((r) => r.comingIn)).toEqual([false, false, true, true])
    expect(rows.map((r) => r.reply)).toEqual([30, 30, null, null])
    expect(rows.map((r) => r.replyLate)).toEqual([null, 30, 10, 0])
  })

  it('keeps a rate axis at or under 100%', () => {
    expect(rateAxisMax([97, 40])).toBe(100)
    expect(rateAxisMax([22, null])).toBe(30)
    expect(rateAxisMax([])).toBe(10)
  })

  it('compares a month so far with the same days of the month before', () => {
    expect(monthSoFar('2026-11-23')).toEqual({
      thisMonth: { from: '2026-11-01', to: '2026-11-23' },
      sameDaysBefore: { from: '2026-10-01', to: '2026-10-23' },
      label: '1–23 Nov against 1–23 Oct',
    })
    // 31 March against the 28 days of February; 1 January against 1 December.
    expect(monthSoFar('2026-03-31').sameDaysBefore).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    })
    expect(monthSoFar('2026-01-01').label).toBe('1 Jan against 1 Dec')
  })

  it('says what a reply rate costs in credits', () => {
    // Paid InMails only: 33 of 149 answered is 22%, so 78 of 100 credits are gone.
    expect(creditCostSentence({ paidInmails: 149, replies: 33 })).toMatch(
      /^At your 22% reply rate on paid InMails \(33 of 149\), 78 of every 100/,
    )
    expect(creditCostSentence({ paidInmails: 4, replies: 2 })).toBeNull()
  })

  it('writes CSV that spreadsheets read safely', () => {
    expect(
      toCsv(
        ['Template', 'Rate'],
        [
          ['=HYPERLINK("x")', 12.5],
          ['Hook, "A"', null],
        ],
      ),
    ).toBe('Template,Rate\n"\'=HYPERLINK(""x"")",12.5\n"Hook, ""A""",')
  })
})

// The funnel's arithmetic by hand: rates and Wilson intervals, percentiles, buckets, cost.
import { describe, expect, it } from 'vitest'
import { costOf, noPaidCounts, sliceSpend } from '../../../src/main/analytics/cost'
import {
  costPer,
  emptyCounts,
  funnelOf,
  percentile,
  rateOf,
  replyTimeBucket,
  replyTimeBuckets,
} from '../../../src/main/analytics/funnel'

describe('rates', () => {
  it('are all null when nothing was delivered', () => {
    expect(rateOf(0, 0)).toEqual({ value: null, low: null, high: null, n: 0 })
  })

  it('carry the Wilson 95% interval', () => {
    // 5 of 10: the textbook [0.2366, 0.7634].
    const half = rateOf(5, 10)
    expect(half.value).toBe(0.5)
    expect(half.low).toBeCloseTo(0.2366, 4)
    expect(half.high).toBeCloseTo(0.7634, 4)
    // 0 of 10: from exactly 0 up to z²/(n + z²) = 3.8415/13.8415.
    const none = rateOf(0, 10)
    expect(none).toMatchObject({ value: 0, low: 0, n: 10 })
    expect(none.high).toBeCloseTo(3.841459 / 13.841459, 6)
    // 1 of 10: [0.0179, 0.4042].
    expect(rateOf(1, 10).low).toBeCloseTo(0.0179, 4)
    expect(rateOf(1, 10).high).toBeCloseTo(0.4042, 4)
    expect(rateOf(10, 10)).toMatchObject({ value: 1, high: 1 })
  })
})

describe('percentiles (linear interpolation between closest ranks)', () => {
  it('are null with no values and the value itself with one', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([7], 0.25)).toBe(7)
    expect(percentile([7], 0.75)).toBe(7)
  })

  it('interpolate', () => {
    expect(percentile([1, 2, 3, 4], 0.25)).toBe(1.75)
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3.25)
    // Any order in, sorted inside.
    expect(percentile([10, 0, 5], 0.5)).toBe(5)
    expect(percentile([10, 0, 5], 0.25)).toBe(2.5)
    expect(percentile([10, 0, 5], 0.75)).toBe(7.5)
  })
})

describe('the time-to-first-reply histogram', () => {
  it('has the contract buckets, each from its lower bound', () => {
    expect(replyTimeBuckets.map((b) => b.bucket)).toEqual([
      '<1h',
      '1–6h',
      '6–24h',
      '1–3d',
      '3–7d',
      '1–2w',
      '2–4w',
      '4w+',
    ])
    expect(
      [0, 0.99, 1, 5.9, 6, 23.9, 24, 71.9, 72, 167, 168, 335, 336, 671, 672, 5000].map(
        replyTimeBucket,
      ),
    ).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7])
    expect(replyTimeBucket(-2)).toBe(0)
  })
})

describe('cost per result', () => {
  it('divides, rounded to the cent, and is null with nothing to divide by', () => {
    expect(costPer(1000, 3)).toBe(333)
    expect(costPer(1000, 0)).toBeNull()
    expect(costPer(0, 4)).toBe(0)
  })
})

const noCost = costOf({ subscriptionCents: 0, purchasedCents: 0 }, noPaidCounts)

describe('costOf: the one cost definition', () => {
  it('spend over paid InMails and over the results of the conversations they opened', () => {
    const c = costOf(
      { subscriptionCents: 5_000.4, purchasedCents: 1_000 },
      { paidInmails: 7, replies: 3, positive: 2, meetings: 1, hires: 0 },
    )
    expect(c).toEqual({
      subscriptionCents: 5_000,
      purchasedCents: 1_000,
      totalCents: 6_000,
      paidInmails: 7,
      replies: 3,
      positive: 2,
      meetings: 1,
      hires: 0,
      perInmailCents: 857,
      perReplyCents: 2_000,
      perPositiveCents: 3_000,
      perMeetingCents: 6_000,
      perHireCents: null,
      free: false,
    })
  })

  it('nothing spent and no paid InMail is free; spend with no paid InMail is not', () => {
    expect(noCost.free).toBe(true)
    const idle = costOf({ subscriptionCents: 900, purchasedCents: 0 }, noPaidCounts)
    expect([idle.free, idle.totalCents, idle.perInmailCents]).toEqual([false, 900, null])
  })

  it('a slice carries each seat’s spend by its share of the seat’s paid InMails', () => {
    const spends = new Map([
      [1, { subscriptionCents: 7_000, purchasedCents: 700 }],
      [2, { subscriptionCents: 3_000, purchasedCents: 0 }],
    ])
    const seatPaid = new Map([
      [1, 7],
      [2, 3],
    ])
    // 2 of seat 1's 7 and 3 of seat 2's 3.
    expect(
      sliceSpend(
        spends,
        new Map([
          [1, 2],
          [2, 3],
        ]),
        seatPaid,
      ),
    ).toEqual({ subscriptionCents: 2_000 + 3_000, purchasedCents: 200 })
    // Free channels: no paid InMails, no share.
    expect(sliceSpend(spends, new Map(), seatPaid)).toEqual({
      subscriptionCents: 0,
      purchasedCents: 0,
    })
  })
})

describe('funnelOf', () => {
  it('an empty cohort: zeros, null rates and costs per result, a small sample', () => {
    const cost = costOf({ subscriptionCents: 12_345, purchasedCents: 0 }, noPaidCounts)
    const f = funnelOf(emptyCounts, cost)
    expect(f).toMatchObject({
      delivered: 0,
      replies: 0,
      replyRate: { value: null, low: null, high: null, n: 0 },
      positiveRate: { value: null },
      meetingRate: { value: null },
      timeToFirstReply: { medianHours: null, p25Hours: null, p75Hours: null },
      cost: {
        totalCents: 12_345,
        perReplyCents: null,
        perPositiveCents: null,
        perMeetingCents: null,
        perHireCents: null,
        free: false,
      },
      smallSample: true,
    })
    expect(f.timeToFirstReply.histogram).toHaveLength(8)
    expect(f.timeToFirstReply.histogram.every((b) => b.count === 0)).toBe(true)
  })

  it('30 delivered is no longer a small sample; the cost is passed through', () => {
    const cost = costOf(
      { subscriptionCents: 6000, purchasedCents: 0 },
      { paidInmails: 30, replies: 6, positive: 3, meetings: 1, hires: 0 },
    )
    const f = funnelOf(
      {
        ...emptyCounts,
        delivered: 30,
        replies: 6,
        positive: 3,
        meetings: 1,
        hires: 0,
        histogram: [1, 0, 2, 3, 0, 0, 0, 0],
        medianHours: 30,
        p25Hours: 7,
        p75Hours: 40,
      },
      cost,
    )
    expect(f.smallSample).toBe(false)
    expect(f.replyRate.value).toBe(0.2)
    expect(f.positiveRate.value).toBe(0.1)
    expect(f.meetingRate.value).toBeCloseTo(1 / 30, 12)
    expect(f.cost).toMatchObject({
      totalCents: 6000,
      perInmailCents: 200,
      perReplyCents: 1000,
      perPositiveCents: 2000,
      perMeetingCents: 6000,
      perHireCents: null,
    })
    expect(f.timeToFirstReply.histogram[3]).toEqual({ bucket: '1–3d', count: 3 })
    expect(funnelOf({ ...emptyCounts, delivered: 29 }, noCost).smallSample).toBe(true)
  })
})

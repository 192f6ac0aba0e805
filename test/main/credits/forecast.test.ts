import { describe, expect, it } from 'vitest'
import { forecast, wilson } from '../../../src/main/credits/engine'
import { endOf, Ledger, seat } from './engine-builders'

describe('forecast', () => {
  it('defaults to the recent pace, the measured refund rate and 8 weeks', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 100)
    const sent = ledger.sentMany('2026-02-20', 20)
    ledger.sent('2026-02-20', { openProfile: true }) // free: neither pace nor refund rate
    for (const id of sent.slice(0, 5)) ledger.response('2026-02-22', id)
    const result = forecast(seat(), ledger.events, endOf('2026-03-01'))
    expect(result.from).toBe('2026-03-01')
    expect(result.perWeek).toBe(5)
    expect(result.responseRate).toBe(0.25)
    expect(result.responseRateInterval!.low).toBeCloseTo(0.1119, 4)
    expect(result.responseRateInterval!.high).toBeCloseTo(0.4687, 4)
    expect(result.days).toHaveLength(56)
    expect(result.days[0]!.date).toBe('2026-03-02')
    expect(result.days.at(-1)!.date).toBe('2026-04-26')
  })

  it('assumes a 20% response rate when there is nothing to measure', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 100)
    const result = forecast(seat(), ledger.events, endOf('2026-03-01'))
    expect(result.perWeek).toBe(0)
    expect(result.responseRate).toBe(0.2)
    expect(result.responseRateInterval).toBeNull()
  })

  it('finds the day a send first finds no credit', () => {
    const settings = seat({ planId: 'premium-career', startedOn: '2026-01-10' })
    const ledger = new Ledger()
    ledger.opened('2026-01-10', 10)
    const result = forecast(settings, ledger.events, endOf('2026-01-12'), {
      perWeek: 14,
      responseRate: 0,
      weeks: 1,
    })
    expect(result.days.map((d) => d.available)).toEqual([8, 6, 4, 2, 0, 0, 0])
    expect(result.runsOutOn).toBe('2026-01-18')
    expect(result.responseRateInterval).toBeNull()
  })

  it('returns expected refunds 3 days after each send, whole credits only', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 120)
    const result = forecast(seat(), ledger.events, endOf('2026-01-16'), {
      perWeek: 7,
      responseRate: 0.4,
      weeks: 2,
    })
    // Sends on days 1–11 come back within the horizon: 11 × 0.4 = 4.4.
    expect(result.expectedRefunds).toBe(4)
    expect(result.days[5]).toEqual({ date: '2026-01-22', available: 115 })
    expect(result.days.at(-1)).toEqual({ date: '2026-01-30', available: 110 })
    expect(result.runsOutOn).toBeNull()
  })

  it('applies the real expiries and renewals, and counts what expires unused', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 100) // expires Apr 15; Feb 15 adds 20 (expires May 16)
    const eight = forecast(seat(), ledger.events, endOf('2026-03-20'), { perWeek: 0 })
    expect(eight.expiresUnused).toBe(100)
    const byDate = new Map(eight.days.map((d) => [d.date, d.available]))
    expect(byDate.get('2026-04-14')).toBe(120)
    expect(byDate.get('2026-04-15')).toBe(50) // 100 expire, then the grant of 30
    expect(byDate.get('2026-05-15')).toBe(80)
    const nine = forecast(seat(), ledger.events, endOf('2026-03-20'), { perWeek: 0, weeks: 9 })
    expect(nine.expiresUnused).toBe(120)
  })
})

describe('wilson', () => {
  it('gives the textbook 95% interval and stays within 0–1', () => {
    const { low, high } = wilson(5, 20)
    expect(low).toBeCloseTo(0.1119, 4)
    expect(high).toBeCloseTo(0.4687, 4)
    expect(wilson(0, 10).low).toBe(0)
    expect(wilson(10, 10).high).toBe(1)
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 })
  })
})

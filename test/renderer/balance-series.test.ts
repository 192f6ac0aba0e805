import { describe, expect, it } from 'vitest'
import { balanceSeries, thin } from '../../src/renderer/charts/balance-series'

describe('balanceSeries', () => {
  it('joins the recorded line and the forecast at the last recorded day', () => {
    const series = balanceSeries(
      [
        { date: '2026-03-09', available: 12 },
        { date: '2026-03-10', available: 10 },
      ],
      [
        { date: '2026-03-10', available: 10 },
        { date: '2026-03-11', available: 9 },
      ],
    )
    expect(series).toEqual([
      { date: '2026-03-09', recorded: 12, forecast: null },
      { date: '2026-03-10', recorded: 10, forecast: 10 },
      { date: '2026-03-11', recorded: null, forecast: 9 },
    ])
  })

  it('draws the forecast alone when nothing is recorded yet', () => {
    expect(balanceSeries([], [{ date: '2026-03-11', available: 9 }])).toEqual([
      { date: '2026-03-11', recorded: null, forecast: 9 },
    ])
  })
})

describe('thin', () => {
  it('keeps at most about max points, always the last', () => {
    const points = Array.from({ length: 1000 }, (_, i) => i)
    const kept = thin(points, 200)
    expect(kept.length).toBeLessThanOrEqual(201)
    expect(kept[0]).toBe(0)
    expect(kept.at(-1)).toBe(999)
    expect(thin([1, 2, 3], 200)).toEqual([1, 2, 3])
  })
})

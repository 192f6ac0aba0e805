import { describe, expect, it } from 'vitest'
import { endOfLocalDay, isTimeZone, startOfLocalDay } from '../../../src/main/credits/zone'

describe('local days as instants', () => {
  it('finds local midnight east and west of UTC', () => {
    expect(startOfLocalDay('2026-03-01', 'UTC')).toBe('2026-03-01T00:00:00.000Z')
    expect(startOfLocalDay('2026-03-01', 'Europe/Berlin')).toBe('2026-02-28T23:00:00.000Z')
    expect(startOfLocalDay('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z')
    expect(startOfLocalDay('2026-03-01', 'America/New_York')).toBe('2026-03-01T05:00:00.000Z')
    expect(startOfLocalDay('2026-03-01', 'Asia/Kolkata')).toBe('2026-02-28T18:30:00.000Z')
  })

  it('handles the days clocks change', () => {
    // New York springs forward on 8 Mar 2026 at 02:00; midnight is still EST.
    expect(startOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z')
    expect(startOfLocalDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z')
    expect(endOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-09T03:59:59.999Z')
  })

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true)
    expect(isTimeZone('Europe/Berlinn')).toBe(false)
  })
})

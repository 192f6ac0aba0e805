import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysBetween,
  fromDayNumber,
  instantMs,
  isDay,
  lastDayOfMonth,
  localDay,
  nextRenewalDate,
  toDayNumber,
} from '../../../src/main/credits/engine/days'

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-01-01', 90)).toBe('2026-04-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('counts the days between two days', () => {
    expect(daysBetween('2026-02-01', '2026-05-02')).toBe(90)
    expect(daysBetween('2026-05-02', '2026-02-01')).toBe(-90)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })

  it('knows the last day of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => lastDayOfMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(lastDayOfMonth(2028, 2)).toBe(29)
    expect(lastDayOfMonth(2100, 2)).toBe(28)
    expect(lastDayOfMonth(2000, 2)).toBe(29)
  })

  it('finds the next renewal strictly after a day, on the last day of short months', () => {
    expect(nextRenewalDate('2026-01-31', 31)).toBe('2026-02-28')
    expect(nextRenewalDate('2026-02-28', 31)).toBe('2026-03-31')
    expect(nextRenewalDate('2026-03-31', 31)).toBe('2026-04-30')
    expect(nextRenewalDate('2028-01-31', 30)).toBe('2028-02-29')
    expect(nextRenewalDate('2026-01-15', 15)).toBe('2026-02-15')
    expect(nextRenewalDate('2026-01-14', 15)).toBe('2026-01-15')
    expect(nextRenewalDate('2026-12-01', 1)).toBe('2027-01-01')
  })

  it('rejects days that do not exist', () => {
    expect(isDay('2026-02-29')).toBe(false)
    expect(isDay('2028-02-29')).toBe(true)
    expect(isDay('2026-13-01')).toBe(false)
    expect(isDay('2026-1-01')).toBe(false)
    expect(() => addDays('2026-02-30', 1)).toThrow(/Not a calendar day/)
  })

  it('agrees with Date on every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (n) => {
        const day = new Date(n * 86_400_000).toISOString().slice(0, 10)
        expect(fromDayNumber(n)).toBe(day)
        expect(toDayNumber(day)).toBe(n)
      }),
    )
  })
})

describe('local day of an instant', () => {
  it('follows the time zone, east and west of UTC', () => {
    expect(localDay('2026-03-01T05:00:00.000Z', 'UTC')).toBe('2026-03-01')
    expect(localDay('2026-03-01T05:00:00.000Z', 'America/Los_Angeles')).toBe('2026-02-28')
    expect(localDay('2026-02-28T20:00:00.000Z', 'Asia/Tokyo')).toBe('2026-03-01')
  })

  it('handles half- and quarter-hour offsets', () => {
    // Kolkata is UTC+5:30: local midnight is 18:30 UTC.
    expect(localDay('2026-02-28T18:29:59.999Z', 'Asia/Kolkata')).toBe('2026-02-28')
    expect(localDay('2026-02-28T18:30:00.000Z', 'Asia/Kolkata')).toBe('2026-03-01')
    // Kathmandu is UTC+5:45: local midnight is 18:15 UTC.
    expect(localDay('2026-02-28T18:14:00.000Z', 'Asia/Kathmandu')).toBe('2026-02-28')
    expect(localDay('2026-02-28T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2026-03-01')
  })

  it('handles daylight saving changes', () => {
    // Berlin is UTC+1 in winter, UTC+2 from 29 Mar 2026.
    expect(localDay('2026-03-28T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29')
    expect(localDay('2026-07-01T21:59:00.000Z', 'Europe/Berlin')).toBe('2026-07-01')
    expect(localDay('2026-07-01T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-02')
    // Lord Howe moves from UTC+10:30 to UTC+11 at 02:00 local on 4 Oct 2026 (15:30 UTC on 3 Oct).
    expect(localDay('2026-10-04T13:29:00.000Z', 'Australia/Lord_Howe')).toBe('2026-10-05')
    expect(localDay('2026-10-03T13:29:00.000Z', 'Australia/Lord_Howe')).toBe('2026-10-03')
  })

  it('matches Intl for any instant and zone', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe']
    const format = (ms: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms))
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(localDay(new Date(ms).toISOString(), zone)).toBe(format(ms, zone))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('reads instants exactly as Date.parse does, with or without milliseconds or Z', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString()
        expect(instantMs(iso)).toBe(ms)
        expect(instantMs(`${iso.slice(0, 19)}Z`)).toBe(Math.floor(ms / 1000) * 1000)
      }),
    )
    expect(instantMs('2026-03-01T10:00:00+01:00')).toBe(Date.UTC(2026, 2, 1, 9))
  })

  it('rejects a string that is not an instant', () => {
    expect(() => localDay('yesterday', 'UTC')).toThrow(/Not an instant/)
    expect(() => instantMs('2026-13-01T00:00:00.000Z')).toThrow(/Not an instant/)
  })
})

// When steps fall due: calendar or working days, preferred weekdays, month and year ends, and
// "today" and reminder times in the user's zone across daylight-saving changes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reminderInstant, todayIn } from '../../../src/main/sequences/clock'
import {
  addBusinessDays,
  allowedWeekdays,
  nominalDay,
  scheduleSteps,
  weekdayOf,
  type ScheduleOptions,
  type Weekday,
} from '../../../src/shared/domain/schedule'

const anyDay: ScheduleOptions = { businessDays: false, preferredWeekdays: [] }
const tueToThu: ScheduleOptions = { businessDays: false, preferredWeekdays: [2, 3, 4] }
const inmail0371 = [0, 3, 7, 14].map((dayOffset) => ({ dayOffset }))

describe('calendar days', () => {
  it('adds the offsets to the start day with no preference', () => {
    // 2026-11-23 is a Monday.
    expect(scheduleSteps('2026-11-23', inmail0371, anyDay)).toEqual([
      '2026-11-23',
      '2026-11-26',
      '2026-11-30',
      '2026-12-07',
    ])
  })

  it('crosses month ends, February and the year end', () => {
    expect(scheduleSteps('2026-01-29', inmail0371, anyDay)).toEqual([
      '2026-01-29',
      '2026-02-01',
      '2026-02-05',
      '2026-02-12',
    ])
    expect(scheduleSteps('2028-02-27', [{ dayOffset: 0 }, { dayOffset: 2 }], anyDay)).toEqual([
      '2028-02-27',
      '2028-02-29',
    ])
    expect(scheduleSteps('2026-12-28', inmail0371, anyDay)).toEqual([
      '2026-12-28',
      '2026-12-31',
      '2027-01-04',
      '2027-01-11',
    ])
  })
})

describe('preferred weekdays (Tuesday to Thursday by default)', () => {
  it('moves each step forward to the next Tuesday, Wednesday or Thursday', () => {
    // Monday start: day 0 → Tue 24; day 3 (Thu 26) stays; day 7 (Mon 30) → Tue 1 Dec;
    // day 14 (Mon 7 Dec) → Tue 8 Dec.
    const due = scheduleSteps('2026-11-23', inmail0371, tueToThu)
    expect(due).toEqual(['2026-11-24', '2026-11-26', '2026-12-01', '2026-12-08'])
    for (const day of due) expect([2, 3, 4]).toContain(weekdayOf(day))
  })

  it('never lets a shifted step land on or before the step before it', () => {
    // Thursday start, steps on days 0, 1, 2: Thu, then Fri → Tue, then Sat → must follow Tue.
    const due = scheduleSteps(
      '2026-11-26',
      [{ dayOffset: 0 }, { dayOffset: 1 }, { dayOffset: 2 }],
      tueToThu,
    )
    expect(due).toEqual(['2026-11-26', '2026-12-01', '2026-12-02'])
  })

  it('keeps steps with the same day together (the two final steps of the multi-channel plan)', () => {
    const due = scheduleSteps(
      '2026-11-23',
      [1, 4, 7, 14, 14].map((dayOffset) => ({ dayOffset })),
      tueToThu,
    )
    // Fri 27 → Tue 1 Dec; the email (Mon 30) then has to follow it: Wed 2 Dec.
    expect(due).toEqual(['2026-11-24', '2026-12-01', '2026-12-02', '2026-12-08', '2026-12-08'])
  })
})

describe('working days only', () => {
  it('counts offsets in working days and starts a weekend enrolment on Monday', () => {
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30') // Fri + 1 → Mon
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-30') // Sat → Mon
    expect(addBusinessDays('2026-11-23', 5)).toBe('2026-11-30') // a working week
    const working: ScheduleOptions = { businessDays: true, preferredWeekdays: [] }
    expect(scheduleSteps('2026-11-27', inmail0371, working)).toEqual([
      '2026-11-27',
      '2026-12-02',
      '2026-12-08',
      '2026-12-17',
    ])
  })

  it('falls back to Monday–Friday when only weekend days are preferred', () => {
    expect([...allowedWeekdays({ businessDays: true, preferredWeekdays: [6, 7] })]).toEqual([
      1, 2, 3, 4, 5,
    ])
  })
})

describe('invariants', () => {
  const options = fc.record({
    businessDays: fc.boolean(),
    preferredWeekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[]),
  })
  const start = fc
    .integer({ min: 0, max: 3650 })
    .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
  const offsets = fc
    .array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 })
    .map((list) => [...list].sort((a, b) => a - b).map((dayOffset) => ({ dayOffset })))

  it('every step is on an allowed weekday, no earlier than its nominal day, within a week of it, in order', () => {
    fc.assert(
      fc.property(start, offsets, options, (day, steps, opts) => {
        const due = scheduleSteps(day, steps, opts)
        const allowed = allowedWeekdays(opts)
        due.forEach((d, i) => {
          expect(allowed.has(weekdayOf(d))).toBe(true)
          expect(d >= nominalDay(day, steps[i]!.dayOffset, opts)).toBe(true)
          if (i > 0) {
            expect(d >= due[i - 1]!).toBe(true)
            if (steps[i]!.dayOffset > steps[i - 1]!.dayOffset) expect(d > due[i - 1]!).toBe(true)
          }
        })
      }),
    )
  })
})

describe("today and reminders in the user's zone", () => {
  it('decides today by the zone, not by UTC', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z')
    expect(todayIn(lateEvening, 'UTC')).toBe('2026-11-23')
    expect(todayIn(lateEvening, 'Europe/Berlin')).toBe('2026-11-24')
    expect(todayIn(lateEvening, 'America/Los_Angeles')).toBe('2026-11-23')
    expect(todayIn(new Date('2026-11-24T07:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-23')
  })

  it('fires at 9:00 local time on both sides of a daylight-saving change', () => {
    // Berlin: clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(reminderInstant('2026-03-28', 'Europe/Berlin')).toBe('2026-03-28T08:00:00.000Z')
    expect(reminderInstant('2026-03-29', 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z')
    expect(reminderInstant('2026-10-24', 'Europe/Berlin')).toBe('2026-10-24T07:00:00.000Z')
    expect(reminderInstant('2026-10-25', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z')
    // New York moves on 8 March 2026; a reminder at 2:00 falls in the gap and moves to 3:00.
    expect(reminderInstant('2026-03-08', 'America/New_York', 2)).toBe('2026-03-08T07:00:00.000Z')
  })

  it('the midnight a day begins on a DST day is still that day', () => {
    // 25 Oct 2026 in Berlin has 25 hours: 00:00 CEST is 22:00Z the day before.
    expect(todayIn(new Date('2026-10-24T22:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25')
    expect(todayIn(new Date('2026-10-25T22:59:59Z'), 'Europe/Berlin')).toBe('2026-10-25')
    expect(todayIn(new Date('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26')
  })
})

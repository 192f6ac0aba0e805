// When steps fall due: calendar or working days, preferred weekdays, month and year ends, and
// "today" and reminder times in the user's zone across daylight-saving changes.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reminderInstant, todayIn } from '../../../src/main/sequences/clock'
import {
  addBusinessDays,
  addDays,
  addGap,
  allowedWeekdays,
  daysBetween,
  nominalDay,
  replanAfter,
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
  it('keeps every gap of the plan: a step moved to a preferred day pushes the later ones', () => {
    // Friday start: the opener moves to Tue 24. The bump keeps its 3 days (Fri 27), then moves
    // to the next preferred day, Tue 1 Dec; not Wed 25, one day after the opener.
    const due = scheduleSteps('2026-11-20', inmail0371, tueToThu)
    expect(due).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15'])
    expect(due[1]).not.toBe('2026-11-25')
    for (const day of due) expect([2, 3, 4]).toContain(weekdayOf(day))
  })

  it('moves the day-0 step of a Monday start to Tuesday, and the rest by as much', () => {
    // Mon 23 → Tue 24; the bump 3 days later is Fri 27 → Tue 1 Dec; +4 → Sat 5 → Tue 8; +7.
    expect(scheduleSteps('2026-11-23', inmail0371, tueToThu)).toEqual([
      '2026-11-24',
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
    ])
  })

  it('keeps a one-day gap a one-day gap after a step moves', () => {
    // Thursday start, steps on days 0, 1, 2: Thu, then Fri → Tue, then the day after it.
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
    // Request Tue 24; InMail 3 days on (Fri 27) → Tue 1 Dec; the email 3 days after that
    // (Fri 4) → Tue 8, never squeezed to the day after the InMail; the finals a week on.
    expect(due).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-15'])
  })
})

describe('moving the rest of a plan', () => {
  const planned = (days: string[]) => days.map((dueOn, i) => ({ dayOffset: [3, 7, 14][i]!, dueOn }))

  it('keeps the gaps from the day a late step was done', () => {
    // The opener (day 0) planned for Tue 24 goes out on Thu 3 Dec: the bump keeps its 3 days
    // (Sun 6 → Tue 8), the new angle its 4 (Sat 12 → Tue 15), the exit its 7 (Tue 22).
    const later = replanAfter(
      { day: '2026-12-03', dayOffset: 0 },
      planned(['2026-12-01', '2026-12-08', '2026-12-15']),
      tueToThu,
    )
    expect(later).toEqual(['2026-12-08', '2026-12-15', '2026-12-22'])
  })

  it('never pulls steps earlier when a step goes out early', () => {
    const stored = ['2026-12-01', '2026-12-08', '2026-12-15']
    expect(replanAfter({ day: '2026-11-24', dayOffset: 0 }, planned(stored), tueToThu)).toEqual(
      stored,
    )
  })

  it('moves the later steps by the days a snooze moved the step, then snaps them', () => {
    // The bump (Tue 1 Dec) snoozed 2 days to Thu 3: the new angle Tue 8 → Thu 10, the exit
    // Tue 15 → Thu 17, both still preferred days.
    const later = replanAfter(
      { day: '2026-12-03', dayOffset: 3 },
      [
        { dayOffset: 7, dueOn: '2026-12-08' },
        { dayOffset: 14, dueOn: '2026-12-15' },
      ],
      tueToThu,
      2,
    )
    expect(later).toEqual(['2026-12-10', '2026-12-17'])
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

  it('every step is on an allowed weekday, the first within a week of its nominal day, and no gap is shorter than the plan', () => {
    fc.assert(
      fc.property(start, offsets, options, (day, steps, opts) => {
        const due = scheduleSteps(day, steps, opts)
        const allowed = allowedWeekdays(opts)
        const first = nominalDay(day, steps[0]!.dayOffset, opts)
        expect(due[0]! >= first && daysBetween(first, due[0]!) < 7).toBe(true)
        due.forEach((d, i) => {
          expect(allowed.has(weekdayOf(d))).toBe(true)
          expect(d >= nominalDay(day, steps[i]!.dayOffset, opts)).toBe(true)
          if (i > 0) {
            const gap = steps[i]!.dayOffset - steps[i - 1]!.dayOffset
            // The defined gap, counted the way the sequence counts (working days or not).
            expect(d >= addGap(due[i - 1]!, gap, opts)).toBe(true)
          }
        })
      }),
    )
  })

  it('after a late send or a snooze, no later step is earlier than before and no gap shrinks', () => {
    fc.assert(
      fc.property(
        start,
        offsets,
        options,
        fc.integer({ min: 0, max: 30 }),
        (day, steps, opts, late) => {
          const due = scheduleSteps(day, steps, opts)
          const doneOn = addDays(due[0]!, late)
          const later = replanAfter(
            { day: doneOn, dayOffset: steps[0]!.dayOffset },
            steps.slice(1).map((s, i) => ({ dayOffset: s.dayOffset, dueOn: due[i + 1]! })),
            opts,
          )
          let previous = { day: doneOn, dayOffset: steps[0]!.dayOffset }
          later.forEach((d, i) => {
            expect(d >= due[i + 1]!).toBe(true)
            expect(
              d >= addGap(previous.day, steps[i + 1]!.dayOffset - previous.dayOffset, opts),
            ).toBe(true)
            expect(allowedWeekdays(opts).has(weekdayOf(d))).toBe(true)
            previous = { day: d, dayOffset: steps[i + 1]!.dayOffset }
          })
        },
      ),
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

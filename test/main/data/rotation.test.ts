// Which automatic backups survive: the last 7 days' and the last 4 weeks' latest.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../src/main/credits/engine/days'
import {
  dailyBackupDue,
  isoWeekOf,
  rotate,
  type AutomaticBackup,
} from '../../../src/main/data/rotation'

/** One backup a day at noon, from `first` for `days` days. */
function everyDay(first: string, days: number): AutomaticBackup[] {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(first, i)
    return { name: `ledger-${day}T12-00-00-000Z-daily.sqlite`, day }
  })
}

const dayOf = (name: string) => name.slice(7, 17)

describe('ISO weeks', () => {
  it('start on Monday, including across a year end', () => {
    // 2026-11-23 is a Monday; 2026-11-29 the Sunday of the same week.
    expect(isoWeekOf('2026-11-23')).toBe(isoWeekOf('2026-11-29'))
    expect(isoWeekOf('2026-11-22')).not.toBe(isoWeekOf('2026-11-23'))
    // 2020-12-31 (Thursday) and 2021-01-03 (Sunday) are both in ISO week 53 of 2020.
    expect(isoWeekOf('2020-12-31')).toBe(isoWeekOf('2021-01-03'))
    expect(isoWeekOf('2021-01-04')).not.toBe(isoWeekOf('2021-01-03'))
  })
})

describe('rotating daily backups', () => {
  it('after 40 days keeps the last 7 days and the latest of the 4 weeks before them', () => {
    // 2026-10-15 (Thursday) … 2026-11-23 (Monday).
    const rotation = rotate(everyDay('2026-10-15', 40))
    expect(rotation.daily.map(dayOf)).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ])
    // Then the latest (Sunday) of each of the 4 weeks before the week the dailies reach into.
    expect(rotation.weekly.map(dayOf)).toEqual([
      '2026-11-15',
      '2026-11-08',
      '2026-11-01',
      '2026-10-25',
    ])
    expect(rotation.remove).toHaveLength(40 - 7 - 4)
    expect(rotation.remove.map(dayOf)).toContain('2026-11-16')
  })

  it('keeps the latest of several backups taken on one day', () => {
    const rotation = rotate([
      { name: 'ledger-2026-11-23T08-00-00-000Z-daily.sqlite', day: '2026-11-23' },
      { name: 'ledger-2026-11-23T19-30-00-000Z-daily.sqlite', day: '2026-11-23' },
    ])
    expect(rotation.daily).toEqual(['ledger-2026-11-23T19-30-00-000Z-daily.sqlite'])
    expect(rotation.remove).toEqual(['ledger-2026-11-23T08-00-00-000Z-daily.sqlite'])
  })

  it('counts days that have a backup, not calendar days: a month away loses nothing recent', () => {
    const before = everyDay('2026-09-01', 10)
    const rotation = rotate(before)
    expect(rotation.daily).toHaveLength(7)
    expect(rotation.daily.map(dayOf)[0]).toBe('2026-09-10')
  })

  it('is due when no backup was taken today', () => {
    const backups = everyDay('2026-11-20', 3)
    expect(dailyBackupDue(backups, '2026-11-22')).toBe(false)
    expect(dailyBackupDue(backups, '2026-11-23')).toBe(true)
    expect(dailyBackupDue([], '2026-11-23')).toBe(true)
  })

  it('always keeps the newest, keeps at most 7 + 4, and accounts for every file', () => {
    const backup = fc
      .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 23 }))
      .map(([offset, hour]): AutomaticBackup => {
        const day = addDays('2026-06-01', offset)
        return {
          name: `ledger-${day}T${String(hour).padStart(2, '0')}-00-00-000Z-daily.sqlite`,
          day,
        }
      })
    fc.assert(
      fc.property(fc.uniqueArray(backup, { selector: (b) => b.name, maxLength: 60 }), (backups) => {
        const { daily, weekly, remove } = rotate(backups)
        expect(daily.length).toBeLessThanOrEqual(7)
        expect(daily.length + weekly.length).toBeLessThanOrEqual(11)
        expect([...daily, ...weekly, ...remove].sort()).toEqual(backups.map((b) => b.name).sort())
        if (backups.length > 0) {
          const newest = [...backups].sort((a, b) => b.name.localeCompare(a.name))[0]!
          expect(daily[0]).toBe(newest.name)
        }
        // Never two kept from the same day, never two weekly from the same week.
        expect(new Set(daily.map(dayOf)).size).toBe(daily.length)
        expect(new Set(weekly.map((n) => isoWeekOf(dayOf(n)))).size).toBe(weekly.length)
        // Rotating what was kept keeps all of it.
        const kept = backups.filter((b) => !remove.includes(b.name))
        expect(rotate(kept).remove).toEqual([])
      }),
    )
  })
})

// The zone's offsets over a period, found exactly, and the SQL that applies them.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  localDayNumberSql,
  offsetSecondsAt,
  offsetSpans,
  offsetSql,
} from '../../../src/main/analytics/local-time'

const ms = (iso: string) => Date.parse(iso)

describe('offset spans', () => {
  it('New York in 2025: EST, EDT from 2025-03-09 07:00Z, EST from 2025-11-02 06:00Z', () => {
    const spans = offsetSpans(
      'America/New_York',
      ms('2025-01-01T00:00:00Z'),
      ms('2025-12-31T00:00:00Z'),
    )
    expect(
      spans.map((s) => [
        Number.isFinite(s.fromMs) ? new Date(s.fromMs).toISOString() : null,
        s.offsetSeconds,
      ]),
    ).toEqual([
      [null, -18_000],
      ['2025-03-09T07:00:00.000Z', -14_400],
      ['2025-11-02T06:00:00.000Z', -18_000],
    ])
  })

  it('Lord Howe Island shifts by half an hour, at half past in UTC', () => {
    const spans = offsetSpans(
      'Australia/Lord_Howe',
      ms('2025-01-01T00:00:00Z'),
      ms('2025-12-31T00:00:00Z'),
    )
    expect(spans.slice(1).map((s) => [new Date(s.fromMs).toISOString(), s.offsetSeconds])).toEqual([
      ['2025-04-05T15:00:00.000Z', 37_800],
      ['2025-10-04T15:30:00.000Z', 39_600],
    ])
  })

  it('a zone without changes is one span; its SQL a constant', () => {
    const spans = offsetSpans(
      'Asia/Kolkata',
      ms('2025-01-01T00:00:00Z'),
      ms('2025-12-31T00:00:00Z'),
    )
    expect(spans).toEqual([{ fromMs: -Infinity, offsetSeconds: 19_800 }])
    expect(offsetSql('at', spans)).toBe('19800')
    expect(offsetSecondsAt(ms('2025-06-01T00:00:00Z'), 'UTC')).toBe(0)
  })

  it('the SQL gives the local day at either side of midnight and of a change', () => {
    const db = new Database(':memory:')
    const spans = offsetSpans(
      'America/New_York',
      ms('2025-01-01T00:00:00Z'),
      ms('2025-12-31T00:00:00Z'),
    )
    const day = (at: string) =>
      (
        db
          .prepare(`SELECT date(${localDayNumberSql('@at', spans)} * 86400, 'unixepoch') AS d`)
          .get({ at }) as { d: string }
      ).d
    expect(day('2025-01-15T04:59:59.999Z')).toBe('2025-01-14')
    expect(day('2025-01-15T05:00:00Z')).toBe('2025-01-15')
    expect(day('2025-07-15T03:59:59Z')).toBe('2025-07-14')
    expect(day('2025-07-15T04:00:00.000Z')).toBe('2025-07-15')
    // 01:59:59 EST, then 03:00:00 EDT: both on 2025-03-09.
    expect(day('2025-03-09T06:59:59Z')).toBe('2025-03-09')
    expect(day('2025-03-09T07:00:00Z')).toBe('2025-03-09')
    expect(day('2025-03-09T03:59:59Z')).toBe('2025-03-08')
    db.close()
  })
})

import { describe, expect, it } from 'vitest'
import {
  matchingDateFormats,
  parseDate,
  parseDateDetailed,
  type DateFormat,
} from '../../../../src/main/imports/csv'

describe('parseDate', () => {
  it('reads every format, a date without a time as noon in the zone', () => {
    const noon = '2026-02-13T11:00:00.000Z' // 12:00 in Berlin (UTC+1 in February)
    const at1430 = '2026-02-13T13:30:00.000Z'
    const cases: [DateFormat, string, string][] = [
      ['iso', '2026-02-13', noon],
      ['iso', '2026-02-13T14:30', at1430],
      ['iso', '2026-02-13 14:30:00', at1430],
      ['iso', '2026-02-13T14:30:00Z', '2026-02-13T14:30:00.000Z'],
      ['iso', '2026-02-13T14:30:00.123+05:30', '2026-02-13T09:00:00.000Z'],
      ['YYYY-MM-DD', '2026-02-13', noon],
      ['YYYY-MM-DD HH:mm', '2026-02-13 14:30', at1430],
      ['YYYY/MM/DD', '2026/02/13', noon],
      ['DD/MM/YYYY', '13/02/2026', noon],
      ['DD/MM/YYYY', '13/2/2026', noon],
      ['MM/DD/YYYY', '02/13/2026', noon],
      ['MM/DD/YYYY', '2/13/2026', noon],
      ['DD/MM/YYYY HH:mm', '13/02/2026 14:30', at1430],
      ['DD/MM/YYYY HH:mm', '13/02/2026, 14:30:00', at1430],
      ['MM/DD/YYYY HH:mm', '02/13/2026 2:30 PM', at1430],
      ['D/M/YY', '13/2/26', noon],
      ['M/D/YY', '2/13/26', noon],
      ['D/M/YY H:mm', '13/2/26 14:30', at1430],
      ['M/D/YY H:mm', '2/13/26 14:30', at1430],
      ['M/D/YY H:mm', '2/13/26 2:30 pm', at1430],
      ['DD.MM.YYYY', '13.02.2026', noon],
      ['DD.MM.YYYY HH:mm', '13.02.2026 14:30', at1430],
      ['DD-MM-YYYY', '13-02-2026', noon],
      ['D MMM YYYY', '13 Feb 2026', noon],
      ['D MMM YYYY', '13 february 2026', noon],
      ['D MMM YYYY', '13-Feb-2026', noon],
      ['D-MMM-YY', '13-Feb-26', noon],
      ['MMM D, YYYY', 'Feb 13, 2026', noon],
      ['MMM D, YYYY', 'February 13 2026', noon],
    ]
    for (const [format, value, instant] of cases)
      expect(parseDate(value, format, 'Europe/Berlin'), `${format} ${value}`).toBe(instant)
  })

  it('keeps the calendar day a date-only value names, in any zone', () => {
    for (const zone of ['Pacific/Auckland', 'Pacific/Honolulu', 'Asia/Kolkata', 'UTC']) {
      const parsed = parseDateDetailed('13/02/2026', 'DD/MM/YYYY', zone)
      expect(parsed?.day).toBe('2026-02-13')
      expect(parsed?.hasTime).toBe(false)
    }
    expect(parseDate('2026-02-13', 'YYYY-MM-DD', 'Pacific/Auckland')).toBe(
      '2026-02-12T23:00:00.000Z',
    )
    expect(parseDate('2026-02-13', 'YYYY-MM-DD', 'America/New_York')).toBe(
      '2026-02-13T17:00:00.000Z',
    )
  })

  it('places an instant with an offset in the zone for its day', () => {
    expect(parseDateDetailed('2026-02-13T23:30:00Z', 'iso', 'Europe/Berlin')).toEqual({
      at: '2026-02-13T23:30:00.000Z',
      day: '2026-02-14',
      hasTime: true,
    })
  })

  it('handles clock changes: a skipped time moves forward, a repeated one is the first', () => {
    // Berlin skips 02:00–03:00 on 2026-03-29 and repeats 02:00–03:00 on 2026-10-25.
    expect(parseDate('2026-03-29 02:30', 'YYYY-MM-DD HH:mm', 'Europe/Berlin')).toBe(
      '2026-03-29T01:30:00.000Z',
    )
    expect(parseDate('2026-10-25 02:30', 'YYYY-MM-DD HH:mm', 'Europe/Berlin')).toBe(
      '2026-10-25T00:30:00.000Z',
    )
    expect(parseDate('2026-07-01 09:00', 'YYYY-MM-DD HH:mm', 'Europe/Berlin')).toBe(
      '2026-07-01T07:00:00.000Z',
    )
  })

  it('accepts real calendar dates only', () => {
    expect(parseDate('29/02/2024', 'DD/MM/YYYY', 'UTC')).toBe('2024-02-29T12:00:00.000Z')
    for (const [value, format] of [
      ['31/02/2026', 'DD/MM/YYYY'],
      ['29/02/2026', 'DD/MM/YYYY'],
      ['31/04/2026', 'DD/MM/YYYY'],
      ['13/13/2026', 'DD/MM/YYYY'],
      ['00/01/2026', 'DD/MM/YYYY'],
      ['2026-02-30', 'iso'],
      ['2026-02-13 24:00', 'YYYY-MM-DD HH:mm'],
      ['2026-02-13 10:60', 'YYYY-MM-DD HH:mm'],
      ['2/13/26 13:30 PM', 'M/D/YY H:mm'],
      ['13 Fbr 2026', 'D MMM YYYY'],
      ['0026-02-13', 'YYYY-MM-DD'],
      ['', 'iso'],
      ['soon', 'iso'],
    ] as const)
      expect(parseDate(value, format, 'UTC'), value).toBeNull()
  })

  it('reads each format strictly: a time where none is expected is refused, and the other way', () => {
    expect(parseDate('13/02/2026 14:30', 'DD/MM/YYYY', 'UTC')).toBeNull()
    expect(parseDate('13/02/2026', 'DD/MM/YYYY HH:mm', 'UTC')).toBeNull()
    expect(parseDate('2026-02-13', 'DD/MM/YYYY', 'UTC')).toBeNull()
  })

  it('throws for an unknown time zone', () => {
    expect(() => parseDate('2026-02-13', 'iso', 'Mars/Base')).toThrow(RangeError)
  })
})

describe('matchingDateFormats', () => {
  it('lists an ambiguous day under both orders until one value settles it', () => {
    expect(matchingDateFormats(['01/02/2026', '05/06/2026'])).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY'])
    expect(matchingDateFormats(['01/02/2026', '13/02/2026'])).toEqual(['DD/MM/YYYY'])
    expect(matchingDateFormats(['01/02/2026', '02/13/2026'])).toEqual(['MM/DD/YYYY'])
  })

  it('ignores blank cells but needs every filled one to fit', () => {
    expect(matchingDateFormats(['2026-02-13', '', '  '])).toEqual(['iso', 'YYYY-MM-DD'])
    expect(matchingDateFormats(['2026-02-13', 'n/a'])).toEqual([])
    expect(matchingDateFormats(['', ''])).toEqual([])
    expect(matchingDateFormats(['Jane', 'Bob'])).toEqual([])
  })

  it('tells Excel’s short US dates with times apart from the European ones', () => {
    expect(matchingDateFormats(['2/13/26 14:30', '12/1/26 9:05'])).toEqual(['M/D/YY H:mm'])
  })
})

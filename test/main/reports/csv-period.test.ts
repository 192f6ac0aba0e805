// The pure pieces: CSV cells survive a real parser whatever they hold, and a text cell never
// reaches a spreadsheet as a formula; periods read as people say them and compare with the one
// before.
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Cell, csvText, neutralise } from '../../../src/main/reports/csv'
import { monthPeriod, periodOf, previousPeriod } from '../../../src/main/reports/period'

describe('CSV cells', () => {
  it('round-trip through csv-parse: text neutralised, numbers as written', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '=1+1',
        '+31 6 1234',
        '-Minus',
        '@SUM(A1)',
        '\tTab',
        '\rCR',
        'a,b',
        'say "hi"',
      ),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        (rows: Cell[][]) => {
          const text = csvText({ name: 't.csv', header: ['A', 'B'], rows })
          expect(text.startsWith('\uFEFF')).toBe(true)
          const parsed = parse(text, { bom: true, relax_column_count: false }) as string[][]
          expect(parsed.slice(1)).toEqual(
            rows.map((r) =>
              r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : neutralise(c))),
            ),
          )
          for (const [i, row] of parsed.slice(1).entries())
            row.forEach((value, j) => {
              if (typeof rows[i]![j] === 'string') expect(value).not.toMatch(/^[=+\-@\t\r]/)
            })
        },
      ),
    )
  })

  it('keeps negative numbers numbers and prefixes only formula-like text', () => {
    expect(csvText({ name: 'x', header: ['n', 't'], rows: [[-7, '-7']] })).toBe(
      "\uFEFFn,t\r\n-7,'-7\r\n",
    )
    expect(neutralise('Jane Doe')).toBe('Jane Doe')
    expect(neutralise('=cmd|"/c calc"!A1')).toBe(`'=cmd|"/c calc"!A1`)
  })
})

describe('report periods', () => {
  it('names a calendar month and compares it with the month before, across a year', () => {
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(monthPeriod('2026-13')).toBeNull()
    expect(monthPeriod('26-01')).toBeNull()
    expect(periodOf('2026-01-01', '2026-01-31').label).toBe('January 2026')
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
      label: 'December 2025',
      wholeMonth: true,
    })
    expect(previousPeriod('2026-03-01', '2026-03-31').to).toBe('2026-02-28')
  })

  it('compares any other range with as many days just before it', () => {
    expect(periodOf('2026-03-02', '2026-03-15').label).toBe('2 Mar 2026 – 15 Mar 2026')
    expect(periodOf('2026-03-02', '2026-03-02').label).toBe('2 Mar 2026')
    expect(previousPeriod('2026-03-02', '2026-03-15')).toMatchObject({
      from: '2026-02-16',
      to: '2026-03-01',
    })
    // Two whole months are a range, not a month.
    expect(previousPeriod('2026-01-01', '2026-02-28')).toMatchObject({
      from: '2025-11-03',
      to: '2025-12-31',
      wholeMonth: false,
    })
  })
})

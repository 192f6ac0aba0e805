// The words the PDF and the preview share: a row of month over month reads in one unit.
import { describe, expect, it } from 'vitest'
import { changeText, hours, unitFor } from '../../../src/shared/reports/words'

describe('durations in the report', () => {
  it('writes both values and the change of a row in the same unit', () => {
    const rows = [
      {
        row: { current: 60, previous: 93.6, delta: -33.6 },
        reads: ['2.5 days', '3.9 days', '−1.4 days'],
      },
      {
        row: { current: 20, previous: 30.5, delta: -10.5 },
        reads: ['20.0 h', '30.5 h', '−10.5 h'],
      },
    ]
    for (const { row, reads } of rows) {
      const unit = unitFor(row.current, row.previous, row.delta)
      expect([hours(row.current, unit), hours(row.previous, unit), changeText(row, unit)]).toEqual(
        reads,
      )
    }
  })
})

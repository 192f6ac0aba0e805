import { describe, expect, it } from 'vitest'
import { computeSeatState, statement, statementFromEntries } from '../../../src/main/credits/engine'
import { catalogTerms, endOf, Ledger, seat } from './engine-builders'

function february() {
  const ledger = new Ledger()
  ledger.opened('2026-01-15', 10) // expires Apr 15
  const [first] = ledger.sentMany('2026-02-02', 3)
  ledger.response('2026-02-10', first!)
  ledger.sentMany('2026-02-20', 2)
  ledger.adjustment('2026-02-25', -2, 'LinkedIn shows 2 fewer')
  return ledger
}

describe('statement', () => {
  it('totals a month by kind', () => {
    const result = statement(seat(), february().events, '2026-02-01', '2026-02-28')
    expect(result).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      opening: 10,
      granted: 30,
      purchased: 0,
      spent: 5,
      refunded: 1,
      expired: 0,
      forfeited: 0,
      adjusted: -2,
      closing: 34,
    })
    expect(result.entries.map((e) => [e.day, e.kind, e.credits])).toEqual([
      ['2026-02-02', 'spend', -1],
      ['2026-02-02', 'spend', -1],
      ['2026-02-02', 'spend', -1],
      ['2026-02-10', 'refund', 1],
      ['2026-02-15', 'grant', 30],
      ['2026-02-20', 'spend', -1],
      ['2026-02-20', 'spend', -1],
      ['2026-02-25', 'adjustment', -2],
    ])
  })

  it('counts the opening credits of the seat as granted in its first period', () => {
    expect(statement(seat(), february().events, '2026-01-01', '2026-01-31')).toMatchObject({
      opening: 0,
      granted: 10,
      closing: 10,
    })
  })

  it('shows expiries and grants after the events stop', () => {
    // Mar 15 grant of 30 → 64; Apr 15: the 3 left of the opening credits expire, then + 30.
    expect(statement(seat(), february().events, '2026-04-01', '2026-04-30')).toMatchObject({
      opening: 64,
      granted: 30,
      expired: 3,
      closing: 91,
    })
  })

  it('counts forfeits and the new plan’s opening credits', () => {
    const ledger = february()
    ledger.planChange('2026-03-10', 'recruiter-professional', {
      ...catalogTerms('recruiter-professional', '2026-03-10'),
    })
    ledger.cancellation('2026-03-20')
    expect(statement(seat(), ledger.events, '2026-03-01', '2026-03-31')).toMatchObject({
      opening: 34,
      forfeited: 134,
      granted: 100,
      closing: 0,
    })
  })

  it('can reuse the journal of a later state instead of replaying again', () => {
    const ledger = february()
    const state = computeSeatState(seat(), ledger.events, endOf('2026-06-30'))
    expect(statementFromEntries(state.entries, '2026-02-01', '2026-02-28')).toEqual(
      statement(seat(), ledger.events, '2026-02-01', '2026-02-28'),
    )
  })

  it('refuses a period that runs backwards', () => {
    expect(() => statement(seat(), [], '2026-03-01', '2026-02-01')).toThrow(RangeError)
  })
})

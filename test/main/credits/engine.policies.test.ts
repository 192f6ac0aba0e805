// Golden scenarios for expiry, adjustments, plan changes, time zones and event order
// (DOMAIN.md §2), worked out by hand.
import { describe, expect, it } from 'vitest'
import { computeSeatState } from '../../../src/main/credits/engine'
import { catalogTerms, endOf, entriesOn, Ledger, seat, stateOn } from './engine-builders'

describe('expiry policies', () => {
  it("'90d': a batch dated D is spendable on D+89 and gone on D+90", () => {
    const settings = seat({ planId: 'premium-career', startedOn: '2026-01-10' })
    const ledger = new Ledger()
    ledger.opened('2026-01-10', 15) // at the cap: no grants until it expires
    ledger.sent('2026-04-09') // Jan 10 + 89
    expect(stateOn(settings, ledger, '2026-04-09').batches).toEqual([
      { credits: 14, source: 'opening', dated: '2026-01-10', expires: '2026-04-10' },
    ])
    // Apr 10 is also the renewal day: the expiry comes first, then the grant.
    expect(entriesOn(settings, ledger, '2026-04-10')).toEqual([
      { kind: 'expiry', credits: -14 },
      { kind: 'grant', credits: 5 },
    ])
    expect(stateOn(settings, ledger, '2026-04-10').available).toBe(5)
  })

  it("'no-rollover': unused credits lapse at each renewal, before the grant", () => {
    const settings = seat({ startedOn: '2026-01-15', policy: { expiry: 'no-rollover' } })
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 30)
    ledger.sentMany('2026-01-20', 10)
    expect(entriesOn(settings, ledger, '2026-02-15')).toEqual([
      { kind: 'expiry', credits: -20 },
      { kind: 'grant', credits: 30 },
    ])
    expect(stateOn(settings, ledger, '2026-02-15').batches).toEqual([
      { credits: 30, source: 'grant', dated: '2026-02-15', expires: '2026-03-15' },
    ])
  })

  it("'never': credits stay and only the cap binds", () => {
    const settings = seat({ planId: 'premium-business', policy: { expiry: 'never' } })
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 0)
    const state = stateOn(settings, ledger, '2027-01-15')
    expect(state.available).toBe(45)
    expect(state.entries.filter((e) => e.kind === 'expiry')).toEqual([])
    expect(state.entries.filter((e) => e.kind === 'grant' && e.credits > 0)).toHaveLength(3)
    expect(state.batches.every((b) => b.expires === null)).toBe(true)
  })

  it("'inactive-90d': everything expires 90 days after the last activity", () => {
    const settings = seat({ startedOn: '2026-01-15', policy: { expiry: 'inactive-90d' } })
    const idle = new Ledger()
    idle.opened('2026-01-15', 30)
    // Jan 15 + 90 = Apr 15, also the renewal day: the expiry comes first.
    expect(entriesOn(settings, idle, '2026-04-15')).toEqual([
      { kind: 'expiry', credits: -90 },
      { kind: 'grant', credits: 30 },
    ])

    const active = new Ledger()
    active.opened('2026-01-15', 30)
    active.sent('2026-03-01')
    expect(stateOn(settings, active, '2026-05-29').available).toBe(120)
    expect(entriesOn(settings, active, '2026-05-30')).toEqual([{ kind: 'expiry', credits: -120 }])
  })

  it('a purchase follows the expiry rule from its own day', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-10', 0)
    ledger.purchase('2026-02-03', 10, 10000)
    const batchOf = (expiry: '90d' | 'never' | 'no-rollover') =>
      stateOn(
        seat({ planId: 'premium-career', startedOn: '2026-01-10', policy: { expiry } }),
        ledger,
        '2026-02-03',
      ).batches.find((b) => b.source === 'purchase')
    expect(batchOf('90d')).toEqual({
      credits: 10,
      source: 'purchase',
      dated: '2026-02-03',
      expires: '2026-05-04',
    })
    expect(batchOf('never')?.expires).toBeNull()
    expect(batchOf('no-rollover')?.expires).toBe('2026-02-10')
  })
})

describe('adjustments and reconciliation', () => {
  it('adds a batch for a positive adjustment and takes from the soonest for a negative one', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 10)
    ledger.adjustment('2026-01-20', 5, 'LinkedIn shows 15')
    ledger.adjustment('2026-01-21', -12, 'LinkedIn shows 3')
    const state = stateOn(seat(), ledger, '2026-01-21')
    expect(state.available).toBe(3)
    expect(state.batches).toEqual([
      { credits: 3, source: 'adjustment', dated: '2026-01-20', expires: '2026-04-20' },
    ])
  })

  it('clamps a negative adjustment at zero and says so', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 4)
    ledger.adjustment('2026-01-20', -10)
    const state = stateOn(seat(), ledger, '2026-01-20')
    expect(state.available).toBe(0)
    expect(state.entries.at(-1)).toMatchObject({ kind: 'adjustment', credits: -4 })
    expect(state.entries.at(-1)!.note).toContain('only 4 available')
  })

  it('a reconciliation changes nothing by itself; its adjustment names it', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 20)
    const reconciliation = ledger.reconciliation('2026-01-20', 17)
    expect(stateOn(seat(), ledger, '2026-01-20').available).toBe(20)
    ledger.events.push({
      kind: 'adjustment',
      id: 99,
      at: '2026-01-20T12:00:00.000Z',
      delta: -3,
      note: '',
      reconciliationId: reconciliation,
    })
    const state = stateOn(seat(), ledger, '2026-01-20')
    expect(state.available).toBe(17)
    expect(state.entries.at(-1)!.note).toBe(
      'Reconciled with LinkedIn, which showed 17 on 20 Jan 2026 (the ledger had 20)',
    )
  })
})

describe('cancellation and plan change', () => {
  it('cancelling forfeits every credit, stops grants and refunds, and overdraws later sends', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 40)
    const early = ledger.sent('2026-01-20')
    ledger.cancellation('2026-02-01')
    const late = ledger.sent('2026-02-20')
    ledger.response('2026-02-25', early)
    const state = stateOn(seat(), ledger, '2026-03-01')
    expect(entriesOn(seat(), ledger, '2026-02-01')).toEqual([{ kind: 'forfeit', credits: -39 }])
    expect(state.available).toBe(0)
    expect(state.entries.filter((e) => e.kind === 'grant')).toEqual([])
    expect(state.overdrawn).toEqual([late])
    expect(state.nextRenewal).toBeNull()
    expect(state.pendingRefunds).toEqual([])
    expect(state.warnings.map((w) => w.code)).toEqual(['OVERDRAWN', 'SEAT_CANCELLED'])
  })

  it('a plan change forfeits the old credits and restarts the cycle on the change day', () => {
    const settings = seat({ planId: 'premium-business', startedOn: '2026-01-15' })
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 20)
    ledger.planChange(
      '2026-03-10',
      'recruiter-lite',
      catalogTerms('recruiter-lite', '2026-01-15'), // its renewalDay is replaced by the 10th
    )
    expect(entriesOn(settings, ledger, '2026-03-10')).toEqual([
      { kind: 'forfeit', credits: -35 },
      { kind: 'opening', credits: 30 },
    ])
    const state = stateOn(settings, ledger, '2026-03-20')
    expect(state.entries.filter((e) => e.day === '2026-03-15')).toEqual([])
    expect(state.nextRenewal).toEqual({ date: '2026-04-10', credits: 30 })
    expect(stateOn(settings, ledger, '2026-04-10').available).toBe(60)
  })
})

describe('time zones', () => {
  it('puts an instant on the seat’s local day', () => {
    const settings = seat({
      planId: 'sales-navigator-core',
      startedOn: '2026-01-10',
      timeZone: 'America/Los_Angeles',
    })
    const ledger = new Ledger()
    ledger.opened('2026-01-10T18:00:00.000Z', 0)
    const lateEvening = ledger.sent('2026-02-01T05:00:00.000Z') // Jan 31, 21:00 in LA
    ledger.sent('2026-02-01T09:00:00.000Z') // Feb 1, 01:00 in LA: after the grant
    const before = computeSeatState(settings, ledger.events, '2026-02-01T07:59:00.000Z')
    expect(before.asOf).toBe('2026-01-31')
    expect(before.nextRenewal).toEqual({ date: '2026-02-01', credits: 50 })
    const after = computeSeatState(settings, ledger.events, '2026-02-02T00:00:00.000Z')
    expect(after.overdrawn).toEqual([lateEvening])
    expect(after.entries.map((e) => [e.day, e.kind, e.credits])).toEqual([
      ['2026-01-10', 'opening', 0],
      ['2026-02-01', 'grant', 50],
      ['2026-02-01', 'spend', -1],
    ])
  })

  it('east of UTC, an evening UTC send is already the next local day', () => {
    const settings = seat({
      planId: 'sales-navigator-core',
      startedOn: '2026-01-10',
      timeZone: 'Asia/Tokyo',
    })
    const ledger = new Ledger()
    ledger.opened('2026-01-10T03:00:00.000Z', 0)
    ledger.sent('2026-01-31T20:00:00.000Z') // Feb 1, 05:00 in Tokyo
    const state = computeSeatState(settings, ledger.events, '2026-01-31T21:00:00.000Z')
    expect(state.asOf).toBe('2026-02-01')
    expect(state.overdrawn).toEqual([])
    expect(state.available).toBe(49)
  })
})

describe('ordering', () => {
  it('sorts the events itself: storage order does not matter', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 1)
    ledger.sent('2026-01-20T15:00:00.000Z')
    ledger.sent('2026-01-20T09:00:00.000Z')
    const reversed = [...ledger.events].reverse()
    const state = computeSeatState(seat(), reversed, endOf('2026-01-20'))
    expect(state.overdrawn).toEqual([2]) // the 15:00 send came second
  })

  it('as of an instant, later events of the same day are not yet in', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 10)
    ledger.sent('2026-01-20T15:00:00.000Z')
    expect(computeSeatState(seat(), ledger.events, '2026-01-20T14:00:00.000Z').available).toBe(10)
    expect(computeSeatState(seat(), ledger.events, '2026-01-20T15:00:00.000Z').available).toBe(9)
  })
})

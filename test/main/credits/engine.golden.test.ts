// Golden scenarios for the credit rules of DOMAIN.md §1–2, worked out by hand.
import { describe, expect, it } from 'vitest'
import { catalogPlanIds, plans } from '../../../src/shared/domain/plans'
import { Ledger, seat, stateOn } from './engine-builders'

describe('monthly grant and the cap', () => {
  it.each(catalogPlanIds)('%s: a seat at its cap gets nothing at renewal', (planId) => {
    const { cap, renewal } = plans[planId]
    const settings = seat({ planId, startedOn: '2026-01-10' })
    const ledger = new Ledger()
    ledger.opened('2026-01-10', cap)
    const renewalDay = renewal === 'first-of-month' ? '2026-02-01' : '2026-02-10'
    const state = stateOn(settings, ledger, renewalDay)
    expect(state.available).toBe(cap)
    expect(state.entries.at(-1)).toMatchObject({
      day: renewalDay,
      kind: 'grant',
      credits: 0,
      note: `No grant: already at the cap of ${cap}`,
    })
  })

  it.each(catalogPlanIds)('%s: 10 below the cap, the grant tops up to the cap', (planId) => {
    const { cap, monthlyCredits, renewal } = plans[planId]
    const settings = seat({ planId, startedOn: '2026-01-10' })
    const ledger = new Ledger()
    ledger.opened('2026-01-10', cap - 10)
    const renewalDay = renewal === 'first-of-month' ? '2026-02-01' : '2026-02-10'
    const state = stateOn(settings, ledger, renewalDay)
    expect(state.entries.at(-1)).toMatchObject({
      kind: 'grant',
      credits: Math.min(10, monthlyCredits),
    })
    expect(state.available).toBe(cap - 10 + Math.min(10, monthlyCredits))
  })

  it('Recruiter Lite: at 120 no grant, at 100 a grant of 20, at 50 the full 30', () => {
    const settings = seat({ planId: 'recruiter-lite', startedOn: '2026-01-15' })
    for (const [opening, granted, note] of [
      [120, 0, 'No grant: already at the cap of 120'],
      [100, 20, 'Monthly grant (20 of 30, cap 120)'],
      [50, 30, 'Monthly grant (30, cap 120)'],
    ] as const) {
      const ledger = new Ledger()
      ledger.opened('2026-01-15', opening)
      const state = stateOn(settings, ledger, '2026-02-15')
      expect(state.entries.at(-1)).toEqual({
        day: '2026-02-15',
        kind: 'grant',
        credits: granted,
        eventId: null,
        note,
      })
      expect(state.available).toBe(opening + granted)
    }
  })

  it('caps an opening balance above the cap', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 500)
    const state = stateOn(seat(), ledger, '2026-01-15')
    expect(state.available).toBe(120)
    expect(state.entries[0]!.note).toContain('500 given, capped at 120')
  })

  it('renewal day 31 falls on Feb 28, Mar 31, Apr 30, and Feb 29 in a leap year', () => {
    for (const [startedOn, expected] of [
      ['2026-01-31', ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']],
      ['2028-01-31', ['2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']],
    ] as const) {
      const settings = seat({ startedOn, policy: { expiry: 'never' } })
      const ledger = new Ledger()
      ledger.opened(startedOn, 0)
      const grants = stateOn(settings, ledger, expected[3]).entries.filter(
        (e) => e.kind === 'grant',
      )
      expect(grants.map((g) => g.day)).toEqual(expected)
    }
  })

  it('Sales Navigator renews on the 1st whatever day it started', () => {
    const settings = seat({ planId: 'sales-navigator-core', startedOn: '2026-01-20' })
    const ledger = new Ledger()
    ledger.opened('2026-01-20', 0)
    const state = stateOn(settings, ledger, '2026-03-05')
    expect(state.entries.filter((e) => e.kind === 'grant').map((e) => e.day)).toEqual([
      '2026-02-01',
      '2026-03-01',
    ])
    expect(state.nextRenewal).toEqual({ date: '2026-04-01', credits: 50 })
  })

  it('next renewal counts the credits that expire before it', () => {
    const settings = seat({ startedOn: '2026-01-15' })
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 110)
    // At the cap (110 + 10), but the 110 opening credits expire on Apr 15, the renewal day.
    expect(stateOn(settings, ledger, '2026-03-20').nextRenewal).toEqual({
      date: '2026-04-15',
      credits: 30,
    })
    expect(stateOn(settings, ledger, '2026-02-20').nextRenewal).toEqual({
      date: '2026-03-15',
      credits: 0,
    })
    expect(stateOn(settings, ledger, '2026-04-15').available).toBe(40)
  })
})

describe('spending', () => {
  it('takes the credit that expires soonest', () => {
    const settings = seat({ startedOn: '2026-01-15' })
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 10)
    ledger.purchase('2026-01-20', 5)
    ledger.sent('2026-02-20')
    const state = stateOn(settings, ledger, '2026-02-20')
    expect(state.batches).toEqual([
      { credits: 9, source: 'opening', dated: '2026-01-15', expires: '2026-04-15' },
      { credits: 5, source: 'purchase', dated: '2026-01-20', expires: '2026-04-20' },
      { credits: 30, source: 'grant', dated: '2026-02-15', expires: '2026-05-16' },
    ])
  })

  it('Open Profile InMail costs nothing and its response refunds nothing', () => {
    const settings = seat()
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 10)
    const free = ledger.sent('2026-01-16', { openProfile: true })
    ledger.response('2026-01-17', free)
    const state = stateOn(settings, ledger, '2026-01-17')
    expect(state.available).toBe(10)
    expect(state.entries.map((e) => e.kind)).toEqual(['opening'])
    expect(state.pendingRefunds).toEqual([])
  })

  it('never goes below zero: a send with no credit is overdrawn', () => {
    const settings = seat({ planId: 'premium-career', startedOn: '2026-01-10' })
    const ledger = new Ledger()
    ledger.opened('2026-01-10', 1)
    ledger.sent('2026-01-12')
    const second = ledger.sent('2026-01-12')
    const state = stateOn(settings, ledger, '2026-01-12')
    expect(state.available).toBe(0)
    expect(state.overdrawn).toEqual([second])
    expect(state.entries.filter((e) => e.kind === 'spend')).toHaveLength(1)
    expect(state.warnings.find((w) => w.code === 'OVERDRAWN')?.message).toMatch(
      /^1 InMail found no credit/,
    )
  })
})

describe('refunds', () => {
  function twoInMails() {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 50)
    const a = ledger.sent('2026-02-01', { contact: 'Ada' })
    const b = ledger.sent('2026-02-01', { contact: 'Bo' })
    return { ledger, a, b }
  }

  it('refunds a response on day 90 and not on day 91', () => {
    const settings = seat()
    const { ledger, a, b } = twoInMails()
    expect(stateOn(settings, ledger, '2026-05-01').pendingRefunds).toEqual([
      { inmailId: a, contact: 'Ada', sentOn: '2026-02-01', windowClosesOn: '2026-05-02' },
      { inmailId: b, contact: 'Bo', sentOn: '2026-02-01', windowClosesOn: '2026-05-02' },
    ])
    ledger.response('2026-05-02', a) // Feb 1 + 90
    ledger.response('2026-05-03', b) // Feb 1 + 91
    const refunds = stateOn(settings, ledger, '2026-05-31').entries.filter(
      (e) => e.kind === 'refund',
    )
    expect(refunds).toEqual([
      {
        day: '2026-05-02',
        kind: 'refund',
        credits: 1,
        eventId: 4,
        note: 'Refund: reply from Ada (InMail of 1 Feb 2026)',
      },
    ])
    expect(stateOn(settings, ledger, '2026-05-03').pendingRefunds).toEqual([])
  })

  it('a refund is a new batch dated the response day, following the expiry rule', () => {
    const settings = seat()
    const { ledger, a } = twoInMails()
    ledger.response('2026-02-03', a, 'accept')
    const state = stateOn(settings, ledger, '2026-02-03')
    expect(state.batches).toContainEqual({
      credits: 1,
      source: 'refund',
      dated: '2026-02-03',
      expires: '2026-05-04',
    })
    expect(state.available).toBe(49)
  })

  it('refunds once, however many responses follow', () => {
    const settings = seat()
    const { ledger, a } = twoInMails()
    ledger.response('2026-02-03', a, 'reply')
    ledger.response('2026-02-04', a, 'reply')
    ledger.meeting('2026-02-10', a)
    const state = stateOn(settings, ledger, '2026-02-10')
    expect(state.entries.filter((e) => e.kind === 'refund')).toHaveLength(1)
    expect(state.available).toBe(49)
  })

  it('refunds a decline by default, but not when declines are not refunded', () => {
    const { ledger, a } = twoInMails()
    ledger.response('2026-02-03', a, 'decline')
    expect(stateOn(seat(), ledger, '2026-02-03').available).toBe(49)
    const strict = seat({ policy: { refundDeclines: false } })
    expect(stateOn(strict, ledger, '2026-02-03').available).toBe(48)
    // A later reply is still a qualifying response.
    ledger.response('2026-02-05', a, 'reply')
    expect(stateOn(strict, ledger, '2026-02-05').available).toBe(49)
  })

  it('ignores responses to unknown InMails', () => {
    const { ledger } = twoInMails()
    ledger.response('2026-02-03', 999)
    expect(stateOn(seat(), ledger, '2026-02-03').available).toBe(48)
  })

  it('an overdrawn InMail refunds nothing', () => {
    const settings = seat({ planId: 'premium-career', startedOn: '2026-01-10' })
    const ledger = new Ledger()
    ledger.opened('2026-01-10', 0)
    const overdrawn = ledger.sent('2026-01-12')
    ledger.response('2026-01-13', overdrawn)
    const state = stateOn(settings, ledger, '2026-01-13')
    expect(state.available).toBe(0)
    expect(state.pendingRefunds).toEqual([])
  })
})

// Warnings ahead of trouble (DOMAIN.md §3): what a user sees, with the numbers behind it.
import { describe, expect, it } from 'vitest'
import {
  addDays,
  computeSeatState,
  type Day,
  type SeatSettings,
  type WarningCode,
} from '../../../src/main/credits/engine'
import { endOf, Ledger, seat } from './engine-builders'

function warning(settings: SeatSettings, ledger: Ledger, day: Day, code: WarningCode) {
  return computeSeatState(settings, ledger.events, endOf(day)).warnings.find((w) => w.code === code)
}

/** Sends `perDay` credit InMails on each of `days` days starting on `first`. */
function sendDaily(ledger: Ledger, first: Day, days: number, perDay: number): number[] {
  const ids: number[] = []
  for (let i = 0; i < days; i++) ids.push(...ledger.sentMany(addDays(first, i), perDay))
  return ids
}

describe('LOW_BALANCE', () => {
  it('warns when the recent pace runs out before the next renewal', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 30) // + 30 on Feb 15 = 60
    sendDaily(ledger, '2026-02-16', 14, 4) // 56 sends over 28 days: 2 a day; 4 left on Mar 1
    expect(warning(seat(), ledger, '2026-03-01', 'LOW_BALANCE')?.message).toBe(
      'At your recent pace (about 14 credit InMails a week over the last 28 days), your 4 ' +
        'credits run out around 4 Mar 2026, before the next renewal on 15 Mar 2026.',
    )
  })

  it('stays quiet when the balance lasts until the renewal', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 30)
    sendDaily(ledger, '2026-02-16', 14, 1) // 0.5 a day, 46 left
    expect(warning(seat(), ledger, '2026-03-01', 'LOW_BALANCE')).toBeUndefined()
  })
})

describe('EXPIRING_UNUSED', () => {
  it('counts credits the recent pace will not use before they expire', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 100) // expires Apr 15
    expect(warning(seat(), ledger, '2026-03-20', 'EXPIRING_UNUSED')?.message).toBe(
      '100 credits will expire unused in the next 30 days at your recent pace (no credit ' +
        'InMails in the last 28 days), the first on 15 Apr 2026.',
    )
    // Apr 15 is more than 30 days after Mar 10.
    expect(warning(seat(), ledger, '2026-03-10', 'EXPIRING_UNUSED')).toBeUndefined()
  })

  it('leaves out what the pace will spend first', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 30) // expires Apr 15
    sendDaily(ledger, '2026-02-21', 28, 1) // 1 a day; 2 opening credits left on Mar 20
    // 26 days to Apr 15 at 1 a day use the 2 opening credits first: nothing expires unused.
    expect(warning(seat(), ledger, '2026-03-20', 'EXPIRING_UNUSED')).toBeUndefined()
  })
})

describe('REFUND_WINDOWS_CLOSING', () => {
  it('counts pending refunds whose 90-day window closes within 7 days', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 30)
    const [answered] = ledger.sentMany('2026-01-20', 3) // windows close Apr 20
    ledger.response('2026-01-25', answered!)
    expect(warning(seat(), ledger, '2026-04-12', 'REFUND_WINDOWS_CLOSING')).toBeUndefined()
    expect(warning(seat(), ledger, '2026-04-13', 'REFUND_WINDOWS_CLOSING')?.message).toBe(
      'The refund window of 2 InMails closes within 7 days (the first on 20 Apr 2026): a reply, ' +
        'accept or decline before then returns the credit.',
    )
    expect(warning(seat(), ledger, '2026-04-21', 'REFUND_WINDOWS_CLOSING')).toBeUndefined()
  })
})

describe('RESPONSE_RATE_AT_RISK', () => {
  function recruiting(answered: number, options: { openProfile: boolean }) {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 120)
    const sent = ledger.sentMany('2026-02-02', 60, options)
    for (const id of sent.slice(0, answered)) ledger.response('2026-02-05', id, 'decline')
    return ledger
  }

  it('warns a Recruiter seat under 13% on 50+ InMails in 14 days, Open Profile included', () => {
    expect(
      warning(seat(), recruiting(5, { openProfile: true }), '2026-02-10', 'RESPONSE_RATE_AT_RISK')
        ?.message,
    ).toMatch(/^Only 8% of the 60 InMails sent in the last 14 days .* at least 13% on 100 or more/)
    expect(
      warning(seat(), recruiting(8, { openProfile: false }), '2026-02-10', 'RESPONSE_RATE_AT_RISK'),
    ).toBeUndefined()
  })

  it('leaves other plans and old sends alone', () => {
    const premium = seat({ planId: 'premium-business' })
    const ledger = recruiting(0, { openProfile: true })
    expect(warning(premium, ledger, '2026-02-10', 'RESPONSE_RATE_AT_RISK')).toBeUndefined()
    expect(warning(seat(), ledger, '2026-02-15', 'RESPONSE_RATE_AT_RISK')).toBeDefined()
    expect(warning(seat(), ledger, '2026-02-16', 'RESPONSE_RATE_AT_RISK')).toBeUndefined()
  })
})

describe('DAILY_LIMIT', () => {
  it('warns past 1,000 InMails in a day', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 0)
    ledger.sentMany('2026-03-02', 1000, { openProfile: true })
    expect(warning(seat(), ledger, '2026-03-02', 'DAILY_LIMIT')).toBeUndefined()
    ledger.sent('2026-03-02', { openProfile: true })
    expect(warning(seat(), ledger, '2026-03-02', 'DAILY_LIMIT')?.message).toBe(
      '1,001 InMails sent today, over the limit of 1,000 a day per seat. LinkedIn may block sends.',
    )
    expect(warning(seat(), ledger, '2026-03-03', 'DAILY_LIMIT')).toBeUndefined()
  })

  it('warns past 200 InMails in a new seat’s first week', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 0)
    sendDaily(ledger, '2026-01-15', 7, 28) // 196
    expect(warning(seat(), ledger, '2026-01-21', 'DAILY_LIMIT')).toBeUndefined()
    ledger.sentMany('2026-01-21', 5) // 201
    expect(warning(seat(), ledger, '2026-01-21', 'DAILY_LIMIT')?.message).toContain(
      "201 InMails sent in this new seat's first week (through 21 Jan 2026), over the limit of 200",
    )
    ledger.sentMany('2026-01-22', 5) // the eighth day is outside the week
    expect(warning(seat(), ledger, '2026-01-22', 'DAILY_LIMIT')).toBeUndefined()
  })
})

describe('one warning per code', () => {
  it('never repeats a code', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 0)
    ledger.sentMany('2026-01-16', 1001)
    ledger.cancellation('2026-01-16')
    const codes = computeSeatState(seat(), ledger.events, endOf('2026-01-16')).warnings.map(
      (w) => w.code,
    )
    expect(codes).toEqual(['RESPONSE_RATE_AT_RISK', 'DAILY_LIMIT', 'OVERDRAWN', 'SEAT_CANCELLED'])
  })
})

import { describe, expect, it } from 'vitest'
import type { Seat } from '../../../src/shared/contract'
import { call, openBackend, refused, seatCount } from '../../helpers/ledger'

const recruiterLite = { name: 'Work', planId: 'recruiter-lite', startedOn: '2026-01-31' }

describe('seats', () => {
  it('copies the plan terms from the catalogue, renewing on the start day', async () => {
    const backend = await openBackend()
    const seat = await call<Seat>(backend, 'seats.add', recruiterLite)
    expect(seat).toMatchObject({
      name: 'Work',
      planName: 'Recruiter Lite',
      startedOn: '2026-01-31',
      archivedAt: null,
      terms: {
        monthlyCredits: 30,
        cap: 120,
        renewal: 'start-day',
        renewalDay: 31,
        priceCents: 17000,
      },
    })
  })

  it('renews Sales Navigator on the 1st, and takes an explicit renewal day', async () => {
    const backend = await openBackend()
    const nav = await call<Seat>(backend, 'seats.add', {
      name: 'Sales',
      planId: 'sales-navigator-core',
      startedOn: '2026-02-17',
    })
    expect(nav.terms).toMatchObject({ renewal: 'first-of-month', renewalDay: 1, cap: 150 })
    const premium = await call<Seat>(backend, 'seats.add', {
      name: 'Personal',
      planId: 'premium-business',
      startedOn: '2026-02-17',
      renewalDay: 3,
    })
    expect(premium.terms).toMatchObject({ renewalDay: 3, monthlyCredits: 15, cap: 45 })
  })

  it('takes custom terms, and refuses a custom plan without them', async () => {
    const backend = await openBackend()
    const custom = await call<Seat>(backend, 'seats.add', {
      name: 'Agency contract',
      planId: 'custom',
      startedOn: '2026-01-10',
      custom: { monthlyCredits: 40, cap: 160, priceCents: 25000 },
    })
    expect(custom).toMatchObject({
      planName: 'Custom plan',
      terms: { monthlyCredits: 40, cap: 160 },
    })

    const missing = await refused(backend, 'seats.add', {
      ...recruiterLite,
      name: 'X',
      planId: 'custom',
    })
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(missing.message).toMatch(/monthly credits, cap and price/)
    const capTooLow = await refused(backend, 'seats.add', {
      ...recruiterLite,
      name: 'Y',
      planId: 'custom',
      custom: { monthlyCredits: 40, cap: 10, priceCents: 0 },
    })
    expect(capTooLow.message).toMatch(/cap must be at least the monthly credits/)
    expect(seatCount(backend)).toBe(1)
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const backend = await openBackend()
    const cases: [unknown, RegExp][] = [
      [{ ...recruiterLite, startedOn: '2026-02-30' }, /real calendar day/],
      [{ ...recruiterLite, startedOn: '31/01/2026' }, /real calendar day/],
      [{ ...recruiterLite, planId: 'linkedin-gold' }, /Choose a plan/],
      [{ ...recruiterLite, name: '   ' }, /Give the seat a name/],
      [{ ...recruiterLite, renewalDay: 32 }, /1 to 31/],
      [{ ...recruiterLite, renewalDay: 2.5 }, /1 to 31/],
      ['Work', /./],
      [[recruiterLite], /./],
      [null, /./],
    ]
    for (const [input, message] of cases) {
      const error = await refused(backend, 'seats.add', input)
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION_FAILED')
      expect(error.message).toMatch(message)
    }
    expect(seatCount(backend)).toBe(0)
  })

  it('keeps names unique whatever their case', async () => {
    const backend = await openBackend()
    await call(backend, 'seats.add', recruiterLite)
    const error = await refused(backend, 'seats.add', { ...recruiterLite, name: ' WORK ' })
    expect(error).toMatchObject({ code: 'SEAT_NAME_TAKEN' })
    expect(seatCount(backend)).toBe(1)
  })

  it('renames, archives and restores', async () => {
    const backend = await openBackend()
    const work = await call<Seat>(backend, 'seats.add', recruiterLite)
    const other = await call<Seat>(backend, 'seats.add', { ...recruiterLite, name: 'Other' })

    expect(
      await call<Seat>(backend, 'seats.rename', { seatId: work.id, name: 'Agency' }),
    ).toMatchObject({
      name: 'Agency',
    })
    const taken = await refused(backend, 'seats.rename', { seatId: work.id, name: 'other' })
    expect(taken.code).toBe('SEAT_NAME_TAKEN')

    await call(backend, 'seats.archive', { seatId: other.id })
    expect((await call<Seat[]>(backend, 'seats.list', {})).map((s) => s.name)).toEqual(['Agency'])
    const all = await call<Seat[]>(backend, 'seats.list', { includeArchived: true })
    expect(all.map((s) => [s.name, s.archivedAt !== null])).toEqual([
      ['Agency', false],
      ['Other', true],
    ])
    await call(backend, 'seats.restore', { seatId: other.id })
    expect(await call<Seat[]>(backend, 'seats.list', {})).toHaveLength(2)
  })

  it('says when a seat does not exist', async () => {
    const backend = await openBackend()
    for (const channel of ['seats.rename', 'seats.archive', 'seats.restore']) {
      const error = await refused(backend, channel, { seatId: 42, name: 'X' })
      expect(error).toMatchObject({
        code: 'SEAT_NOT_FOUND',
        message: 'There is no seat with id 42.',
      })
    }
  })
})

describe('the handler map', () => {
  it('refuses unknown channels, including prototype names', async () => {
    const backend = await openBackend()
    for (const name of [
      'seats.delete',
      'nope',
      '__proto__',
      'seats.constructor',
      'seats.list.x',
      '',
    ]) {
      const error = await refused(backend, name, {})
      expect(error.code, name).toBe('UNKNOWN_CHANNEL')
    }
  })

  it('refuses unexpected fields on empty inputs', async () => {
    const backend = await openBackend()
    const error = await refused(backend, 'app.status', { sneaky: true })
    expect(error.code).toBe('VALIDATION_FAILED')
  })
})

// The credit services through the handler map, on a real ledger file: what a user logs, what
// the ledger refuses, and what the balance says afterwards.
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import type { Balance, Reconciled, Responded, Seat, Sent } from '../../../src/shared/contract'
import type { Statement } from '../../../src/shared/domain/credits'
import { call, closingFromTotals, eventCount, openWithSeat, refused } from '../../helpers/ledger'

const now = () => new Date('2026-06-30T12:00:00.000Z')
const jane = { profileUrl: 'https://www.linkedin.com/in/jane-doe' }
const omar = { profileUrl: 'linkedin.com/in/Omar-K/' }

async function ledgerWithSeat(extra: Record<string, unknown> = {}) {
  return openWithSeat({ now, seat: { startedOn: '2026-01-05', ...extra } })
}

const available = async (backend: Backend, seatId: number, at?: string) =>
  (await call<Balance>(backend, 'credits.balance', { seatId, ...(at ? { at } : {}) })).available

describe('opening a seat', () => {
  it('starts with one monthly grant, or the balance the user gives (never above the cap)', async () => {
    const { backend, seat } = await ledgerWithSeat()
    expect(await available(backend, seat.id, '2026-01-05T12:00:00Z')).toBe(30)
    const given = await call<Seat>(backend, 'seats.add', {
      name: 'Second',
      planId: 'recruiter-lite',
      startedOn: '2026-01-05',
      openingBalance: 100,
    })
    expect(await available(backend, given.id, '2026-01-05T12:00:00Z')).toBe(100)
    const capped = await call<Seat>(backend, 'seats.add', {
      name: 'Third',
      planId: 'premium-career',
      startedOn: '2026-01-05',
      openingBalance: 99,
    })
    expect(await available(backend, capped.id, '2026-01-05T12:00:00Z')).toBe(15)
  })
})

describe('sending and responses', () => {
  it('spends a credit per InMail, none for Open Profile, and refunds on a response', async () => {
    const { backend, seat } = await ledgerWithSeat()
    const sent = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: jane,
      at: '2026-01-06T09:00:00Z',
    })
    expect(sent).toMatchObject({
      creditSpent: true,
      contact: { profileUrl: 'https://www.linkedin.com/in/jane-doe' },
    })
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: omar,
      at: '2026-01-06T10:00:00Z',
      openProfile: true,
    })
    expect(await available(backend, seat.id, '2026-01-06T23:00:00Z')).toBe(29)

    const reply = await call<Responded>(backend, 'credits.respond', {
      to: { profileUrl: 'https://WWW.linkedin.com/in/jane-doe/?trk=x' },
      at: '2026-01-08T09:00:00Z',
      kind: 'reply',
      sentiment: 'positive',
    })
    expect(reply).toMatchObject({ refunded: true, inmailId: sent.eventId, seatId: seat.id })
    expect(await available(backend, seat.id, '2026-01-08T23:00:00Z')).toBe(30)
  })

  it('refunds a response on day 90 after the send, not on day 91', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-01-10T09:00:00Z' })
    await call(backend, 'credits.send', { seatId: seat.id, to: omar, at: '2026-01-10T09:00:00Z' })
    const day90 = await call<Responded>(backend, 'credits.respond', {
      to: jane,
      at: '2026-04-10T09:00:00Z',
    })
    const day91 = await call<Responded>(backend, 'credits.respond', {
      to: omar,
      at: '2026-04-11T09:00:00Z',
    })
    expect([day90.refunded, day91.refunded]).toEqual([true, false])
  })

  it('refunds a decline unless the seat says declines are not refunded', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-01-10T09:00:00Z' })
    await call(backend, 'credits.send', { seatId: seat.id, to: omar, at: '2026-01-10T09:00:00Z' })
    const declined = await call<Responded>(backend, 'credits.respond', {
      to: jane,
      at: '2026-01-11T09:00:00Z',
      kind: 'decline',
    })
    expect(declined.refunded).toBe(true)
    await call(backend, 'credits.setPolicy', { seatId: seat.id, refundDeclines: false })
    const second = await call<Responded>(backend, 'credits.respond', {
      to: omar,
      at: '2026-01-11T10:00:00Z',
      kind: 'decline',
    })
    expect(second.refunded).toBe(false)
    // The switch applies to the whole history: Jane's decline no longer refunds either.
    expect(await available(backend, seat.id, '2026-01-11T23:00:00Z')).toBe(28)
  })

  it('warns about a second InMail before a response, and still charges it', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-01-06T09:00:00Z' })
    const again = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: jane,
      at: '2026-01-09T09:00:00Z',
    })
    expect(again.warnings).toEqual([
      expect.objectContaining({
        code: 'SECOND_INMAIL',
        message: expect.stringMatching(/already sent .* on 2026-01-06/),
      }),
    ])
    expect(await available(backend, seat.id, '2026-01-09T23:00:00Z')).toBe(28)
  })

  it('a response answers the latest InMail before it, and a meeting is logged against it', async () => {
    const { backend, seat } = await ledgerWithSeat()
    const first = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: jane,
      at: '2026-01-06T09:00:00Z',
    })
    const second = await call<Sent>(backend, 'credits.send', {
      seatId: seat.id,
      to: jane,
      at: '2026-02-06T09:00:00Z',
    })
    const early = await call<Responded>(backend, 'credits.respond', {
      to: jane,
      at: '2026-01-07T09:00:00Z',
    })
    const late = await call<Responded>(backend, 'credits.respond', {
      to: jane,
      at: '2026-02-07T09:00:00Z',
    })
    expect([early.inmailId, late.inmailId]).toEqual([first.eventId, second.eventId])
    const meeting = await call<{ inmailId: number }>(backend, 'credits.meeting', {
      to: jane,
      at: '2026-02-08T09:00:00Z',
    })
    expect(meeting.inmailId).toBe(second.eventId)
  })
})

describe('what the ledger refuses, leaving nothing written', () => {
  it('an InMail with no credit left', async () => {
    const { backend, seat } = await ledgerWithSeat({ openingBalance: 1 })
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-01-06T09:00:00Z' })
    const before = eventCount(backend)
    const error = await refused(backend, 'credits.send', {
      seatId: seat.id,
      to: omar,
      at: '2026-01-06T10:00:00Z',
    })
    expect(error.code).toBe('NO_CREDITS')
    expect(error.message).toMatch(/no InMail credits left on 2026-01-06.*purchase.*reconcile/)
    expect(eventCount(backend)).toBe(before)
    // Open Profile still works with an empty balance.
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: omar,
      at: '2026-01-06T10:00:00Z',
      openProfile: true,
    })
  })

  it('a back-dated InMail that would leave a later one without a credit', async () => {
    const { backend, seat } = await ledgerWithSeat({ openingBalance: 1 })
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-01-08T09:00:00Z' })
    const before = eventCount(backend)
    const error = await refused(backend, 'credits.send', {
      seatId: seat.id,
      to: omar,
      at: '2026-01-06T09:00:00Z',
    })
    expect(error.code).toBe('NO_CREDITS')
    expect(error.message).toMatch(/later InMail/)
    expect(eventCount(backend)).toBe(before)
  })

  it('a response with no InMail before it', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-01-06T09:00:00Z' })
    const before = eventCount(backend)
    expect(
      (await refused(backend, 'credits.respond', { to: omar, at: '2026-01-07T09:00:00Z' })).code,
    ).toBe('NO_OUTREACH')
    expect(
      (await refused(backend, 'credits.respond', { to: jane, at: '2026-01-05T09:00:00Z' })).code,
    ).toBe('NO_OUTREACH')
    expect(
      (
        await refused(backend, 'credits.meeting', {
          to: { name: 'Nobody' },
          at: '2026-01-07T09:00:00Z',
        })
      ).code,
    ).toBe('NO_OUTREACH')
    expect(eventCount(backend)).toBe(before)
  })

  it('bad values, unknown seats, dates out of order and the future', async () => {
    const { backend, seat } = await ledgerWithSeat()
    const before = eventCount(backend)
    const cases: [string, unknown, string, RegExp?][] = [
      ['credits.send', { seatId: 99, to: jane, at: '2026-01-06T09:00:00Z' }, 'SEAT_NOT_FOUND'],
      [
        'credits.send',
        {
          seatId: seat.id,
          to: { profileUrl: 'https://example.com/jane' },
          at: '2026-01-06T09:00:00Z',
        },
        'VALIDATION_FAILED',
        /LinkedIn profile URL/,
      ],
      [
        'credits.send',
        { seatId: seat.id, to: {}, at: '2026-01-06T09:00:00Z' },
        'VALIDATION_FAILED',
        /profile URL or a name/,
      ],
      [
        'credits.send',
        { seatId: seat.id, to: jane, at: 'yesterday' },
        'VALIDATION_FAILED',
        /ISO 8601/,
      ],
      [
        'credits.send',
        { seatId: seat.id, to: jane, at: '2025-12-31T09:00:00Z' },
        'BEFORE_SEAT_STARTED',
      ],
      [
        'credits.send',
        { seatId: seat.id, to: jane, at: '2027-01-01T09:00:00Z' },
        'VALIDATION_FAILED',
        /in the future/,
      ],
      [
        'credits.purchase',
        { seatId: seat.id, credits: -5, at: '2026-02-01' },
        'VALIDATION_FAILED',
        /cannot be negative/,
      ],
      [
        'credits.purchase',
        { seatId: seat.id, credits: 2.5, at: '2026-02-01' },
        'VALIDATION_FAILED',
        /whole numbers/,
      ],
      [
        'credits.reconcile',
        { seatId: seat.id, at: '2026-02-30', shown: 3 },
        'VALIDATION_FAILED',
        /calendar day/,
      ],
      [
        'credits.statement',
        { seatId: seat.id, from: '2026-03-01', to: '2026-02-01' },
        'VALIDATION_FAILED',
        /start on or before/,
      ],
      [
        'credits.respond',
        { to: jane, at: '2026-01-07T09:00:00Z', kind: 'ghosted' },
        'VALIDATION_FAILED',
        /reply, accept or decline/,
      ],
      ['credits.setPolicy', { seatId: seat.id, expiry: '30d' }, 'VALIDATION_FAILED', /90d, never/],
      ['settings.update', { timeZone: 'Mars/Olympus' }, 'VALIDATION_FAILED', /time zone/],
    ]
    for (const [channel, input, code, message] of cases) {
      const error = await refused(backend, channel, input)
      expect(error.code, `${channel} ${JSON.stringify(input)}`).toBe(code)
      if (message) expect(error.message).toMatch(message)
    }
    expect(eventCount(backend)).toBe(before)
  })

  it('an archived seat takes nothing until it is restored', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'seats.archive', { seatId: seat.id })
    expect(
      (
        await refused(backend, 'credits.send', {
          seatId: seat.id,
          to: jane,
          at: '2026-01-06T09:00:00Z',
        })
      ).code,
    ).toBe('SEAT_ARCHIVED')
  })
})

describe('purchases, reconciliation, plan changes and cancellation', () => {
  it('a purchase adds a batch with its price', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'credits.purchase', {
      seatId: seat.id,
      credits: 10,
      at: '2026-01-20',
      priceCents: 10000,
    })
    expect(await available(backend, seat.id, '2026-01-20T12:00:00Z')).toBe(40)
  })

  it('reconciling records what LinkedIn shows and the adjustment, both kept', async () => {
    const { backend, seat } = await ledgerWithSeat()
    const agreed = await call<Reconciled>(backend, 'credits.reconcile', {
      seatId: seat.id,
      at: '2026-01-10',
      shown: 30,
    })
    expect(agreed).toMatchObject({ computed: 30, adjustment: 0 })
    const differs = await call<Reconciled>(backend, 'credits.reconcile', {
      seatId: seat.id,
      at: '2026-01-12',
      shown: 27,
      note: 'sent 3 from the phone',
    })
    expect(differs).toMatchObject({ computed: 30, shown: 27, adjustment: -3 })
    expect(await available(backend, seat.id, '2026-01-13T00:00:00Z')).toBe(27)
    const kinds = backend.ledger.db
      .prepare(
        "SELECT kind, credits, note FROM ledger_events WHERE kind IN ('reconciliation', 'adjustment') ORDER BY id",
      )
      .all()
    expect(kinds).toEqual([
      { kind: 'reconciliation', credits: 30, note: null },
      { kind: 'reconciliation', credits: 27, note: 'sent 3 from the phone' },
      {
        kind: 'adjustment',
        credits: -3,
        note: 'LinkedIn showed 27; the ledger had 30. sent 3 from the phone',
      },
    ])
  })

  it('cancelling forfeits every credit and stops sends', async () => {
    const { backend, seat } = await ledgerWithSeat()
    const cancelled = await call<{ forfeited: number }>(backend, 'credits.cancel', {
      seatId: seat.id,
      at: '2026-01-20',
    })
    expect(cancelled.forfeited).toBe(30)
    expect(await available(backend, seat.id)).toBe(0)
    const error = await refused(backend, 'credits.send', {
      seatId: seat.id,
      to: jane,
      at: '2026-02-01T09:00:00Z',
    })
    expect(error.code).toBe('SEAT_CANCELLED')
  })

  it('a plan change forfeits the old credits and starts the new cycle', async () => {
    const { backend, seat } = await ledgerWithSeat()
    const changed = await call<{ forfeited: number }>(backend, 'credits.changePlan', {
      seatId: seat.id,
      at: '2026-01-20',
      planId: 'premium-business',
    })
    expect(changed.forfeited).toBe(30)
    expect(await available(backend, seat.id, '2026-01-20T12:00:00Z')).toBe(15)
    const [updated] = await call<Seat[]>(backend, 'seats.list', {})
    expect(updated).toMatchObject({
      planName: 'Premium Business',
      terms: { monthlyCredits: 15, renewalDay: 20 },
    })
    // The statement names the plan as the user knows it, not by its id.
    const s = await call<Statement>(backend, 'credits.statement', {
      seatId: seat.id,
      from: '2026-01-20',
      to: '2026-01-20',
    })
    expect(s.entries.map((e) => e.note)).toContain(
      'Plan changed to Premium Business: 30 credits forfeited',
    )
  })
})

describe('reading the ledger', () => {
  it('a statement adds up and matches the balance', async () => {
    const { backend, seat } = await ledgerWithSeat()
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-02-06T09:00:00Z' })
    await call(backend, 'credits.respond', { to: jane, at: '2026-02-07T09:00:00Z' })
    await call(backend, 'credits.send', { seatId: seat.id, to: omar, at: '2026-02-10T09:00:00Z' })
    await call(backend, 'credits.purchase', { seatId: seat.id, credits: 5, at: '2026-02-15' })
    const s = await call<Statement>(backend, 'credits.statement', {
      seatId: seat.id,
      from: '2026-02-01',
      to: '2026-02-28',
    })
    expect(s).toMatchObject({
      opening: 30,
      granted: 30,
      purchased: 5,
      spent: 2,
      refunded: 1,
      closing: 64,
    })
    expect(closingFromTotals(s)).toBe(s.closing)
    expect(await available(backend, seat.id, '2026-02-28T23:00:00Z')).toBe(64)
    const timeline = await call<{ date: string; available: number }[]>(
      backend,
      'credits.timeline',
      {
        seatId: seat.id,
        from: '2026-02-01',
        to: '2026-02-28',
      },
    )
    expect(timeline).toHaveLength(28)
    expect(timeline.find((p) => p.date === '2026-02-06')?.available).toBe(59)
    expect(timeline.at(-1)?.available).toBe(64)
  })

  it('days are the user time zone’s: a late-evening UTC send is the next day in Berlin', async () => {
    // A contract with no monthly credits: only the purchase below gives one.
    const { backend, seat } = await ledgerWithSeat({
      planId: 'custom',
      custom: { monthlyCredits: 0, cap: 10, priceCents: 0 },
    })
    await call(backend, 'settings.update', { timeZone: 'Europe/Berlin' })
    await call(backend, 'credits.purchase', { seatId: seat.id, credits: 1, at: '2026-03-02' })
    // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin, when the purchased credit exists.
    await call(backend, 'credits.send', { seatId: seat.id, to: jane, at: '2026-03-01T23:30:00Z' })
    await call(backend, 'settings.update', { timeZone: 'UTC' })
    // In UTC the same send falls on 1 March, before the purchase: the ledger flags it overdrawn.
    const balance = await call<Balance>(backend, 'credits.balance', {
      seatId: seat.id,
      at: '2026-03-02T12:00:00Z',
    })
    expect(balance.warnings.map((w) => w.code)).toContain('OVERDRAWN')
  })
})

describe('what outreach cost', () => {
  it('spreads the plan price over the days and divides by what it bought', async () => {
    const { backend, seat } = await ledgerWithSeat()
    for (const who of ['a', 'b', 'c', 'd'])
      await call(backend, 'credits.send', {
        seatId: seat.id,
        to: { profileUrl: `linkedin.com/in/${who}` },
        at: '2026-01-10T09:00:00Z',
      })
    await call(backend, 'credits.send', {
      seatId: seat.id,
      to: { profileUrl: 'linkedin.com/in/free' },
      at: '2026-01-10T09:00:00Z',
      openProfile: true,
    })
    await call(backend, 'credits.respond', {
      to: { profileUrl: 'linkedin.com/in/a' },
      at: '2026-01-11T09:00:00Z',
      sentiment: 'positive',
    })
    await call(backend, 'credits.respond', {
      to: { profileUrl: 'linkedin.com/in/b' },
      at: '2026-01-11T09:00:00Z',
    })
    await call(backend, 'credits.meeting', {
      to: { profileUrl: 'linkedin.com/in/a' },
      at: '2026-01-12T09:00:00Z',
    })
    await call(backend, 'credits.purchase', {
      seatId: seat.id,
      credits: 10,
      at: '2026-01-20',
      priceCents: 10000,
    })
    // Recruiter Lite at $170 a month, 27 days of January (from the 5th): 17000 × 12 / 365 × 27 = 15090.4
    const cost = await call<Record<string, number | null>>(backend, 'credits.cost', {
      seatId: seat.id,
      from: '2026-01-01',
      to: '2026-01-31',
    })
    expect(cost).toMatchObject({
      subscriptionCents: 15090,
      purchasedCents: 10000,
      totalCents: 25090,
      creditInmails: 4,
      responses: 2,
      positive: 1,
      meetings: 1,
      perInmailCents: 6273,
      perResponseCents: 12545,
      perPositiveCents: 25090,
      perMeetingCents: 25090,
    })
    const none = await call<Record<string, number | null>>(backend, 'credits.cost', {
      seatId: seat.id,
      from: '2026-03-01',
      to: '2026-03-31',
    })
    expect(none).toMatchObject({ creditInmails: 0, perInmailCents: null, perResponseCents: null })
  })
})

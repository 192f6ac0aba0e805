// The seat cache and the engine's kept replays: whatever changes the ledger, and whoever changes
// it, the next read answers as a fresh read of the file would.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend'
import { cachedSeat } from '../../../src/main/credits/cache'
import {
  computeSeatState,
  forecast,
  type LedgerEvent,
  statement,
} from '../../../src/main/credits/engine'
import { appendEvent } from '../../../src/main/credits/store'
import type { Balance, Seat, Sent } from '../../../src/shared/contract'
import type { Statement } from '../../../src/shared/domain/credits'
import { call, openBackend, refused } from '../../helpers/ledger'
import { catalogTerms, endOf, Ledger, seat } from './engine-builders'

const now = () => new Date('2026-03-10T12:00:00.000Z')
const jane = { profileUrl: 'https://www.linkedin.com/in/jane-doe' }
const omar = { profileUrl: 'https://www.linkedin.com/in/omar-k' }

async function ledgerWithSeat(backend?: Backend, extra: Record<string, unknown> = {}) {
  const opened = backend ?? (await openBackend(undefined, now))
  await call(opened, 'settings.update', { timeZone: 'UTC' })
  const added = await call<Seat>(opened, 'seats.add', {
    name: 'Work',
    planId: 'recruiter-lite',
    startedOn: '2026-01-05',
    ...extra,
  })
  return { backend: opened, seat: added }
}

const balanceOf = (backend: Backend, seatId: number, at?: string) =>
  call<Balance>(backend, 'credits.balance', { seatId, ...(at ? { at } : {}) })

const available = async (backend: Backend, seatId: number, at?: string) =>
  (await balanceOf(backend, seatId, at)).available

const january = (backend: Backend, seatId: number) =>
  call<Statement>(backend, 'credits.statement', { seatId, from: '2026-01-01', to: '2026-01-31' })

describe('the seat cache', () => {
  it('hands out one frozen events array until the seat changes', async () => {
    const { backend, seat: work } = await ledgerWithSeat()
    const first = cachedSeat(backend.ledger, work.id).events
    expect(Object.isFrozen(first)).toBe(true)
    expect(cachedSeat(backend.ledger, work.id).events).toBe(first)
    await call(backend, 'credits.send', { seatId: work.id, to: jane, at: '2026-01-06T09:00:00Z' })
    const after = cachedSeat(backend.ledger, work.id).events
    expect(after).not.toBe(first)
    expect(after.map((e) => e.kind)).toEqual(['seat-opened', 'inmail-sent'])
  })

  it('sees a write through the service on the next read', async () => {
    const { backend, seat: work } = await ledgerWithSeat()
    expect(await available(backend, work.id, '2026-01-07T23:00:00Z')).toBe(30)
    expect((await january(backend, work.id)).spent).toBe(0)
    await call(backend, 'credits.send', { seatId: work.id, to: jane, at: '2026-01-06T09:00:00Z' })
    await call(backend, 'credits.purchase', { seatId: work.id, at: '2026-01-07', credits: 10 })
    expect(await available(backend, work.id, '2026-01-07T23:00:00Z')).toBe(39)
    expect(await january(backend, work.id)).toMatchObject({ spent: 1, purchased: 10 })
  })

  it('sees writes by another connection to the same file, as the CLI makes them', async () => {
    const { backend: app, seat: work } = await ledgerWithSeat()
    const cli = await openBackend(app.paths.dbPath, now)
    expect(await available(app, work.id, '2026-01-07T23:00:00Z')).toBe(30)

    const sent = await call<Sent>(cli, 'credits.send', {
      seatId: work.id,
      to: jane,
      at: '2026-01-06T09:00:00Z',
    })
    expect(await available(app, work.id, '2026-01-07T23:00:00Z')).toBe(29)
    await call(cli, 'contacts.update', { contactId: sent.contact.id, name: 'Jane Doe' })
    expect((await january(app, work.id)).entries.at(-1)!.note).toBe('InMail to Jane Doe')
    await call(cli, 'credits.purchase', { seatId: work.id, at: '2026-01-07', credits: 10 })
    expect(await available(app, work.id, '2026-01-07T23:00:00Z')).toBe(39)

    await call(cli, 'credits.setPolicy', { seatId: work.id, expiry: 'never' })
    expect((await balanceOf(app, work.id)).policy.expiry).toBe('never')
    await call(cli, 'settings.update', { timeZone: 'Pacific/Auckland' })
    expect((await balanceOf(app, work.id)).timeZone).toBe('Pacific/Auckland')
  })

  it('sees a change of policy, plan and time zone', async () => {
    const { backend, seat: work } = await ledgerWithSeat()
    await call(backend, 'credits.purchase', { seatId: work.id, at: '2026-02-10', credits: 10 })
    const before = await balanceOf(backend, work.id, '2026-02-09T12:00:00Z')
    expect(before.available).toBe(60)
    expect(before.batches.every((b) => b.expires !== null)).toBe(true)

    await call(backend, 'credits.setPolicy', { seatId: work.id, expiry: 'never' })
    const never = await balanceOf(backend, work.id, '2026-02-09T12:00:00Z')
    expect(never.policy.expiry).toBe('never')
    expect(never.batches.every((b) => b.expires === null)).toBe(true)

    // In Auckland (UTC+13) 12:00 UTC on Feb 9 is already Feb 10: the purchase is in.
    await call(backend, 'settings.update', { timeZone: 'Pacific/Auckland' })
    expect(await available(backend, work.id, '2026-02-09T12:00:00Z')).toBe(70)

    const changed = await call<{ forfeited: number }>(backend, 'credits.changePlan', {
      seatId: work.id,
      at: '2026-03-01',
      planId: 'recruiter-professional',
    })
    expect(changed.forfeited).toBe(70)
    expect(await available(backend, work.id, '2026-03-01T12:00:00Z')).toBe(100)
  })

  it('sees a contact named after the fact in the entries of older InMails', async () => {
    const { backend, seat: work } = await ledgerWithSeat()
    const sent = await call<Sent>(backend, 'credits.send', {
      seatId: work.id,
      to: jane,
      at: '2026-01-06T09:00:00Z',
    })
    const note = async () =>
      (await january(backend, work.id)).entries.find((e) => e.kind === 'spend')!.note
    expect(await note()).toBe('InMail to linkedin.com/in/jane-doe')
    // The contacts screen writes the name; the credit code is not told.
    await call(backend, 'contacts.update', { contactId: sent.contact.id, name: 'Jane Doe' })
    expect(await note()).toBe('InMail to Jane Doe')
  })

  it('sees events leave when the import that brought them is undone', async () => {
    const { backend, seat: work } = await ledgerWithSeat()
    const { db } = backend.ledger
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (kind, source, seat_id, summary, created_at)
           VALUES ('csv', 'history.csv', ?, '{}', '2026-03-10T12:00:00.000Z')`,
        )
        .run(work.id).lastInsertRowid,
    )
    db.transaction(() =>
      appendEvent(backend.ledger, {
        seatId: work.id,
        kind: 'purchase',
        day: '2026-01-07',
        credits: 10,
        importId,
      }),
    )()
    expect(await available(backend, work.id, '2026-01-07T23:00:00Z')).toBe(40)
    db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(now().toISOString(), importId)
    expect(await available(backend, work.id, '2026-01-07T23:00:00Z')).toBe(30)
  })

  it('keeps nothing of a write that was refused and rolled back', async () => {
    const { backend, seat: work } = await ledgerWithSeat(undefined, { openingBalance: 1 })
    await call(backend, 'credits.send', { seatId: work.id, to: jane, at: '2026-01-06T09:00:00Z' })
    expect(await available(backend, work.id, '2026-01-06T23:00:00Z')).toBe(0)
    // The refused send was appended, checked and rolled back inside one transaction.
    const error = await refused(backend, 'credits.send', {
      seatId: work.id,
      to: omar,
      at: '2026-01-06T10:00:00Z',
    })
    expect(error.code).toBe('NO_CREDITS')
    expect(cachedSeat(backend.ledger, work.id).events.map((e) => e.kind)).toEqual([
      'seat-opened',
      'inmail-sent',
    ])
    expect((await january(backend, work.id)).spent).toBe(1)
  })
})

describe('replays kept per events array', () => {
  const settings = seat({ startedOn: '2026-01-15' })

  function history(): LedgerEvent[] {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 10)
    const sends = ledger.sentMany('2026-02-02', 3)
    ledger.response('2026-02-04T08:00:00.000Z', sends[0]!)
    ledger.purchase('2026-02-10', 20)
    ledger.sent('2026-03-03T09:00:00.000Z')
    // Later the same day than the 12:00 balances below: in at the end of the day, not at noon.
    ledger.sent('2026-03-03T18:00:00.000Z')
    ledger.adjustment('2026-03-04', -2)
    return ledger.events
  }

  const never = { ...settings, policy: { ...settings.policy, expiry: 'never' as const } }
  /** Every kind of question; asked in turn, later ones can reuse the replays of earlier ones. */
  const questions = [
    (events: readonly LedgerEvent[]) => computeSeatState(settings, events, endOf('2026-03-03')),
    (events: readonly LedgerEvent[]) =>
      computeSeatState(settings, events, '2026-03-03T12:00:00.000Z'),
    (events: readonly LedgerEvent[]) => statement(settings, events, '2026-02-01', '2026-02-28'),
    (events: readonly LedgerEvent[]) => statement(settings, events, '2026-03-01', '2026-03-03'),
    (events: readonly LedgerEvent[]) => statement(settings, events, '2026-03-01', '2026-05-31'),
    (events: readonly LedgerEvent[]) => forecast(settings, events, endOf('2026-03-03')),
    (events: readonly LedgerEvent[]) => computeSeatState(never, events, endOf('2026-05-31')),
    (events: readonly LedgerEvent[]) => computeSeatState(settings, events, endOf('2026-05-31')),
  ]

  it('answers from a frozen array exactly as from a fresh one, in any order', () => {
    const fresh = questions.map((ask) => ask(history()))
    const frozen = Object.freeze(history())
    expect(questions.map((ask) => ask(frozen))).toEqual(fresh)
    // Asked again, now from kept replays.
    expect(questions.map((ask) => ask(frozen))).toEqual(fresh)
    const backwards = Object.freeze(history())
    expect(questions.toReversed().map((ask) => ask(backwards))).toEqual(fresh.toReversed())
  })

  it('answers any questions about random ledgers as a fresh replay would', () => {
    const start = Date.parse('2026-01-15T00:00:00.000Z')
    const instant = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
    const day = (days: number) => instant(days * 1440).slice(0, 10)
    const step = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({ kind: fc.constant('send' as const), open: fc.boolean() }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('reply' as const), pick: fc.nat() }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('buy' as const),
          n: fc.integer({ min: 1, max: 20 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('adjust' as const),
          n: fc.integer({ min: -5, max: 5 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'plan' as const }) },
    )
    // Few days, so questions often share a day with each other and with events. Each question
    // first asks for a balance at the end of a nearby day, whose replay the question may reuse.
    const question = fc.record({
      kind: fc.constantFrom('balance' as const, 'statement' as const, 'forecast' as const),
      day: fc.integer({ min: 0, max: 35 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 0, max: 10 }),
      near: fc.integer({ min: -2, max: 2 }),
    })
    fc.assert(
      fc.property(
        fc.array(fc.record({ step, at: fc.integer({ min: 0, max: 40 * 1440 }) }), {
          maxLength: 60,
        }),
        fc.array(question, { minLength: 1, maxLength: 16 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati'),
        fc.constantFrom(
          '90d' as const,
          'never' as const,
          'no-rollover' as const,
          'inactive-90d' as const,
        ),
        (steps, questions, timeZone, expiry) => {
          const settings = seat({ startedOn: '2026-01-15', timeZone, policy: { expiry } })
          const ledger = new Ledger()
          ledger.opened(instant(0), 30)
          const sends: number[] = []
          for (const { step: s, at } of steps.sort((a, b) => a.at - b.at)) {
            if (s.kind === 'send') sends.push(ledger.sent(instant(at), { openProfile: s.open }))
            else if (s.kind === 'reply' && sends.length > 0)
              ledger.response(instant(at), sends[s.pick % sends.length]!)
            else if (s.kind === 'buy') ledger.purchase(instant(at), s.n)
            else if (s.kind === 'adjust') ledger.adjustment(instant(at), s.n)
            else if (s.kind === 'plan')
              ledger.planChange(
                instant(at),
                'recruiter-professional',
                catalogTerms('recruiter-professional', day(at / 1440)),
              )
          }
          const ask = (events: readonly LedgerEvent[]) =>
            questions.flatMap((q): unknown[] => {
              const last = q.kind === 'statement' ? q.day + q.length : q.day
              const near = computeSeatState(
                settings,
                events,
                endOf(day(Math.max(0, last + q.near))),
              )
              if (q.kind === 'balance')
                return [near, computeSeatState(settings, events, instant(q.day * 1440 + q.minute))]
              if (q.kind === 'statement')
                return [near, statement(settings, events, day(q.day), day(last))]
              return [near, forecast(settings, events, endOf(day(q.day)))]
            })
          const frozen = Object.freeze(ledger.events.slice())
          const fresh = ask(ledger.events)
          expect(ask(frozen)).toEqual(fresh)
          expect(ask(frozen)).toEqual(fresh)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never keeps a replay of an array that can still change', () => {
    const ledger = new Ledger()
    ledger.opened('2026-01-15', 10)
    const asOf = endOf('2026-02-02')
    expect(computeSeatState(settings, ledger.events, asOf).available).toBe(10)
    ledger.sentMany('2026-02-02', 3)
    expect(computeSeatState(settings, ledger.events, asOf).available).toBe(7)
  })
})

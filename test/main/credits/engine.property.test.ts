// Properties of the credit engine over random seats and about a year of random events.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeSeatState,
  type Day,
  forecast,
  type Instant,
  type LedgerEvent,
  localDay,
  type SeatSettings,
  statement,
  statementFromEntries,
} from '../../../src/main/credits/engine'
import type { SeatTerms } from '../../../src/shared/contract/seats'
import { catalogPlanIds } from '../../../src/shared/domain/plans'
import { catalogTerms } from './engine-builders'

const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']
const minute = 60_000
const day = 1440 * minute

const customTerms: fc.Arbitrary<SeatTerms> = fc
  .record({
    monthlyCredits: fc.integer({ min: 0, max: 60 }),
    extraCap: fc.integer({ min: 0, max: 150 }),
    renewal: fc.constantFrom('start-day' as const, 'first-of-month' as const),
    renewalDay: fc.integer({ min: 1, max: 31 }),
    priceCents: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(({ extraCap, ...t }) => ({ ...t, cap: t.monthlyCredits + extraCap }))

const planAndTerms = (startedOn: Day): fc.Arbitrary<{ planId: string; terms: SeatTerms }> =>
  fc.oneof(
    fc.constantFrom(...catalogPlanIds).map((planId) => ({
      planId,
      terms: catalogTerms(planId, startedOn),
    })),
    customTerms.map((terms) => ({ planId: 'custom', terms })),
  )

const seatSettings: fc.Arbitrary<SeatSettings> = fc
  .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
  .chain((startedOn) =>
    fc.record({
      seatId: fc.constant(1),
      startedOn: fc.constant(startedOn),
      plan: planAndTerms(startedOn),
      policy: fc.record({
        expiry: fc.constantFrom(
          '90d' as const,
          'never' as const,
          'no-rollover' as const,
          'inactive-90d' as const,
        ),
        refundDeclines: fc.boolean(),
      }),
      timeZone: fc.constantFrom(...zones),
    }),
  )
  .map(({ plan, ...rest }) => ({ ...rest, planId: plan.planId, terms: plan.terms }))

/** An event before its id and instant are known; `pick` chooses an earlier InMail. */
type EventSpec =
  | { kind: 'inmail-sent'; openProfile: boolean }
  | { kind: 'response'; pick: number; response: 'reply' | 'accept' | 'decline' }
  | { kind: 'meeting'; pick: number }
  | { kind: 'purchase'; credits: number }
  | { kind: 'reconciliation'; shown: number }
  | { kind: 'adjustment'; delta: number }
  | { kind: 'plan-change'; plan: { planId: string; terms: SeatTerms } }
  | { kind: 'cancellation' }

const eventSpec: fc.Arbitrary<EventSpec> = fc.oneof(
  {
    weight: 50,
    arbitrary: fc.record({ kind: fc.constant('inmail-sent' as const), openProfile: fc.boolean() }),
  },
  {
    weight: 30,
    arbitrary: fc.record({
      kind: fc.constant('response' as const),
      pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      response: fc.constantFrom('reply' as const, 'accept' as const, 'decline' as const),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('meeting' as const),
      pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      credits: fc.integer({ min: 1, max: 10 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('reconciliation' as const),
      shown: fc.integer({ min: 0, max: 200 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('adjustment' as const),
      delta: fc.integer({ min: -60, max: 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: planAndTerms('2026-01-01').map((plan) => ({ kind: 'plan-change' as const, plan })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancellation' as const }) },
)

interface Scenario {
  settings: SeatSettings
  events: LedgerEvent[]
  /** The seat's start day at noon UTC, in ms: event times are minutes after it. */
  start: number
}

const scenario: fc.Arbitrary<Scenario> = seatSettings.chain((settings) =>
  fc
    .record({
      openingBalance: fc.integer({ min: 0, max: 200 }),
      specs: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 * 1440 }), eventSpec), {
        maxLength: 150,
        size: 'max',
      }),
    })
    .map(({ openingBalance, specs }) => {
      const start = Date.parse(`${settings.startedOn}T12:00:00.000Z`)
      const at = (minutes: number): Instant => new Date(start + minutes * minute).toISOString()
      const events: LedgerEvent[] = [{ id: 1, kind: 'seat-opened', at: at(0), openingBalance }]
      const inmails: number[] = []
      const ordered = [...specs].sort((a, b) => a[0] - b[0])
      for (const [minutes, spec] of ordered) {
        const id = events.length + 1
        const base = { id, at: at(minutes) }
        const earlier = (pick: number) => inmails[Math.floor(pick * inmails.length)] ?? 9999
        switch (spec.kind) {
          case 'inmail-sent':
            inmails.push(id)
            events.push({
              ...base,
              kind: spec.kind,
              openProfile: spec.openProfile,
              contact: `c${id}`,
            })
            break
          case 'response':
            events.push({
              ...base,
              kind: spec.kind,
              inmailId: earlier(spec.pick),
              response: spec.response,
              sentiment: 'neutral',
            })
            break
          case 'meeting':
            events.push({ ...base, kind: spec.kind, inmailId: earlier(spec.pick) })
            break
          case 'purchase':
            events.push({
              ...base,
              kind: spec.kind,
              credits: spec.credits,
              priceCents: spec.credits * 1000,
            })
            break
          case 'reconciliation':
            events.push({ ...base, kind: spec.kind, shown: spec.shown, note: '' })
            break
          case 'adjustment':
            events.push({ ...base, kind: spec.kind, delta: spec.delta, note: 'random' })
            break
          case 'plan-change':
            events.push({
              ...base,
              kind: spec.kind,
              planId: spec.plan.planId,
              terms: spec.plan.terms,
            })
            break
          case 'cancellation':
            events.push({ ...base, kind: spec.kind })
            break
        }
      }
      return { settings, events, start }
    }),
)

/** An instant between the seat's start and about 14 months later. */
const asOfMinutes = fc.integer({ min: -1440, max: 430 * 1440 })

function instantAt(s: Scenario, minutes: number): Instant {
  return new Date(s.start + minutes * minute).toISOString()
}

function capOn(s: Scenario, entryDay: Day): number {
  // A grant on day D comes before that day's events, so only earlier plan changes count.
  let cap = s.settings.terms.cap
  for (const event of s.events) {
    if (event.kind === 'plan-change' && localDay(event.at, s.settings.timeZone) < entryDay) {
      cap = event.terms.cap
    }
  }
  return cap
}

describe('credit engine properties', () => {
  it('keeps the balance consistent: never negative, capped at grants, equal to its parts', () => {
    fc.assert(
      fc.property(scenario, asOfMinutes, (s, minutes) => {
        const state = computeSeatState(s.settings, s.events, instantAt(s, minutes))
        expect(state.available).toBeGreaterThanOrEqual(0)
        expect(state.batches.reduce((sum, b) => sum + b.credits, 0)).toBe(state.available)
        expect(state.batches.every((b) => b.credits > 0)).toBe(true)
        const expiries = state.batches.map((b) => b.expires ?? '9999-12-31')
        expect(expiries).toEqual([...expiries].sort())

        let balance = 0
        for (const entry of state.entries) {
          balance += entry.credits
          expect(balance).toBeGreaterThanOrEqual(0)
          if (entry.kind === 'grant' && entry.credits > 0) {
            expect(balance).toBeLessThanOrEqual(capOn(s, entry.day))
          }
        }
        expect(balance).toBe(state.available)
      }),
      { numRuns: 200 },
    )
  })

  it('refunds each credit InMail at most once, and never a free or overdrawn one', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const state = computeSeatState(s.settings, s.events, instantAt(s, 430 * 1440))
        const byId = new Map(s.events.map((e) => [e.id, e]))
        const spent = new Set(state.entries.filter((e) => e.kind === 'spend').map((e) => e.eventId))
        const refunded = new Map<number, number>()
        for (const entry of state.entries.filter((e) => e.kind === 'refund')) {
          const response = byId.get(entry.eventId!)
          expect(response?.kind).toBe('response')
          if (response?.kind !== 'response') continue
          expect(spent.has(response.inmailId)).toBe(true)
          refunded.set(response.inmailId, (refunded.get(response.inmailId) ?? 0) + 1)
        }
        expect([...refunded.values()].every((n) => n === 1)).toBe(true)
        for (const id of state.overdrawn) expect(refunded.has(id)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('agrees with the statement, whose identity holds for any period', () => {
    fc.assert(
      fc.property(scenario, asOfMinutes, fc.integer({ min: 0, max: 200 }), (s, minutes, span) => {
        const asOf = instantAt(s, minutes)
        const to = localDay(asOf, s.settings.timeZone)
        const upToAsOf = s.events.filter((e) => Date.parse(e.at) <= Date.parse(asOf))
        const state = computeSeatState(s.settings, s.events, asOf)
        const from = new Date(Date.parse(`${to}T00:00:00.000Z`) - span * day)
          .toISOString()
          .slice(0, 10)
        const st = statement(s.settings, upToAsOf, from, to)
        expect(st.closing).toBe(state.available)
        expect(statementFromEntries(state.entries, from, to)).toEqual(st)
        expect(
          st.opening +
            st.granted +
            st.purchased -
            st.spent +
            st.refunded -
            st.expired -
            st.forfeited +
            st.adjusted,
        ).toBe(st.closing)
        expect(st.opening + st.entries.reduce((sum, e) => sum + e.credits, 0)).toBe(st.closing)
        for (const total of [st.spent, st.expired, st.forfeited, st.granted, st.refunded]) {
          expect(total).toBeGreaterThanOrEqual(0)
        }
        // The period before closes where this one opens.
        const before = new Date(Date.parse(`${from}T00:00:00.000Z`) - day)
          .toISOString()
          .slice(0, 10)
        expect(statement(s.settings, upToAsOf, '2024-01-01', before).closing).toBe(st.opening)
      }),
      { numRuns: 150 },
    )
  })

  it('sorts the events itself: a shuffled input gives the same state', () => {
    fc.assert(
      fc.property(scenario, asOfMinutes, fc.infiniteStream(fc.nat()), (s, minutes, randoms) => {
        const shuffled = [...s.events]
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = randoms.next().value % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
        }
        const asOf = instantAt(s, minutes)
        expect(computeSeatState(s.settings, shuffled, asOf)).toEqual(
          computeSeatState(s.settings, s.events, asOf),
        )
      }),
      { numRuns: 150 },
    )
  })

  it('never changes the past: a later asOf only appends entries', () => {
    fc.assert(
      fc.property(scenario, asOfMinutes, fc.integer({ min: 0, max: 200 * 1440 }), (s, m, later) => {
        const early = computeSeatState(s.settings, s.events, instantAt(s, m))
        const late = computeSeatState(s.settings, s.events, instantAt(s, m + later))
        expect(late.entries.slice(0, early.entries.length)).toEqual(early.entries)
        expect(late.overdrawn.slice(0, early.overdrawn.length)).toEqual(early.overdrawn)
      }),
      { numRuns: 150 },
    )
  })

  it('forecasts one non-negative point a day, empty only after running out', () => {
    fc.assert(
      fc.property(
        scenario,
        asOfMinutes,
        fc.record({
          perWeek: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
          responseRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          weeks: fc.integer({ min: 0, max: 12 }),
        }),
        (s, m, plan) => {
          const result = forecast(s.settings, s.events, instantAt(s, m), plan)
          expect(result.days).toHaveLength(plan.weeks * 7)
          expect(result.days.every((d) => d.available >= 0)).toBe(true)
          if (result.runsOutOn !== null) {
            const day = result.days.find((d) => d.date === result.runsOutOn)
            expect(day?.available).toBe(0)
          }
          expect(result.expectedRefunds).toBeGreaterThanOrEqual(0)
        },
      ),
      { numRuns: 100 },
    )
  })
})

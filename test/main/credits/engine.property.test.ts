// Properties of the credit engine over random seats and about a year of random events.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeSeatState,
  type Day,
  forecast,
  localDay,
  statement,
  statementFromEntries,
} from '../../../src/main/credits/engine'
import { asOfMinutes, day, instantAt, type Scenario, scenario } from './engine-arbitraries'

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

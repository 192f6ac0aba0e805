// Random seats with about a year of random events, for the engine's property tests.
import fc from 'fast-check'
import type { Day, Instant, LedgerEvent, SeatSettings } from '../../../src/main/credits/engine'
import type { SeatTerms } from '../../../src/shared/contract/seats'
import { catalogPlanIds } from '../../../src/shared/domain/plans'
import { catalogTerms } from './engine-builders'

const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']
export const minute = 60_000
export const day = 1440 * minute

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
  | { kind: 'adjustment'; delta: number; settles: boolean }
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
      /** Settles the latest reconciliation (its note then names it). */
      settles: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: planAndTerms('2026-01-01').map((plan) => ({ kind: 'plan-change' as const, plan })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancellation' as const }) },
)

export interface Scenario {
  settings: SeatSettings
  events: LedgerEvent[]
  /** The seat's start day at noon UTC, in ms: event times are minutes after it. */
  start: number
}

export const scenario: fc.Arbitrary<Scenario> = seatSettings.chain((settings) =>
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
      const reconciliations: number[] = []
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
            reconciliations.push(id)
            events.push({ ...base, kind: spec.kind, shown: spec.shown, note: '' })
            break
          case 'adjustment': {
            const settled = spec.settles ? reconciliations.at(-1) : undefined
            events.push(
              settled === undefined
                ? { ...base, kind: spec.kind, delta: spec.delta, note: 'random' }
                : {
                    ...base,
                    kind: spec.kind,
                    delta: spec.delta,
                    note: '',
                    reconciliationId: settled,
                  },
            )
            break
          }
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
export const asOfMinutes = fc.integer({ min: -1440, max: 430 * 1440 })

export function instantAt(s: Scenario, minutes: number): Instant {
  return new Date(s.start + minutes * minute).toISOString()
}

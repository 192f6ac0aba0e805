// Builders for credit-engine tests: a seat on a catalogue or custom plan, and its ledger events.
import {
  computeSeatState,
  type Day,
  type Instant,
  type LedgerEvent,
  type ResponseKind,
  type SeatPolicy,
  type SeatSettings,
} from '../../../src/main/credits/engine'
import type { SeatTerms } from '../../../src/shared/contract/seats'
import { type CatalogPlanId, plans } from '../../../src/shared/domain/plans'

export function catalogTerms(planId: CatalogPlanId, startedOn: Day): SeatTerms {
  const plan = plans[planId]
  return {
    monthlyCredits: plan.monthlyCredits,
    cap: plan.cap,
    renewal: plan.renewal,
    renewalDay: plan.renewal === 'first-of-month' ? 1 : Number(startedOn.slice(8, 10)),
    priceCents: plan.priceCents,
  }
}

export function seat(
  options: {
    planId?: CatalogPlanId
    terms?: Partial<SeatTerms>
    startedOn?: Day
    policy?: Partial<SeatPolicy>
    timeZone?: string
  } = {},
): SeatSettings {
  const planId = options.planId ?? 'recruiter-lite'
  const startedOn = options.startedOn ?? '2026-01-15'
  return {
    seatId: 1,
    planId: options.terms && !options.planId ? 'custom' : planId,
    startedOn,
    terms: { ...catalogTerms(planId, startedOn), ...options.terms },
    policy: { expiry: '90d', refundDeclines: true, ...options.policy },
    timeZone: options.timeZone ?? 'UTC',
  }
}

/** Noon UTC on a day, or an explicit instant when `at` has a time. */
function instant(at: Day | Instant): Instant {
  return at.length === 10 ? `${at}T12:00:00.000Z` : at
}

/** A ledger event before storage gives it an id (Omit distributed over the union). */
type NewEvent = LedgerEvent extends infer E
  ? E extends LedgerEvent
    ? Omit<E, 'id'>
    : never
  : never

/** Appends events with increasing ids, the way storage assigns them. */
export class Ledger {
  readonly events: LedgerEvent[] = []
  private nextId = 1

  private add(event: NewEvent): number {
    const id = this.nextId++
    this.events.push({ ...event, id } as LedgerEvent)
    return id
  }

  opened(at: Day | Instant, openingBalance: number): number {
    return this.add({ kind: 'seat-opened', at: instant(at), openingBalance })
  }

  sent(at: Day | Instant, options: { openProfile?: boolean; contact?: string } = {}): number {
    const contact = options.contact ?? `contact-${this.nextId}`
    return this.add({
      kind: 'inmail-sent',
      at: instant(at),
      openProfile: options.openProfile ?? false,
      contact,
    })
  }

  /** Sends `n` credit InMails on a day. */
  sentMany(at: Day, n: number, options: { openProfile?: boolean } = {}): number[] {
    return Array.from({ length: n }, () => this.sent(at, options))
  }

  response(at: Day | Instant, inmailId: number, response: ResponseKind = 'reply'): number {
    return this.add({
      kind: 'response',
      at: instant(at),
      inmailId,
      response,
      sentiment: 'neutral',
    })
  }

  purchase(at: Day | Instant, credits: number, priceCents = credits * 1000): number {
    return this.add({ kind: 'purchase', at: instant(at), credits, priceCents })
  }

  adjustment(at: Day | Instant, delta: number, note = 'Manual correction'): number {
    return this.add({ kind: 'adjustment', at: instant(at), delta, note })
  }

  reconciliation(at: Day | Instant, shown: number): number {
    return this.add({ kind: 'reconciliation', at: instant(at), shown, note: '' })
  }

  planChange(at: Day | Instant, planId: string, terms: SeatTerms): number {
    return this.add({ kind: 'plan-change', at: instant(at), planId, terms })
  }

  cancellation(at: Day | Instant): number {
    return this.add({ kind: 'cancellation', at: instant(at) })
  }

  meeting(at: Day | Instant, inmailId: number): number {
    return this.add({ kind: 'meeting', at: instant(at), inmailId })
  }
}

/** The last instant of a UTC day, for "as of the end of that day". */
export function endOf(day: Day): Instant {
  return `${day}T23:59:59.999Z`
}

/** The seat's state at the end of a (UTC) day. */
export function stateOn(settings: SeatSettings, ledger: Ledger, day: Day) {
  return computeSeatState(settings, ledger.events, endOf(day))
}

/** The kinds and credits of the entries on one day, in the order applied. */
export function entriesOn(settings: SeatSettings, ledger: Ledger, day: Day) {
  return stateOn(settings, ledger, day)
    .entries.filter((e) => e.day === day)
    .map(({ kind, credits }) => ({ kind, credits }))
}

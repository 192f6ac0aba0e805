// Credits: reads (balance, statement, forecast, timeline) and the facts that move them (sends,
// responses, purchases…). Every write checks its effect with the engine inside one transaction,
// so a refused write leaves the ledger as it was.
import type * as z from 'zod'
import type {
  Balance,
  credits as creditsContract,
  Reconciled,
  Responded,
  Sent,
  TimelinePoint,
} from '../../shared/contract/credits'
import { AppError } from '../../shared/contract/errors'
import { plans } from '../../shared/domain/plans'
import { dayOfMonth } from '../../shared/domain/days'
import { findOrCreateContact, requireContact } from '../contacts/service'
import type { Ledger } from '../ledger'
import { getSeat } from '../seats/service'
import {
  addDays,
  computeSeatState,
  forecast,
  localDay,
  statement,
  type Forecast,
  type LedgerEvent,
  type SeatSettings,
  type SeatState,
  type Statement,
} from './engine'
import { labelIds } from '../outreach/labels'
import { cachedSeat, holdsSeat, readingVersion } from './cache'
import { checkpointBasis, keepCheckpoint, stateFromCheckpoint } from './checkpoints'
import { appendEvent, seatSettings } from './store'
import { endOfLocalDay } from './zone'
import { timeZoneOf } from '../settings/service'

type Input<K extends keyof typeof creditsContract> = z.output<(typeof creditsContract)[K]['input']>

interface Loaded {
  settings: SeatSettings
  events: LedgerEvent[]
}

/** The seat's settings and events, from the cache when nothing has changed since (cache.ts). */
function load(ledger: Ledger, seatId: number): Loaded {
  const { settings, events } = cachedSeat(ledger, seatId)
  // Frozen and shared: nothing here changes an events array, so the mutable type is harmless.
  return { settings, events: events as LedgerEvent[] }
}

/** The instant after every event of the seat and after now: "as of the end of the ledger". */
function horizon(ledger: Ledger, events: LedgerEvent[], also?: string): string {
  let latest = ledger.now().toISOString()
  for (const event of events) if (event.at > latest) latest = event.at
  if (also && also > latest) latest = also
  return latest
}

function writableSeat(ledger: Ledger, seatId: number, day: string, what: string): Loaded {
  const seat = getSeat(ledger, seatId)
  if (seat.archivedAt)
    throw new AppError(
      'SEAT_ARCHIVED',
      `${seat.name} is archived. Restore it in Settings before logging ${what}.`,
    )
  if (day < seat.startedOn)
    throw new AppError(
      'BEFORE_SEAT_STARTED',
      `${seat.name} started on ${seat.startedOn}; ${what} on ${day} would come before it. Check the date.`,
    )
  const loaded = load(ledger, seatId)
  const cancelled = loaded.events.find((e) => e.kind === 'cancellation')
  if (cancelled && localDay(cancelled.at, loaded.settings.timeZone) <= day)
    throw new AppError(
      'SEAT_CANCELLED',
      `${seat.name} was cancelled on ${localDay(cancelled.at, loaded.settings.timeZone)}, so it cannot take ${what} on ${day}.`,
    )
  return loaded
}

/**
 * How far ahead of the clock a send, response or meeting may be: another device's clock
 * running a little fast, not a day. Anything later would count in a month's report (which
 * reads to the end of the month) but not on the dashboard (which reads to now).
 */
export const clockSkewMs = 5 * 60 * 1000

/** Refuses an instant more than a few minutes after now: things are logged once they happened. */
export function refuseFuture(ledger: Ledger, at: string): void {
  const now = ledger.now()
  if (Date.parse(at) > now.getTime() + clockSkewMs)
    throw new AppError(
      'VALIDATION_FAILED',
      `${at} is in the future (it is now ${now.toISOString().slice(0, 16)}Z). Log things once they have happened.`,
    )
}

// Reads -------------------------------------------------------------------------------------

/**
 * "Now" for reads: the end of today in the user's zone, so today's day events (a
 * reconciliation, a purchase) count as soon as they are recorded.
 */
function endOfToday(ledger: Ledger, timeZone: string): string {
  return endOfLocalDay(localDay(ledger.now().toISOString(), timeZone), timeZone)
}

/**
 * Today's balances answered from a checkpoint, by seat, with what they rest on: asked again
 * (the dashboard, every few seconds) while nothing moved, the same answer without reading again.
 */
const fromCheckpoint = new WeakMap<Ledger['db'], Map<number, { key: string; balance: Balance }>>()

export function balance(ledger: Ledger, seatId: number, at?: string): Balance {
  // Today's balance of a seat not read yet (the app just opened): from its checkpoint.
  if (at === undefined && !holdsSeat(ledger, seatId)) {
    const settings = seatSettings(ledger, seatId)
    const asOf = endOfToday(ledger, settings.timeZone)
    // Read before the state it vouches for: a commit in between only costs a second reading.
    const version = readingVersion(ledger)
    const { lastId, undone } = checkpointBasis(ledger, seatId)
    const key = JSON.stringify([asOf, settings, lastId, undone, version])
    const kept = fromCheckpoint.get(ledger.db)?.get(seatId)
    if (version !== null && kept?.key === key) return kept.balance
    const state = stateFromCheckpoint(ledger, settings, asOf)
    if (state) {
      const answer = balanceOf(settings, state)
      if (version !== null && !ledger.db.inTransaction) {
        const kept = fromCheckpoint.get(ledger.db) ?? new Map()
        fromCheckpoint.set(ledger.db, kept.set(seatId, { key, balance: answer }))
      }
      return answer
    }
  }
  const basis = at === undefined ? checkpointBasis(ledger, seatId) : null
  const { settings, events } = load(ledger, seatId)
  const asOf = at ?? endOfToday(ledger, settings.timeZone)
  if (basis) keepCheckpoint(ledger, basis, settings, events, asOf)
  return balanceOf(settings, computeSeatState(settings, events, asOf))
}

function balanceOf(settings: SeatSettings, state: SeatState): Balance {
  const { seatId } = settings
  return {
    seatId,
    asOf: state.asOf,
    available: state.available,
    batches: state.batches,
    pendingRefunds: state.pendingRefunds,
    nextRenewal: state.nextRenewal,
    warnings: state.warnings,
    policy: settings.policy,
    timeZone: settings.timeZone,
  }
}

export function seatStatement(ledger: Ledger, input: Input<'statement'>): Statement {
  const { settings, events } = load(ledger, input.seatId)
  return statement(settings, events, input.from, input.to)
}

export function seatForecast(ledger: Ledger, input: Input<'forecast'>): Forecast {
  const { settings, events } = load(ledger, input.seatId)
  const asOf = endOfLocalDay(
    input.at ?? localDay(ledger.now().toISOString(), settings.timeZone),
    settings.timeZone,
  )
  return forecast(settings, events, asOf, {
    ...(input.perWeek !== undefined ? { perWeek: input.perWeek } : {}),
    ...(input.responseRate !== undefined ? { responseRate: input.responseRate } : {}),
    ...(input.weeks !== undefined ? { weeks: input.weeks } : {}),
  })
}

/** The balance at the end of each day of the period, for the chart. */
export function timeline(ledger: Ledger, input: Input<'timeline'>): TimelinePoint[] {
  const { settings, events } = load(ledger, input.seatId)
  const from = input.from < settings.startedOn ? settings.startedOn : input.from
  if (from > input.to) return []
  const { opening, entries } = statement(settings, events, from, input.to)
  const points: TimelinePoint[] = []
  let available = opening
  let next = 0
  for (let day = from; day <= input.to; day = addDays(day, 1)) {
    while (next < entries.length && entries[next]!.day === day)
      available += entries[next++]!.credits
    points.push({ date: day, available })
  }
  return points
}

// Writes ------------------------------------------------------------------------------------

function stateAfter(
  ledger: Ledger,
  seatId: number,
  asOf?: string,
): { loaded: Loaded; state: SeatState } {
  const loaded = load(ledger, seatId)
  return {
    loaded,
    state: computeSeatState(loaded.settings, loaded.events, horizon(ledger, loaded.events, asOf)),
  }
}

/** `thread`: the message this one follows up in the same thread (a sequence's later step). */
export function send(ledger: Ledger, input: Input<'send'>, thread?: { followupOf: number }): Sent {
  refuseFuture(ledger, input.at)
  return ledger.db.transaction((): Sent => {
    const timeZone = timeZoneOf(ledger)
    const day = localDay(input.at, timeZone)
    const before = writableSeat(ledger, input.seatId, day, 'an InMail')
    const contact = findOrCreateContact(ledger, input.to)
    // The unary + keeps SQLite on the contact's index: by (kind, at) it walked back through
    // every InMail of the ledger looking for this contact's (all of them for a new contact).
    const unanswered = ledger.db
      .prepare(
        `SELECT s.at FROM live_events s WHERE +s.kind = 'inmail-sent' AND s.at <= ?
           AND s.contact_id IN (SELECT id FROM contacts WHERE id = ? OR merged_into = ?)
           AND NOT EXISTS (SELECT 1 FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = s.id)
         ORDER BY s.at DESC LIMIT 1`,
      )
      .get(input.at, contact.id, contact.id) as { at: string } | undefined
    const eventId = appendEvent(ledger, {
      seatId: input.seatId,
      kind: 'inmail-sent',
      at: input.at,
      contactId: contact.id,
      openProfile: input.openProfile,
      ...(thread ? { followupOf: thread.followupOf } : {}),
      ...labelIds(ledger, input.template, input.role),
    })
    const { state } = stateAfter(ledger, input.seatId, input.at)
    // What was overdrawn before this InMail only matters when something is overdrawn after it:
    // the seat is replayed a second time only then.
    const overdrawnBefore = new Set(
      state.overdrawn.length === 0
        ? []
        : computeSeatState(before.settings, before.events, horizon(ledger, before.events, input.at))
            .overdrawn,
    )
    const newlyOverdrawn = state.overdrawn.filter((id) => !overdrawnBefore.has(id))
    if (newlyOverdrawn.length > 0) {
      const seat = getSeat(ledger, input.seatId)
      throw new AppError(
        'NO_CREDITS',
        newlyOverdrawn.includes(eventId)
          ? `${seat.name} has no InMail credits left on ${day}. Record a purchase, or reconcile with the number LinkedIn shows, then log this InMail again.`
          : `Logging this InMail on ${day} would leave a later InMail of ${seat.name} without a credit. Check the date, or record a purchase first.`,
      )
    }
    const warnings: Sent['warnings'] = []
    if (unanswered && !input.openProfile)
      warnings.push({
        code: 'SECOND_INMAIL',
        message: `You already sent ${contact.name ?? contact.profileUrl} an InMail on ${localDay(unanswered.at, timeZone)} with no response yet. LinkedIn charges another credit for this one, and may not deliver it.`,
      })
    return { eventId, contact, creditSpent: !input.openProfile, warnings }
  })()
}

/** The latest InMail to this person before `at`, on any seat. */
function latestInmail(ledger: Ledger, who: Input<'respond'>['to'], at: string) {
  const contact = requireContact(ledger, who)
  const row = ledger.db
    .prepare(
      `SELECT id, seat_id, at FROM live_events
       WHERE kind IN ('inmail-sent', 'message-sent') AND followup_of IS NULL AND at <= ?
         AND contact_id IN (SELECT id FROM contacts WHERE id = ? OR merged_into = ?)
       ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get(at, contact.id, contact.id) as { id: number; seat_id: number; at: string } | undefined
  if (!row)
    throw new AppError(
      'NO_OUTREACH',
      `There is no outreach to ${contact.name ?? contact.profileUrl} sent before ${at}. Check the date and time of the response.`,
    )
  return { contact, inmail: row }
}

export function respond(ledger: Ledger, input: Input<'respond'>): Responded {
  refuseFuture(ledger, input.at)
  return ledger.db.transaction((): Responded => {
    const { contact, inmail } = latestInmail(ledger, input.to, input.at)
    const eventId = appendEvent(ledger, {
      seatId: inmail.seat_id,
      kind: 'response',
      at: input.at,
      contactId: contact.id,
      inmailId: inmail.id,
      responseKind: input.kind,
      sentiment: input.sentiment,
    })
    const { state } = stateAfter(ledger, inmail.seat_id, input.at)
    const refunded = state.entries.some((e) => e.kind === 'refund' && e.eventId === eventId)
    return { eventId, inmailId: inmail.id, sentAt: inmail.at, seatId: inmail.seat_id, refunded }
  })()
}

export function meeting(
  ledger: Ledger,
  input: Input<'meeting'>,
): { eventId: number; inmailId: number } {
  refuseFuture(ledger, input.at)
  return ledger.db.transaction(() => {
    const { contact, inmail } = latestInmail(ledger, input.to, input.at)
    const eventId = appendEvent(ledger, {
      seatId: inmail.seat_id,
      kind: 'meeting',
      at: input.at,
      contactId: contact.id,
      inmailId: inmail.id,
    })
    return { eventId, inmailId: inmail.id }
  })()
}

export function purchase(ledger: Ledger, input: Input<'purchase'>): { eventId: number } {
  return ledger.db.transaction(() => {
    writableSeat(ledger, input.seatId, input.at, 'a purchase')
    const eventId = appendEvent(ledger, {
      seatId: input.seatId,
      kind: 'purchase',
      day: input.at,
      credits: input.credits,
      priceCents: input.priceCents,
    })
    return { eventId }
  })()
}

export function reconcile(ledger: Ledger, input: Input<'reconcile'>): Reconciled {
  return ledger.db.transaction((): Reconciled => {
    const { settings, events } = writableSeat(ledger, input.seatId, input.at, 'a reconciliation')
    const computed = computeSeatState(
      settings,
      events,
      endOfLocalDay(input.at, settings.timeZone),
    ).available
    const reconciliationId = appendEvent(ledger, {
      seatId: input.seatId,
      kind: 'reconciliation',
      day: input.at,
      credits: input.shown,
      ...(input.note ? { note: input.note } : {}),
    })
    const adjustment = input.shown - computed
    if (adjustment !== 0)
      appendEvent(ledger, {
        seatId: input.seatId,
        kind: 'adjustment',
        day: input.at,
        credits: adjustment,
        reconciliationId,
        note: `LinkedIn showed ${input.shown}; the ledger had ${computed}${input.note ? `. ${input.note}` : ''}`,
      })
    return { reconciliationId, computed, shown: input.shown, adjustment }
  })()
}

function forfeitedBy(ledger: Ledger, seatId: number, eventId: number, day: string): number {
  const { settings, events } = load(ledger, seatId)
  const state = computeSeatState(settings, events, endOfLocalDay(day, settings.timeZone))
  return -state.entries
    .filter((e) => e.kind === 'forfeit' && e.eventId === eventId)
    .reduce((sum, e) => sum + e.credits, 0)
}

export function cancel(
  ledger: Ledger,
  input: Input<'cancel'>,
): { eventId: number; forfeited: number } {
  return ledger.db.transaction(() => {
    writableSeat(ledger, input.seatId, input.at, 'a cancellation')
    const eventId = appendEvent(ledger, {
      seatId: input.seatId,
      kind: 'cancellation',
      day: input.at,
    })
    return { eventId, forfeited: forfeitedBy(ledger, input.seatId, eventId, input.at) }
  })()
}

export function changePlan(
  ledger: Ledger,
  input: Input<'changePlan'>,
): { eventId: number; forfeited: number } {
  return ledger.db.transaction(() => {
    writableSeat(ledger, input.seatId, input.at, 'a plan change')
    const base = input.planId === 'custom' ? input.custom! : plans[input.planId]
    const terms = {
      monthlyCredits: base.monthlyCredits,
      cap: base.cap,
      renewal: base.renewal,
      renewalDay: base.renewal === 'first-of-month' ? 1 : dayOfMonth(input.at),
      priceCents: base.priceCents,
    }
    if (terms.cap < terms.monthlyCredits)
      throw new AppError('VALIDATION_FAILED', 'The cap must be at least the monthly credits.')
    const eventId = appendEvent(ledger, {
      seatId: input.seatId,
      kind: 'plan-change',
      day: input.at,
      planId: input.planId,
      terms,
    })
    // The seat row shows the current plan; the event keeps the history.
    ledger.db
      .prepare(
        `UPDATE seats SET plan_id = ?, monthly_credits = ?, credit_cap = ?, renewal = ?, renewal_day = ?,
           price_cents = ? WHERE id = ?`,
      )
      .run(
        input.planId,
        terms.monthlyCredits,
        terms.cap,
        terms.renewal,
        terms.renewalDay,
        terms.priceCents,
        input.seatId,
      )
    return { eventId, forfeited: forfeitedBy(ledger, input.seatId, eventId, input.at) }
  })()
}

export function setPolicy(ledger: Ledger, input: Input<'setPolicy'>) {
  getSeat(ledger, input.seatId)
  if (input.expiry !== undefined)
    ledger.db
      .prepare('UPDATE seats SET expiry_policy = ? WHERE id = ?')
      .run(input.expiry, input.seatId)
  if (input.refundDeclines !== undefined)
    ledger.db
      .prepare('UPDATE seats SET refund_declines = ? WHERE id = ?')
      .run(input.refundDeclines ? 1 : 0, input.seatId)
  return seatSettings(ledger, input.seatId).policy
}

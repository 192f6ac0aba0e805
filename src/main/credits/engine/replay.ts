// One linear pass over a seat's ledger events: sorts them, applies the credit rules through a
// CreditBook and keeps what the state, warnings and forecast need about each InMail.
import { type BookState, CreditBook, expiryDays } from './book'
import { type DayNumber, instantMs, localDayNumber, toDayNumber } from './days'
import { keepReplay, keptReplay, memoOrder } from './memo'
import type { LedgerEvent, SeatSettings } from './types'

/** LinkedIn's own response-rate metric counts answers within 30 days (a416484). */
export const responseRateWindowDays = 30

export interface InMailRecord {
  id: number
  contact: string
  sentDay: DayNumber
  openProfile: boolean
  /** True when the send took a credit (not Open Profile, not overdrawn). */
  credited: boolean
  refundedOn: DayNumber | null
  /** Any response within 30 days of the send (for the 13% rule). */
  answered: boolean
}

export interface Reconciliation {
  shown: number
  day: DayNumber
  had: number
}

export interface Replay {
  settings: SeatSettings
  book: CreditBook
  /** The last day applied: expiries and renewals through this day are in. */
  day: DayNumber
  startedOn: DayNumber
  /**
   * Every InMail sent, in replay order; from a ReplayStart, only those its day could still
   * refund or count (see startOf) and those sent after it.
   */
  sends: InMailRecord[]
  /** InMails that found no credit: those replayed here (a ReplayStart counts the earlier ones). */
  overdrawn: number[]
  /** How many InMails before the ReplayStart found no credit (0 for a replay from the start). */
  earlierOverdrawn: number
  /** By event id, for adjustments that name the reconciliation they settle. */
  reconciliations: Map<number, Reconciliation>
}

/**
 * A replay's state at the end of a day, as plain data: the book without its journal, the InMails
 * a later day could still refund or count, and the reconciliations. Replaying the events after
 * that day from here gives the state a replay of every event gives (startOf, replayFrom).
 */
export interface ReplayStart {
  day: DayNumber
  book: BookState
  sends: InMailRecord[]
  earlierOverdrawn: number
  reconciliations: [number, Reconciliation][]
}

/** Events in replay order with their instants and local days, kept in flat arrays. */
export interface OrderedEvents {
  events: readonly LedgerEvent[]
  ms: Float64Array
  days: Int32Array
  /** latestMs[i]: the latest instant among events 0..i (days sort first, so not always ms[i]). */
  latestMs: Float64Array
}

/** The events in replay order: local day, then instant, then id. Sorts only when needed. */
export function orderEvents(events: readonly LedgerEvent[], timeZone: string): OrderedEvents {
  return memoOrder(events, timeZone, () => withLatest(sortEvents(events, timeZone)))
}

function withLatest(ordered: Omit<OrderedEvents, 'latestMs'>): OrderedEvents {
  const { ms } = ordered
  const latestMs = new Float64Array(ms.length)
  let latest = -Infinity
  for (let i = 0; i < ms.length; i++) latestMs[i] = latest = Math.max(latest, ms[i]!)
  return { ...ordered, latestMs }
}

function sortEvents(events: readonly LedgerEvent[], timeZone: string) {
  const n = events.length
  const ms = new Float64Array(n)
  const days = new Int32Array(n)
  const compare = (a: number, b: number): number =>
    days[a]! - days[b]! || ms[a]! - ms[b]! || events[a]!.id - events[b]!.id
  let sorted = true
  for (let i = 0; i < n; i++) {
    ms[i] = instantMs(events[i]!.at)
    days[i] = localDayNumber(ms[i]!, timeZone)
    if (sorted && i > 0 && compare(i - 1, i) > 0) sorted = false
  }
  if (sorted) return { events, ms, days }
  const order = Array.from({ length: n }, (_, i) => i).sort(compare)
  return {
    events: order.map((i) => events[i]!),
    ms: Float64Array.from(order, (i) => ms[i]!),
    days: Int32Array.from(order, (i) => days[i]!),
  }
}

/** True when every event on or before `untilDay` is at or before `untilMs` too. */
function wholeDays(ordered: OrderedEvents, untilDay: DayNumber, untilMs: number): boolean {
  if (untilMs === Infinity) return true
  const { days, latestMs } = ordered
  let after = 0 // the first event after untilDay
  for (let high = days.length; after < high;) {
    const mid = (after + high) >>> 1
    if (days[mid]! <= untilDay) after = mid + 1
    else high = mid
  }
  return after === 0 || latestMs[after - 1]! <= untilMs
}

/**
 * Replay every event on or before `untilDay` (and, when given, at or before the instant
 * `untilMs`), then apply the expiries and renewals through `untilDay`. The result is shared
 * (see memo.ts): read it, never change it.
 */
export function replay(
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  untilDay: DayNumber,
  untilMs = Infinity,
): Replay {
  const ordered = orderEvents(events, settings.timeZone)
  // Only a replay of whole days is kept: it stands for any instant late enough in its last day.
  const whole = wholeDays(ordered, untilDay, untilMs)
  if (whole) {
    const kept = keptReplay(events, settings, (r) => r.day === untilDay)
    if (kept) return kept
  }
  const result = replayOrdered(settings, ordered, untilDay, untilMs)
  if (whole) keepReplay(events, settings, result)
  return result
}

/**
 * A replay through `day` or later. Its entries up to `day` are those of replay(…, day): later
 * days only ever add entries after them.
 */
export function replayThrough(
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  day: DayNumber,
): Replay {
  return keptReplay(events, settings, (r) => r.day >= day) ?? replay(settings, events, day)
}

/**
 * The state at the end of the replay's day, for replayFrom. Only InMails sent in the 90 days up
 * to it are kept: a response later than that neither refunds one nor counts as its answer, and
 * every warning looks back 90 days at most (a new seat's first week aside, which a start after
 * that week never needs).
 */
export function startOf(
  r: Pick<Replay, 'day' | 'book' | 'sends' | 'earlierOverdrawn' | 'overdrawn' | 'reconciliations'>,
): ReplayStart {
  const sends: InMailRecord[] = []
  for (let i = r.sends.length - 1; i >= 0 && r.sends[i]!.sentDay + expiryDays >= r.day; i--)
    sends.push({ ...r.sends[i]! })
  return {
    day: r.day,
    book: r.book.state(),
    sends: sends.reverse(),
    earlierOverdrawn: r.earlierOverdrawn + r.overdrawn.length,
    reconciliations: [...r.reconciliations].map(([id, rec]) => [id, { ...rec }]),
  }
}

/**
 * replay(…, untilDay) and, in the same pass, its state at the end of `startDay` (on or before
 * untilDay), as startOf(replay(…, startDay)) would give it. The replay is kept like replay's.
 */
export function replayWithStart(
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  untilDay: DayNumber,
  startDay: DayNumber,
): { replay: Replay; start: ReplayStart } {
  if (startDay > untilDay) throw new RangeError('replayWithStart: the start is after the end.')
  const capture: Capture = { day: startDay, start: null }
  const result = replayOrdered(
    settings,
    orderEvents(events, settings.timeZone),
    untilDay,
    Infinity,
    undefined,
    capture,
  )
  keepReplay(events, settings, result)
  return { replay: result, start: capture.start! }
}

/** Where replayOrdered notes the state at the end of `day`, when it passes it. */
interface Capture {
  day: DayNumber
  start: ReplayStart | null
}

/**
 * Replay the events after `start.day` from that state, through `untilDay` (and `untilMs`). Its
 * journal and overdrawn list hold only what happened after the start. Never memoized: the caller
 * keeps what it needs.
 */
export function replayFrom(
  start: ReplayStart,
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  untilDay: DayNumber,
  untilMs = Infinity,
): Replay {
  if (untilDay < start.day) throw new RangeError('replayFrom: asked for a day before its start.')
  const ordered = orderEvents(events, settings.timeZone)
  if (ordered.days.length > 0 && ordered.days[0]! <= start.day)
    throw new RangeError('replayFrom: an event falls on or before the day it starts after.')
  return replayOrdered(settings, ordered, untilDay, untilMs, start)
}

function replayOrdered(
  settings: SeatSettings,
  ordered: OrderedEvents,
  untilDay: DayNumber,
  untilMs: number,
  start?: ReplayStart,
  capture?: Capture,
): Replay {
  const startedOn = toDayNumber(settings.startedOn)
  const book = start ? CreditBook.resume(settings, start.book) : new CreditBook(settings, startedOn)
  const sends: InMailRecord[] = start ? start.sends.map((send) => ({ ...send })) : []
  const inmails = new Map<number, InMailRecord>(sends.map((send) => [send.id, send]))
  const reconciliations = new Map<number, Reconciliation>(
    start?.reconciliations.map(([id, rec]) => [id, { ...rec }]),
  )
  const overdrawn: number[] = []
  const earlierOverdrawn = start?.earlierOverdrawn ?? 0
  const noteStart = (c: Capture) => {
    // The expiries and renewals of its last day too: the next event would apply them first.
    book.advanceTo(c.day)
    c.start = startOf({ day: c.day, book, sends, earlierOverdrawn, overdrawn, reconciliations })
  }

  for (let i = 0; i < ordered.events.length; i++) {
    const day = ordered.days[i]!
    // Events sort by day first, so nothing after this one is due.
    if (day > untilDay) break
    if (capture && capture.start === null && day > capture.day) noteStart(capture)
    if (ordered.ms[i]! > untilMs) continue
    const event = ordered.events[i]!
    book.advanceTo(day)
    switch (event.kind) {
      case 'seat-opened':
        book.open(day, event.id, event.openingBalance)
        break
      case 'inmail-sent': {
        const record: InMailRecord = {
          id: event.id,
          contact: event.contact,
          sentDay: day,
          openProfile: event.openProfile,
          credited: false,
          refundedOn: null,
          answered: false,
        }
        if (!event.openProfile) {
          record.credited = book.spend(day, event.id, `InMail to ${event.contact}`)
          if (!record.credited) overdrawn.push(event.id)
        }
        book.touch(day)
        inmails.set(event.id, record)
        sends.push(record)
        break
      }
      case 'response': {
        const inmail = inmails.get(event.inmailId)
        if (!inmail) break
        if (day <= inmail.sentDay + responseRateWindowDays) inmail.answered = true
        const refundable =
          inmail.credited &&
          inmail.refundedOn === null &&
          day <= inmail.sentDay + expiryDays &&
          (event.response !== 'decline' || settings.policy.refundDeclines)
        const note =
          `Refund: ${event.response} from ${inmail.contact} ` +
          `(InMail of ${book.dayWords(inmail.sentDay)})`
        if (refundable && book.refund(day, event.id, note)) inmail.refundedOn = day
        break
      }
      case 'purchase':
        book.purchase(day, event.id, event.credits, event.priceCents)
        break
      case 'reconciliation':
        reconciliations.set(event.id, { shown: event.shown, day, had: book.available })
        break
      case 'adjustment': {
        const reconciled =
          event.reconciliationId === undefined
            ? undefined
            : reconciliations.get(event.reconciliationId)
        const note =
          event.note.trim() !== ''
            ? event.note
            : reconciled
              ? `Reconciled with LinkedIn, which showed ${reconciled.shown} on ` +
                `${book.dayWords(reconciled.day)} (the ledger had ${reconciled.had})`
              : 'Adjustment'
        book.adjust(day, event.id, event.delta, note)
        break
      }
      case 'plan-change':
        book.changePlan(day, event.id, event.planId, event.terms)
        break
      case 'cancellation':
        book.cancel(day, event.id)
        break
      case 'meeting':
        break
    }
  }
  if (capture && capture.start === null) noteStart(capture)
  book.advanceTo(untilDay)
  return {
    settings,
    book,
    day: untilDay,
    startedOn,
    sends,
    overdrawn,
    earlierOverdrawn,
    reconciliations,
  }
}

/** The sends whose day falls in the `days` days ending on `last` (scans back from the end). */
export function recentSends(
  sends: readonly InMailRecord[],
  last: DayNumber,
  days: number,
): InMailRecord[] {
  const recent: InMailRecord[] = []
  for (let i = sends.length - 1; i >= 0; i--) {
    const send = sends[i]!
    if (send.sentDay <= last - days) break
    if (send.sentDay <= last) recent.push(send)
  }
  return recent.reverse()
}

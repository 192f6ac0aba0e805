// A seat's credit state as of an instant: balance, batches, pending refunds, next renewal,
// warnings and the journal of every change.
import { expiryDays } from './book'
import { type DayNumber, fromDayNumber, instantMs, localDayNumber } from './days'
import { type InMailRecord, type Replay, replay, replayFrom, type ReplayStart } from './replay'
import type { Batch, Instant, LedgerEvent, PendingRefund, SeatSettings, SeatState } from './types'
import { seatWarnings } from './warnings'

/** Credit InMails still inside their 90-day refund window with no refund yet, oldest first. */
export function pendingRefundSends(r: Replay, asOf: DayNumber): InMailRecord[] {
  if (r.book.cancelled) return []
  const pending: InMailRecord[] = []
  for (let i = r.sends.length - 1; i >= 0; i--) {
    const send = r.sends[i]!
    if (send.sentDay + expiryDays < asOf) break
    if (send.credited && send.refundedOn === null) pending.push(send)
  }
  return pending.reverse()
}

/** fromDayNumber, remembering the last day asked for. */
function lastDayMemo(): (day: DayNumber) => string {
  let last = Number.NaN
  let text = ''
  return (day) => {
    if (day !== last) {
      last = day
      text = fromDayNumber(day)
    }
    return text
  }
}

/**
 * The seat's state as of `asOf`. With a `start` (a replay's state at the end of an earlier day,
 * see startOf), `events` are only those after that day, and the state's journal and overdrawn
 * list cover only those days; everything else is what a replay of every event gives.
 */
export function computeSeatState(
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  asOf: Instant,
  start?: ReplayStart,
): SeatState {
  const asOfMs = instantMs(asOf)
  const asOfDay = localDayNumber(asOfMs, settings.timeZone)
  const r = start
    ? replayFrom(start, settings, events, asOfDay, asOfMs)
    : replay(settings, events, asOfDay, asOfMs)
  const { book } = r
  const pending = pendingRefundSends(r, asOfDay)
  const renewal = book.renewalPreview()

  const batches: Batch[] = book.batches.map((b) => ({
    credits: b.credits,
    source: b.source,
    dated: fromDayNumber(b.dated),
    expires: b.expires === null ? null : fromDayNumber(b.expires),
  }))
  // Thousands on a busy seat, in day order: most share their days with the one before.
  const sentOn = lastDayMemo()
  const closesOn = lastDayMemo()
  const pendingRefunds: PendingRefund[] = pending.map((s) => ({
    inmailId: s.id,
    contact: s.contact,
    sentOn: sentOn(s.sentDay),
    windowClosesOn: closesOn(s.sentDay + expiryDays),
  }))

  return {
    asOf: fromDayNumber(asOfDay),
    available: book.available,
    batches,
    pendingRefunds,
    nextRenewal:
      renewal === null ? null : { date: fromDayNumber(renewal.date), credits: renewal.credits },
    warnings: seatWarnings(r, asOfDay, pending),
    // Frozen when the replay is shared with later calls (memo.ts).
    entries: book.entries,
    overdrawn: r.overdrawn,
  }
}

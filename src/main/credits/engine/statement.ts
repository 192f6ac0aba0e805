// A seat's credit statement for a period of days, like a bank statement: opening balance, the
// totals by kind, closing balance, and the entries in between.
import { toDayNumber } from './days'
import { creditsBefore } from './memo'
import { replayThrough } from './replay'
import type { Day, Entry, LedgerEvent, SeatSettings, Statement } from './types'

/**
 * Totals for the days `from`..`to` (inclusive). The identity
 * opening + granted + purchased − spent + refunded − expired − forfeited + adjusted = closing
 * always holds; spent, expired and forfeited are positive, adjusted is signed, and the opening
 * credits of a seat opened or a plan changed within the period count as granted.
 */
export function statement(
  settings: SeatSettings,
  events: readonly LedgerEvent[],
  from: Day,
  to: Day,
): Statement {
  const toDay = toDayNumber(to)
  if (toDayNumber(from) > toDay) {
    throw new RangeError(`A statement runs forward: ${from} is after ${to}.`)
  }
  return statementFromEntries(replayThrough(settings, events, toDay).book.entries, from, to)
}

/**
 * The same statement from a journal already computed (SeatState.entries), so a caller holding a
 * state as of `to` or later needs no second replay. Entries after `to` are left out.
 */
export function statementFromEntries(entries: readonly Entry[], from: Day, to: Day): Statement {
  if (toDayNumber(from) > toDayNumber(to)) {
    throw new RangeError(`A statement runs forward: ${from} is after ${to}.`)
  }
  const result: Statement = {
    from,
    to,
    opening: 0,
    granted: 0,
    purchased: 0,
    spent: 0,
    refunded: 0,
    expired: 0,
    forfeited: 0,
    adjusted: 0,
    closing: 0,
    entries: [],
  }
  // Entries are in day order, and YYYY-MM-DD strings sort as days do.
  const first = firstOnOrAfter(entries, from)
  result.opening = creditsBefore(entries, first)
  let end = first
  while (end < entries.length && entries[end]!.day <= to) end++
  result.entries = entries.slice(first, end)
  for (const entry of result.entries) {
    switch (entry.kind) {
      case 'opening':
      case 'grant':
        result.granted += entry.credits
        break
      case 'purchase':
        result.purchased += entry.credits
        break
      case 'spend':
        result.spent -= entry.credits
        break
      case 'refund':
        result.refunded += entry.credits
        break
      case 'expiry':
        result.expired -= entry.credits
        break
      case 'forfeit':
        result.forfeited -= entry.credits
        break
      case 'adjustment':
        result.adjusted += entry.credits
        break
    }
  }
  result.closing =
    result.opening +
    result.granted +
    result.purchased -
    result.spent +
    result.refunded -
    result.expired -
    result.forfeited +
    result.adjusted
  return result
}

/** The index of the first entry on or after `day` (entries.length when none is). */
function firstOnOrAfter(entries: readonly Entry[], day: Day): number {
  let low = 0
  for (let high = entries.length; low < high;) {
    const mid = (low + high) >>> 1
    if (entries[mid]!.day < day) low = mid + 1
    else high = mid
  }
  return low
}

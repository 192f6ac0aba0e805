// What the engine derives from one events array, kept with that array: its replay order and its
// last few replays. The main process hands out the same frozen array until the seat's ledger
// changes (credits/cache.ts), so a balance, a statement and a forecast of the same seat share one
// replay. Arrays that are not frozen are never memoized: a caller that keeps appending to its
// array gets a fresh replay every time. A kept replay's journal is frozen, since outputs share it
// (and its entries, which are read-only like everything else the engine returns).
import type { Entry, LedgerEvent, SeatSettings } from './types'
import type { OrderedEvents, Replay } from './replay'

interface Derived {
  /** By time zone. */
  orders: Map<string, OrderedEvents>
  /** Most recently used first. */
  replays: { settings: string; replay: Replay }[]
}

/** A few days' worth (a balance as of today, a statement ending in the future, a forecast). */
const maxReplays = 3

const derived = new WeakMap<readonly LedgerEvent[], Derived>()

function derivedFor(events: readonly LedgerEvent[]): Derived | null {
  if (!Object.isFrozen(events)) return null
  let found = derived.get(events)
  if (!found) {
    found = { orders: new Map(), replays: [] }
    derived.set(events, found)
  }
  return found
}

const settingsKey = (settings: SeatSettings): string => JSON.stringify(settings)

export function memoOrder(
  events: readonly LedgerEvent[],
  timeZone: string,
  order: () => OrderedEvents,
): OrderedEvents {
  const memo = derivedFor(events)
  if (!memo) return order()
  let ordered = memo.orders.get(timeZone)
  if (!ordered) {
    ordered = order()
    memo.orders.set(timeZone, ordered)
  }
  return ordered
}

/** A kept replay of these events under these settings that `fits`, if any. */
export function keptReplay(
  events: readonly LedgerEvent[],
  settings: SeatSettings,
  fits: (replay: Replay) => boolean,
): Replay | undefined {
  const memo = derivedFor(events)
  if (!memo || memo.replays.length === 0) return undefined
  const key = settingsKey(settings)
  const i = memo.replays.findIndex((kept) => kept.settings === key && fits(kept.replay))
  if (i < 0) return undefined
  const [kept] = memo.replays.splice(i, 1)
  memo.replays.unshift(kept!)
  return kept!.replay
}

/** Keeps a finished replay; it must never be changed afterwards. */
export function keepReplay(
  events: readonly LedgerEvent[],
  settings: SeatSettings,
  replay: Replay,
): void {
  const memo = derivedFor(events)
  if (!memo) return
  Object.freeze(replay.book.entries)
  Object.freeze(replay.overdrawn)
  memo.replays.unshift({ settings: settingsKey(settings), replay })
  memo.replays.length = Math.min(memo.replays.length, maxReplays)
}

const runningTotals = new WeakMap<readonly Entry[], Float64Array>()

/** The sum of the credits of entries[0..end), in constant time for a frozen journal. */
export function creditsBefore(entries: readonly Entry[], end: number): number {
  if (!Object.isFrozen(entries)) {
    let sum = 0
    for (let i = 0; i < end; i++) sum += entries[i]!.credits
    return sum
  }
  let totals = runningTotals.get(entries)
  if (!totals) {
    totals = new Float64Array(entries.length + 1)
    for (let i = 0; i < entries.length; i++) totals[i + 1] = totals[i]! + entries[i]!.credits
    runningTotals.set(entries, totals)
  }
  return totals[end]!
}

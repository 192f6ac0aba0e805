// What a cohort cost: each seat's plan price over the period plus its purchases (credits/cost.ts),
// shared out over the messages the seat sent, so a template or a role carries its share.
import { seatSpend } from '../credits/cost'
import type { Ledger } from '../ledger'

/** Each seat's spend (cents) over the days from `from` to `to`. */
export function seatSpends(
  ledger: Ledger,
  seatIds: readonly number[],
  from: string,
  to: string,
): Map<number, number> {
  return new Map(
    seatIds.map((seatId) => [seatId, seatSpend(ledger, { seatId, from, to }).totalCents]),
  )
}

/**
 * A part's share of the spend: per seat, the spend times the part's sends over all the seat's
 * sends in the period (every opening message carries an equal share of its seat's cost).
 */
export function shareOfSpend(
  spends: ReadonlyMap<number, number>,
  partSends: ReadonlyMap<number, number>,
  seatSends: ReadonlyMap<number, number>,
): number {
  let cents = 0
  for (const [seatId, sends] of partSends) {
    const total = seatSends.get(seatId) ?? 0
    if (total > 0) cents += ((spends.get(seatId) ?? 0) * sends) / total
  }
  return Math.round(cents)
}

export function totalSpend(spends: ReadonlyMap<number, number>): number {
  let cents = 0
  for (const value of spends.values()) cents += value
  return cents
}

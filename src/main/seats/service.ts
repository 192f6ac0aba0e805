// Seats: add, rename, archive and list the LinkedIn subscriptions the user tracks.
import type * as z from 'zod'
import type { Seat, SeatTerms } from '../../shared/contract'
import { AppError } from '../../shared/contract/errors'
import type { addSeatInput } from '../../shared/contract/seats'
import { dayOfMonth } from '../../shared/domain/days'
import {
  isCatalogPlanId,
  planName,
  plans,
  type PlanId,
  type PlanTerms,
} from '../../shared/domain/plans'
import { appendEvent } from '../credits/store'
import type { Ledger } from '../ledger'
import { assertNameFree } from '../db/names'

interface SeatRow {
  id: number
  name: string
  plan_id: string
  monthly_credits: number
  credit_cap: number
  renewal: 'start-day' | 'first-of-month'
  renewal_day: number
  price_cents: number
  started_on: string
  archived_at: string | null
}

function toSeat(row: SeatRow): Seat {
  const planId: PlanId = isCatalogPlanId(row.plan_id) ? row.plan_id : 'custom'
  return {
    id: row.id,
    name: row.name,
    planId,
    planName: planName(planId),
    terms: {
      monthlyCredits: row.monthly_credits,
      cap: row.credit_cap,
      renewal: row.renewal,
      renewalDay: row.renewal_day,
      priceCents: row.price_cents,
    },
    startedOn: row.started_on,
    archivedAt: row.archived_at,
  }
}

export function listSeats(ledger: Ledger, includeArchived: boolean): Seat[] {
  const rows = ledger.db
    .prepare(
      `SELECT * FROM seats ${includeArchived ? '' : 'WHERE archived_at IS NULL'}
       ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE`,
    )
    .all() as SeatRow[]
  return rows.map(toSeat)
}

export function getSeat(ledger: Ledger, seatId: number): Seat {
  const row = ledger.db.prepare('SELECT * FROM seats WHERE id = ?').get(seatId) as
    SeatRow | undefined
  if (!row) throw new AppError('SEAT_NOT_FOUND', `There is no seat with id ${seatId}.`)
  return toSeat(row)
}

export function findSeatByName(ledger: Ledger, name: string): Seat {
  const row = ledger.db
    .prepare('SELECT * FROM seats WHERE name = ? COLLATE NOCASE')
    .get(name.trim()) as SeatRow | undefined
  if (!row) {
    const names = listSeats(ledger, true).map((s) => s.name)
    throw new AppError(
      'SEAT_NOT_FOUND',
      names.length === 0
        ? `There is no seat named "${name}". Add one first with "seat add".`
        : `There is no seat named "${name}". Seats: ${names.join(', ')}.`,
    )
  }
  return toSeat(row)
}

function termsFor(input: z.output<typeof addSeatInput>): PlanTerms {
  // The schema guarantees custom terms for a custom plan.
  const { monthlyCredits, cap, renewal, priceCents } =
    input.planId === 'custom' ? input.custom! : plans[input.planId]
  return { monthlyCredits, cap, renewal, priceCents }
}

export function addSeat(ledger: Ledger, input: z.output<typeof addSeatInput>): Seat {
  return ledger.db.transaction(() => {
    assertNameFree(ledger, 'seats', input.name, undefined, 'SEAT_NAME_TAKEN')
    const plan = termsFor(input)
    const terms: SeatTerms = {
      ...plan,
      renewalDay:
        input.renewalDay ?? (plan.renewal === 'first-of-month' ? 1 : dayOfMonth(input.startedOn)),
    }
    const opening = Math.min(input.openingBalance ?? terms.monthlyCredits, terms.cap)
    const result = ledger.db
      .prepare(
        `INSERT INTO seats (name, plan_id, monthly_credits, credit_cap, renewal, renewal_day,
           price_cents, started_on, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name,
        input.planId,
        terms.monthlyCredits,
        terms.cap,
        terms.renewal,
        terms.renewalDay,
        terms.priceCents,
        input.startedOn,
        ledger.now().toISOString(),
      )
    const seatId = Number(result.lastInsertRowid)
    // The ledger opens with the seat: its first credits and the terms it started on.
    appendEvent(ledger, {
      seatId,
      kind: 'seat-opened',
      day: input.startedOn,
      credits: opening,
      planId: input.planId,
      terms,
    })
    return getSeat(ledger, seatId)
  })()
}

export function renameSeat(ledger: Ledger, seatId: number, name: string): Seat {
  getSeat(ledger, seatId)
  assertNameFree(ledger, 'seats', name, seatId, 'SEAT_NAME_TAKEN')
  ledger.db.prepare('UPDATE seats SET name = ? WHERE id = ?').run(name, seatId)
  return getSeat(ledger, seatId)
}

export function setSeatArchived(ledger: Ledger, seatId: number, archived: boolean): Seat {
  const seat = getSeat(ledger, seatId)
  if (archived === (seat.archivedAt !== null)) return seat
  ledger.db
    .prepare('UPDATE seats SET archived_at = ? WHERE id = ?')
    .run(archived ? ledger.now().toISOString() : null, seatId)
  return getSeat(ledger, seatId)
}

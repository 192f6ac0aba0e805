// Seats: the LinkedIn subscriptions the user tracks.
import * as z from 'zod'
import { catalogPlanIds, type PlanId, type RenewalRule } from '../domain/plans'
import { channel } from './channel'
import { calendarDay, cents, credits, seatId, seatName } from './schemas'

export interface SeatTerms {
  monthlyCredits: number
  cap: number
  renewal: RenewalRule
  /** Day of the month (1–31) credits renew; 29–31 fall on the last day of shorter months. */
  renewalDay: number
  priceCents: number
}

export interface Seat {
  id: number
  name: string
  planId: PlanId
  planName: string
  terms: SeatTerms
  startedOn: string
  archivedAt: string | null
}

const planId = z.enum([...catalogPlanIds, 'custom'], {
  error: `Choose a plan: one of ${catalogPlanIds.join(', ')}, or custom.`,
})

const renewalDay = z
  .number({ error: 'The renewal day is a day of the month, 1 to 31.' })
  .int({ error: 'The renewal day is a whole day of the month, 1 to 31.' })
  .min(1, { error: 'The renewal day is a day of the month, 1 to 31.' })
  .max(31, { error: 'The renewal day is a day of the month, 1 to 31.' })

const customTerms = z
  .object({
    monthlyCredits: credits,
    cap: credits,
    priceCents: cents,
    renewal: z.enum(['start-day', 'first-of-month']).default('start-day'),
  })
  .refine((t) => t.cap >= t.monthlyCredits, {
    error: 'The cap must be at least the monthly credits.',
    path: ['cap'],
  })

export const addSeatInput = z
  .object({
    name: seatName,
    planId,
    startedOn: calendarDay,
    renewalDay: renewalDay.optional(),
    /** Credits the seat holds on its start day; default one monthly grant. */
    openingBalance: credits.optional(),
    custom: customTerms.optional(),
  })
  .refine((s) => s.planId !== 'custom' || s.custom !== undefined, {
    error: 'A custom plan needs its monthly credits, cap and price.',
    path: ['custom'],
  })

export const seats = {
  list: channel<Seat[]>()(
    z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
  ),
  add: channel<Seat>()(addSeatInput),
  rename: channel<Seat>()(z.object({ seatId, name: seatName })),
  archive: channel<Seat>()(z.object({ seatId })),
  restore: channel<Seat>()(z.object({ seatId })),
}

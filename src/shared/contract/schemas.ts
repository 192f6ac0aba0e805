// Field schemas shared by every domain's contract, each with a message a user can act on.
import * as z from 'zod'
import { isCalendarDay } from '../domain/days'

export const calendarDay = z
  .string({ error: 'Give a calendar day like 2026-03-01.' })
  .refine(isCalendarDay, { error: 'Use a real calendar day written YYYY-MM-DD, like 2026-03-01.' })

export const credits = z
  .number({ error: 'Give a whole number of credits.' })
  .int({ error: 'Credits are whole numbers.' })
  .min(0, { error: 'Credits cannot be negative.' })
  .max(100_000, { error: 'That is more credits than any plan holds (at most 100,000).' })

export const cents = z
  .number({ error: 'Give an amount in cents.' })
  .int({ error: 'Amounts are whole cents.' })
  .min(0, { error: 'An amount cannot be negative.' })
  .max(100_000_000, { error: 'That amount is too large (at most 1,000,000.00).' })

export const seatId = z
  .number({ error: 'Say which seat: a seat id is a number.' })
  .int({ error: 'A seat id is a whole number.' })
  .positive({ error: 'A seat id is a positive number.' })

export const seatName = z
  .string({ error: 'Give the seat a name.' })
  .trim()
  .min(1, { error: 'Give the seat a name.' })
  .max(60, { error: 'Keep the seat name under 60 characters.' })

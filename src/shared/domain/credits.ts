// The credit engine's inputs and outputs. The engine is pure: seat settings + ledger events +
// "as of" instant in, state out. Grants, expiries and refunds are derived, never stored.
import type { SeatTerms } from '../contract/seats'

/** `YYYY-MM-DD`, a calendar day in the user's time zone. */
export type Day = string
/** A UTC ISO instant, e.g. 2026-03-01T09:30:00.000Z. */
export type Instant = string

/** DOMAIN.md §2.5: how credits expire. */
export type ExpiryPolicy = '90d' | 'never' | 'no-rollover' | 'inactive-90d'

export interface SeatPolicy {
  expiry: ExpiryPolicy
  /** DOMAIN.md §2.3: default true; seed 002 says a "Not interested" returns nothing. */
  refundDeclines: boolean
}

export const defaultPolicy: SeatPolicy = { expiry: '90d', refundDeclines: true }

export interface SeatSettings {
  seatId: number
  planId: string
  startedOn: Day
  terms: SeatTerms
  policy: SeatPolicy
  /** IANA time zone that turns instants into calendar days, e.g. "Europe/Berlin". */
  timeZone: string
}

export type ResponseKind = 'reply' | 'accept' | 'decline'
export type Sentiment = 'positive' | 'neutral' | 'negative'

interface EventBase {
  /** Storage id; storage order is id order. */
  id: number
  /** When it happened (for day-only events: that day's local midnight, as an instant). */
  at: Instant
}

/** The user's facts, as stored (append-only). */
export type LedgerEvent =
  | (EventBase & { kind: 'seat-opened'; openingBalance: number })
  | (EventBase & { kind: 'inmail-sent'; openProfile: boolean; contact: string })
  | (EventBase & {
      kind: 'response'
      inmailId: number
      response: ResponseKind
      sentiment: Sentiment
    })
  | (EventBase & { kind: 'meeting'; inmailId: number })
  | (EventBase & { kind: 'purchase'; credits: number; priceCents: number })
  | (EventBase & { kind: 'reconciliation'; shown: number; note: string })
  | (EventBase & { kind: 'adjustment'; delta: number; note: string; reconciliationId?: number })
  | (EventBase & { kind: 'plan-change'; planId: string; terms: SeatTerms })
  | (EventBase & { kind: 'cancellation' })

export type BatchSource = 'opening' | 'grant' | 'purchase' | 'refund' | 'adjustment'

export interface Batch {
  credits: number
  source: BatchSource
  dated: Day
  /** First day the batch is gone; null when it never expires by date. */
  expires: Day | null
}

export type EntryKind =
  'opening' | 'grant' | 'purchase' | 'spend' | 'refund' | 'expiry' | 'forfeit' | 'adjustment'

/** One line of the journal: every change to the balance, with the event behind it if any. */
export interface Entry {
  day: Day
  kind: EntryKind
  /** Signed change in available credits. */
  credits: number
  /** The stored event behind it (spend, purchase…); derived grants and expiries have none. */
  eventId: number | null
  note: string
}

export interface PendingRefund {
  inmailId: number
  contact: string
  sentOn: Day
  /** Last day a response still refunds the credit (sentOn + 90). */
  windowClosesOn: Day
}

export type WarningCode =
  | 'LOW_BALANCE'
  | 'EXPIRING_UNUSED'
  | 'REFUND_WINDOWS_CLOSING'
  | 'RESPONSE_RATE_AT_RISK'
  | 'DAILY_LIMIT'
  | 'OVERDRAWN'
  | 'SEAT_CANCELLED'
  | 'SECOND_INMAIL'

export interface Warning {
  code: WarningCode
  message: string
}

export interface SeatState {
  asOf: Day
  available: number
  batches: Batch[]
  pendingRefunds: PendingRefund[]
  nextRenewal: { date: Day; credits: number } | null
  warnings: Warning[]
  /** Every entry up to and including asOf, in the order applied. */
  entries: Entry[]
  /** Credit InMails that found no credit to spend (e.g. imported history): their event ids. */
  overdrawn: number[]
}

export interface Statement {
  from: Day
  to: Day
  opening: number
  granted: number
  purchased: number
  spent: number
  refunded: number
  expired: number
  forfeited: number
  adjusted: number
  closing: number
  entries: Entry[]
}

export interface ForecastPlan {
  /** InMails (credit-spending) per week; default the recent pace. */
  perWeek?: number
  /** Expected share of InMails answered (0–1); default the seat's measured rate. */
  responseRate?: number
  weeks?: number
}

export interface Forecast {
  from: Day
  perWeek: number
  responseRate: number
  /** Wilson 95% interval of the measured response rate, when it was measured. */
  responseRateInterval: { low: number; high: number } | null
  runsOutOn: Day | null
  expiresUnused: number
  expectedRefunds: number
  days: { date: Day; available: number }[]
}

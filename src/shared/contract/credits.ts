// Credits: balances, statements and forecasts per seat, and the facts that move them.
import * as z from 'zod'
import type {
  Batch,
  Forecast,
  PendingRefund,
  SeatPolicy,
  Statement,
  Warning,
} from '../domain/credits'
import { catalogPlanIds } from '../domain/plans'
import { normalizeProfileUrl } from '../domain/profiles'
import { channel } from './channel'
import { calendarDay, cents, credits as creditCount, seatId } from './schemas'

export interface Balance {
  seatId: number
  asOf: string
  available: number
  batches: Batch[]
  pendingRefunds: PendingRefund[]
  nextRenewal: { date: string; credits: number } | null
  warnings: Warning[]
  policy: SeatPolicy
  timeZone: string
}

export interface TimelinePoint {
  date: string
  available: number
}

export interface Sent {
  eventId: number
  contact: { id: number; profileUrl: string | null; name: string | null }
  creditSpent: boolean
  /** Things the user should know (a second InMail before a response costs another credit). */
  warnings: Warning[]
}

export interface Responded {
  eventId: number
  inmailId: number
  sentAt: string
  seatId: number
  refunded: boolean
}

/** What outreach cost over a period, and what each result cost (null when there was none). */
export interface CostSummary {
  from: string
  to: string
  /** The plan's monthly price spread over the days of the period. */
  subscriptionCents: number
  purchasedCents: number
  totalCents: number
  /** InMails sent in the period (local days) that spent a credit, follow-ups included. */
  creditInmails: number
  /** Results of the conversations those InMails opened (as Analytics' cost counts them). */
  responses: number
  positive: number
  meetings: number
  hires: number
  perInmailCents: number | null
  perResponseCents: number | null
  perPositiveCents: number | null
  perMeetingCents: number | null
  perHireCents: number | null
}

export interface Reconciled {
  reconciliationId: number
  computed: number
  shown: number
  /** The adjustment posted (shown − computed); 0 when they agreed and nothing was posted. */
  adjustment: number
}

const instant = z
  .string({ error: 'Give a date and time like 2026-03-01T09:30:00Z.' })
  .refine(
    (text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text)),
    {
      error: 'Use a date and time like 2026-03-01T09:30:00Z (ISO 8601).',
    },
  )
  .transform((text) => new Date(text).toISOString())

export const profileUrl = z
  .string({ error: 'Give the person’s LinkedIn profile URL.' })
  .refine((text) => normalizeProfileUrl(text) !== null, {
    error: 'Use a LinkedIn profile URL like https://www.linkedin.com/in/jane-doe.',
  })
  .transform((text) => normalizeProfileUrl(text)!)

const personName = z.string().trim().min(1).max(200)

/** Who an InMail went to: a profile URL, a name, or both. */
export const recipient = z
  .object({ profileUrl: profileUrl.optional(), name: personName.optional() })
  .refine((r) => r.profileUrl !== undefined || r.name !== undefined, {
    error: 'Say who it went to: a LinkedIn profile URL or a name.',
  })

const label = z.string().trim().min(1).max(120).optional()

const positiveCredits = creditCount.refine((n) => n > 0, { error: 'Give at least 1 credit.' })

const customTerms = z.object({
  monthlyCredits: creditCount,
  cap: creditCount,
  priceCents: cents,
  renewal: z.enum(['start-day', 'first-of-month']).default('start-day'),
})

export const credits = {
  balance: channel<Balance>()(z.object({ seatId, at: instant.optional() })),
  statement: channel<Statement>()(
    z
      .object({ seatId, from: calendarDay, to: calendarDay })
      .refine((p) => p.from <= p.to, { error: 'The period must start on or before its end.' }),
  ),
  forecast: channel<Forecast>()(
    z.object({
      seatId,
      at: calendarDay.optional(),
      perWeek: z.number().min(0).max(7000, { error: 'At most 7,000 InMails a week.' }).optional(),
      responseRate: z
        .number()
        .min(0, { error: 'A response rate is between 0 and 1.' })
        .max(1, { error: 'A response rate is between 0 and 1.' })
        .optional(),
      weeks: z
        .number()
        .int()
        .min(1)
        .max(52, { error: 'Forecast at most 52 weeks ahead.' })
        .optional(),
    }),
  ),
  cost: channel<CostSummary>()(
    z
      .object({ seatId, from: calendarDay, to: calendarDay })
      .refine((p) => p.from <= p.to, { error: 'The period must start on or before its end.' })
      .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3700 * 86_400_000, {
        error: 'Choose a period of at most ten years.',
      }),
  ),
  timeline: channel<TimelinePoint[]>()(
    z
      .object({ seatId, from: calendarDay, to: calendarDay })
      .refine((p) => p.from <= p.to, { error: 'The period must start on or before its end.' }),
  ),
  send: channel<Sent>()(
    z.object({
      seatId,
      to: recipient,
      at: instant,
      openProfile: z.boolean().default(false),
      template: label,
      role: label,
    }),
  ),
  respond: channel<Responded>()(
    z.object({
      to: recipient,
      at: instant,
      kind: z
        .enum(['reply', 'accept', 'decline'], {
          error: 'A response is a reply, accept or decline.',
        })
        .default('reply'),
      sentiment: z
        .enum(['positive', 'neutral', 'negative'], {
          error: 'Sentiment is positive, neutral or negative.',
        })
        .default('neutral'),
    }),
  ),
  meeting: channel<{ eventId: number; inmailId: number }>()(
    z.object({ to: recipient, at: instant }),
  ),
  purchase: channel<{ eventId: number }>()(
    z.object({ seatId, credits: positiveCredits, at: calendarDay, priceCents: cents.default(0) }),
  ),
  reconcile: channel<Reconciled>()(
    z.object({
      seatId,
      at: calendarDay,
      shown: creditCount,
      note: z.string().trim().max(500).optional(),
    }),
  ),
  cancel: channel<{ eventId: number; forfeited: number }>()(z.object({ seatId, at: calendarDay })),
  changePlan: channel<{ eventId: number; forfeited: number }>()(
    z
      .object({
        seatId,
        at: calendarDay,
        planId: z.enum([...catalogPlanIds, 'custom'], {
          error: 'Choose a plan from the list, or custom.',
        }),
        custom: customTerms.optional(),
      })
      .refine((p) => p.planId !== 'custom' || p.custom !== undefined, {
        error: 'A custom plan needs its monthly credits, cap and price.',
      }),
  ),
  setPolicy: channel<SeatPolicy>()(
    z.object({
      seatId,
      expiry: z
        .enum(['90d', 'never', 'no-rollover', 'inactive-90d'], {
          error: 'Expiry is one of 90d, never, no-rollover, inactive-90d.',
        })
        .optional(),
      refundDeclines: z.boolean().optional(),
    }),
  ),
}

// Analytics: the funnel (delivered → replies → positive → meetings → hires) for a cohort of
// outreach chosen by send date, broken down, compared, and trended; every rate with its interval.
import * as z from 'zod'
import { channel } from './channel'
import { outreachChannels } from './outreach'
import { calendarDay, seatId } from './schemas'

export const groupBys = [
  'template',
  'templateVersion',
  'role',
  'roleFamily',
  'channel',
  'seat',
  'month',
  'week',
  'weekday',
  'length',
  'words',
  'followups',
] as const
export type GroupBy = (typeof groupBys)[number]

/** A rate over `n` delivered messages with its Wilson 95% interval; all null when n is 0. */
export interface Rate {
  value: number | null
  low: number | null
  high: number | null
  n: number
}

/**
 * What outreach cost (src/shared/domain/cost.ts): each seat's plan price for the days of the
 * period plus its purchases, over the InMails that spent a credit sent in the period (local days,
 * follow-ups included) and the results of the conversations they opened. A slice carries each
 * seat's spend in proportion to its share of the seat's paid InMails.
 */
export interface FunnelCost {
  subscriptionCents: number
  purchasedCents: number
  totalCents: number
  /** InMails that spent a credit (not Open Profile), sent in the period, follow-ups included. */
  paidInmails: number
  /** Results of the conversations a paid InMail opened in the period. */
  replies: number
  positive: number
  meetings: number
  hires: number
  /** Cents per result, null with none to divide by. */
  perInmailCents: number | null
  perReplyCents: number | null
  perPositiveCents: number | null
  perMeetingCents: number | null
  perHireCents: number | null
  /** No paid InMail and nothing spent: connection notes, messages, email, Open Profile. */
  free: boolean
}

export interface Funnel {
  delivered: number
  replies: number
  positive: number
  meetings: number
  hires: number
  replyRate: Rate
  positiveRate: Rate
  meetingRate: Rate
  /** Hours from send to the first response, over the messages that got one. */
  timeToFirstReply: {
    medianHours: number | null
    p25Hours: number | null
    p75Hours: number | null
    /** Fixed buckets: <1h, 1–6h, 6–24h, 1–3d, 3–7d, 1–2w, 2–4w, 4w+. */
    histogram: { bucket: string; count: number }[]
  }
  /** What it cost, by the one definition (FunnelCost; src/shared/domain/cost.ts says it in words). */
  cost: FunnelCost
  /** Fewer than 30 delivered: rates are shown with a warning, never as bare percentages. */
  smallSample: boolean
}

export interface FunnelGroup extends Funnel {
  key: string
  label: string
}

export interface Metrics extends Funnel {
  from: string
  to: string
  groups: FunnelGroup[]
}

export interface TrendPoint {
  /** Monday of the week, YYYY-MM-DD. */
  week: string
  delivered: number
  replyRate: Rate
  positiveRate: Rate
  meetingRate: Rate
}

/** Where a Recruiter seat stands on LinkedIn's 13%-on-100-InMails-in-14-days rule. */
export interface RecruiterRuleStatus {
  seatId: number
  seat: string
  /** Paid InMails sent in the last 14 days. */
  sent: number
  /** Of them, answered within 30 days. */
  answered: number
  status: 'fine' | 'low-under-volume' | 'at-risk'
  /** "Last 14 days: 96 InMails, 15% answered: fine (LinkedIn's rule applies at 100+)." */
  sentence: string
}

export interface Comparison {
  a: { label: string; delivered: number; replies: number; replyRate: Rate }
  b: { label: string; delivered: number; replies: number; replyRate: Rate }
  /** Probability that B's true reply rate is higher than A's (Beta(1,1) priors). */
  probabilityBBeatsA: number | null
  /** Roughly how many more sends of each would make the difference clear (null when it is). */
  moreSendsEach: number | null
  /** A sentence: "B very likely beats A", "Not yet meaningful: …". */
  verdict: string
}

const filters = {
  seatId: seatId.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  role: z.string().trim().min(1).max(120).optional(),
  /** Every role whose client is this (Settings › Roles), for a client's report. */
  client: z.string().trim().min(1).max(120).optional(),
  template: z.string().trim().min(1).max(120).optional(),
  channel: z.enum(outreachChannels).optional(),
}

const ordered = (p: { from?: string | undefined; to?: string | undefined }) =>
  p.from === undefined || p.to === undefined || p.from <= p.to

export const analytics = {
  recruiterRule: channel<RecruiterRuleStatus[]>()(z.object({}).strict().default({})),
  metrics: channel<Metrics>()(
    z
      .object({
        ...filters,
        by: z.enum(groupBys, { error: `Group by one of ${groupBys.join(', ')}.` }).optional(),
      })
      .refine(ordered, { error: 'The period must start on or before its end.' }),
  ),
  trend: channel<TrendPoint[]>()(
    z
      .object({ ...filters, weeks: z.number().int().min(1).max(156).default(12) })
      .refine(ordered, { error: 'The period must start on or before its end.' }),
  ),
  compare: channel<Comparison>()(
    z
      .object({
        ...filters,
        a: z.string().trim().min(1, { error: 'Choose the first template.' }),
        b: z.string().trim().min(1, { error: 'Choose the second template.' }),
      })
      .refine((c) => c.a.toLowerCase() !== c.b.toLowerCase(), {
        error: 'Choose two different templates.',
      })
      .refine(ordered, { error: 'The period must start on or before its end.' }),
  ),
}

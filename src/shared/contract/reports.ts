// Reports: a period's credits and outreach in one typed model, for the user, a client (one role)
// or an accountant; the screen previews it, and it is exported as PDF, CSV or JSON.
import * as z from 'zod'
import type { Entry, Statement, Warning } from '../domain/credits'
import type { Comparison, Funnel, FunnelGroup } from './analytics'
import { channel } from './channel'
import { calendarDay, seatId } from './schemas'
import type { SequenceRun } from './sequences'

export const reportFormats = ['pdf', 'csv', 'json'] as const
export type ReportFormat = (typeof reportFormats)[number]

export const paperSizes = ['a4', 'letter'] as const
export type PaperSize = (typeof paperSizes)[number]

/** Who the report is about: every seat, one seat, one role (a client's job), or a client's roles. */
export type ReportScope =
  | { kind: 'all'; label: string }
  | { kind: 'seat'; seatId: number; label: string }
  | { kind: 'role'; role: string; client: string | null; label: string }
  | { kind: 'client'; client: string; roles: string[]; label: string }

/** True for a scope that is part of some seats' outreach (a role or a client), not whole seats. */
export function isPartOfSeats(
  scope: ReportScope,
): scope is Extract<ReportScope, { kind: 'role' | 'client' }> {
  return scope.kind === 'role' || scope.kind === 'client'
}

export interface ReportPeriod {
  from: string
  to: string
  /** "November 2026", or "3 Nov 2026 – 19 Nov 2026" for any other range. */
  label: string
  /** True for one whole calendar month. */
  wholeMonth: boolean
  /** True when the period was cut at today (the rest had not happened when it was made). */
  toDate?: boolean
}

/** A seat's credit statement for the period: the engine's own figures, entry for entry. */
export interface SeatStatement extends Omit<Statement, 'from' | 'to'> {
  seatId: number
  seat: string
  plan: string
  /**
   * Every entry of the period, for a seat or all seats. Empty for a role or client: the seat's
   * entries name other clients' candidates (what the scope used is in `ScopeCredits`).
   */
  entries: Entry[]
  /** The seat's warnings at the end of the period (or now, for a period not over yet). */
  warnings: Warning[]
  warningsAsOf: string
}

/**
 * A role's or client's own use of a seat's credits: the credits its InMails spent in the period
 * and those that came back for them, entry by entry (only the scope's own candidates are named).
 */
export interface ScopeCredits {
  seatId: number
  seat: string
  spent: number
  refunded: number
  entries: Entry[]
}

/**
 * What the outreach cost, by the one definition Analytics and the `cost` command use too
 * (main/analytics/cost.ts; in words in shared/domain/cost.ts): Analytics' cost of the period and
 * scope under the report's names. Free channels carry none of it.
 */
export interface ReportCost {
  subscriptionCents: number
  purchasedCents: number
  totalCents: number
  /** InMails that spent a credit, sent in the period by local day, follow-ups included. */
  creditInmails: number
  replies: number
  positive: number
  meetings: number
  hires: number
  perInmailCents: number | null
  perReplyCents: number | null
  perPositiveCents: number | null
  perMeetingCents: number | null
  perHireCents: number | null
}

/** A figure this period against the one before: null where either side has nothing to say. */
export interface Change {
  current: number | null
  previous: number | null
  /** current − previous (rates in fractions, so 0.03 is three points). */
  delta: number | null
}

/** Analytics' funnel without its cost: the report carries the cost once, as `ReportCost`. */
export type ReportFunnel = Omit<Funnel, 'cost'>
export type ReportGroup = Omit<FunnelGroup, 'cost'>

export interface TemplateVerdict {
  /** Templates with at least 10 delivered in the period, best reply rate first. */
  ranked: ReportGroup[]
  best: ReportGroup | null
  worst: ReportGroup | null
  /** Best against worst, as Analytics compares them (null with fewer than two to compare). */
  comparison: Comparison | null
  /** One sentence: what the sample does or does not say. */
  summary: string
}

export interface Report {
  title: string
  period: ReportPeriod
  previousPeriod: ReportPeriod
  scope: ReportScope
  timeZone: string
  generatedAt: string
  statements: SeatStatement[]
  /** For a role or client: what its own InMails spent and got back, per seat (else null). */
  scopeCredits: ScopeCredits[] | null
  /** The funnel of the outreach sent in the period (Analytics' metrics for the same filters). */
  funnel: ReportFunnel
  previousFunnel: ReportFunnel
  cost: ReportCost
  previousCost: ReportCost
  change: {
    delivered: Change
    replies: Change
    meetings: Change
    replyRate: Change
    positiveRate: Change
    meetingRate: Change
    medianHoursToFirstReply: Change
    costPerReplyCents: Change
    costPerMeetingCents: Change
  }
  byTemplate: ReportGroup[]
  byRole: ReportGroup[]
  byChannel: ReportGroup[]
  bySeat: ReportGroup[]
  templates: TemplateVerdict
  /** Follow-up sequences run in the period, in the scope (a role's: enrolments whose sends were for it). */
  sequences: SequenceRun[]
  /** The day the warnings are as of: the period's last day, or today for a period not over. */
  warningsAsOf: string
  /** The warnings live at the end of the period, every seat's in one list. */
  warnings: { seat: string; code: Warning['code']; message: string }[]
}

/** One export, as the Reports screen lists it. */
export interface ReportExport {
  at: string
  format: ReportFormat
  /** The file (PDF, JSON) or the folder (CSV) written. */
  path: string
  /** The files written (one per table for CSV). */
  files: string[]
  from: string
  to: string
  scope: string
}

const periodFields = {
  from: calendarDay,
  to: calendarDay,
  seatId: seatId.optional(),
  role: z
    .string({ error: 'Give the role by its name.' })
    .trim()
    .min(1, { error: 'Give the role by its name.' })
    .max(120)
    .optional(),
  client: z
    .string({ error: 'Give the client by its name.' })
    .trim()
    .min(1, { error: 'Give the client by its name.' })
    .max(120)
    .optional(),
}

interface PeriodInput {
  from: string
  to: string
  seatId?: number | undefined
  role?: string | undefined
  client?: string | undefined
}
const ordered = (p: PeriodInput) => p.from <= p.to
const notTooLong = (p: PeriodInput) => Date.parse(p.to) - Date.parse(p.from) <= 3700 * 86_400_000
const oneScope = (p: PeriodInput) =>
  [p.seatId, p.role, p.client].filter((x) => x !== undefined).length <= 1
const messages = {
  ordered: { error: 'The period must start on or before its end.' },
  notTooLong: { error: 'Choose a period of at most ten years.' },
  oneScope: { error: 'Choose one scope: a seat, a role or a client, not more.' },
}

export const reports = {
  build: channel<Report>()(
    z
      .object(periodFields)
      .refine(ordered, messages.ordered)
      .refine(notTooLong, messages.notTooLong)
      .refine(oneScope, messages.oneScope),
  ),
  export: channel<ReportExport>()(
    z
      .object({
        ...periodFields,
        format: z.enum(reportFormats, { error: 'Export as pdf, csv or json.' }),
        paper: z.enum(paperSizes, { error: 'Paper is a4 or letter.' }).default('a4'),
        /** Where to write; default: the reports folder beside the ledger file. */
        out: z
          .string({ error: 'Give the file or folder to write to.' })
          .trim()
          .min(1, { error: 'Give the file or folder to write to.' })
          .max(1000)
          .optional(),
      })
      .refine(ordered, messages.ordered)
      .refine(notTooLong, messages.notTooLong)
      .refine(oneScope, messages.oneScope),
  ),
  recent: channel<ReportExport[]>()(z.object({}).strict().default({})),
}

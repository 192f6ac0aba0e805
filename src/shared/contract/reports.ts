// Reports: a period's credits and outreach in one typed model, for the user, a client (one role)
// or an accountant; the screen previews it, and it is exported as PDF, CSV or JSON.
import * as z from 'zod'
import type { Entry, Warning } from '../domain/credits'
import type { Comparison, Funnel, FunnelGroup } from './analytics'
import { channel } from './channel'
import { calendarDay, seatId } from './schemas'
import type { SequenceRun } from './sequences'

export const reportFormats = ['pdf', 'csv', 'json'] as const
export type ReportFormat = (typeof reportFormats)[number]

export const paperSizes = ['a4', 'letter'] as const
export type PaperSize = (typeof paperSizes)[number]

/** Who the report is about: every seat, one seat, or one role (a client's job). */
export type ReportScope =
  | { kind: 'all'; label: string }
  | { kind: 'seat'; seatId: number; label: string }
  | { kind: 'role'; role: string; client: string | null; label: string }

export interface ReportPeriod {
  from: string
  to: string
  /** "November 2026", or "3 Nov 2026 – 19 Nov 2026" for any other range. */
  label: string
  /** True for one whole calendar month. */
  wholeMonth: boolean
}

/** A seat's credit statement for the period: the engine's own figures, entry for entry. */
export interface SeatStatement {
  seatId: number
  seat: string
  plan: string
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
  /** The seat's warnings at the end of the period (or now, for a period not over yet). */
  warnings: Warning[]
  warningsAsOf: string
}

/** A figure this period against the one before: null where either side has nothing to say. */
export interface Change {
  current: number | null
  previous: number | null
  /** current − previous (rates in fractions, so 0.03 is three points). */
  delta: number | null
}

export interface TemplateVerdict {
  /** Templates with at least 30 delivered in the period, best reply rate first. */
  ranked: FunnelGroup[]
  best: FunnelGroup | null
  worst: FunnelGroup | null
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
  /** The funnel of the outreach sent in the period (Analytics' metrics for the same filters). */
  funnel: Funnel
  previousFunnel: Funnel
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
  byTemplate: FunnelGroup[]
  byRole: FunnelGroup[]
  byChannel: FunnelGroup[]
  bySeat: FunnelGroup[]
  templates: TemplateVerdict
  /** Follow-up sequences run in the period (every seat's: sequences are not split by scope). */
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
}

interface PeriodInput {
  from: string
  to: string
  seatId?: number | undefined
  role?: string | undefined
}
const ordered = (p: PeriodInput) => p.from <= p.to
const notTooLong = (p: PeriodInput) => Date.parse(p.to) - Date.parse(p.from) <= 3700 * 86_400_000
const oneScope = (p: PeriodInput) => p.seatId === undefined || p.role === undefined
const messages = {
  ordered: { error: 'The period must start on or before its end.' },
  notTooLong: { error: 'Choose a period of at most ten years.' },
  oneScope: { error: 'Choose one scope: a seat or a role, not both.' },
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

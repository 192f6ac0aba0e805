// Follow-up sequences, enrolments and the daily agenda.
import * as z from 'zod'
import type { Weekday } from '../domain/schedule'
import { channel } from './channel'
import { recipient } from './credits'
import { calendarDay, seatId } from './schemas'

export const stepChannels = [
  'inmail',
  'connection-request',
  'message',
  'email',
  'whatsapp',
  'call',
  'task',
] as const
export type StepChannel = (typeof stepChannels)[number]

export const stepChannelNames: Record<StepChannel, string> = {
  inmail: 'InMail',
  'connection-request': 'Connection request',
  message: 'Message to a connection',
  email: 'Email',
  whatsapp: 'WhatsApp',
  call: 'Call',
  task: 'Task',
}

export const stepConditions = ['always', 'not-connected', 'connected'] as const
export type StepCondition = (typeof stepConditions)[number]

export const stopConditions = ['any-response', 'meeting'] as const
export type StopCondition = (typeof stopConditions)[number]

export interface SequenceStep {
  position: number
  dayOffset: number
  channel: StepChannel
  templateId: number | null
  template: string | null
  note: string | null
  condition: StepCondition
  exit: boolean
}

export interface Sequence {
  id: number
  name: string
  builtin: boolean
  businessDays: boolean
  preferredWeekdays: Weekday[]
  stopOn: StopCondition
  archived: boolean
  steps: SequenceStep[]
  /** Enrolments still running. */
  active: number
}

export type StepState =
  | 'done'
  | 'skipped'
  /** Waiting for its day (or already due). */
  | 'pending'
  /** Its condition did not hold (an accepted connection request skips the InMail). */
  | 'not-needed'
  /** The enrolment stopped or ended before it. */
  | 'cancelled'

export interface EnrolmentStep {
  id: number
  position: number
  channel: StepChannel
  dueOn: string
  plannedOn: string
  state: StepState
  doneAt: string | null
  eventId: number | null
  note: string | null
  template: string | null
  condition: StepCondition
  exit: boolean
}

export type EnrolmentStatus = 'active' | 'completed' | 'stopped' | 'cancelled'

export interface Enrolment {
  id: number
  sequenceId: number
  sequence: string
  contactId: number
  contact: string
  profileUrl: string | null
  seatId: number
  seat: string
  startOn: string
  status: EnrolmentStatus
  /** For a stopped enrolment: the response (or meeting) that stopped it. */
  stoppedBy: { eventId: number; at: string; kind: string } | null
  connected: boolean
  steps: EnrolmentStep[]
}

export interface AgendaItem {
  /** The enrolment step's id: `done --step ID`. */
  step: number
  enrolmentId: number
  sequenceId: number
  sequence: string
  position: number
  stepCount: number
  contactId: number
  contact: string
  profileUrl: string | null
  seatId: number
  seat: string
  channel: StepChannel
  /** The day it is due; for a step that waits for the one before it, the day it is expected. */
  dueOn: string
  plannedOn: string
  /** Null when it can be done now; else the position of the step it waits for. */
  waitsFor: number | null
  note: string | null
  exit: boolean
  template: string | null
  /** The template filled in for this person, ready to copy. */
  subject: string | null
  body: string | null
  /** Merge fields with no value for this person (left as typed). */
  missing: string[]
}

export interface Agenda {
  today: string
  due: AgendaItem[]
  overdue: AgendaItem[]
  /** After today, within the next `days` days. */
  upcoming: AgendaItem[]
}

export interface CreditsAhead {
  seatId: number
  seat: string
  /** Credits the new enrolments would spend, counting conditional InMails. */
  needed: number
  /** Of those, InMails only sent if a connection request is not accepted. */
  conditional: number
  /** Credits already planned by the seat's running enrolments. */
  alreadyPlanned: number
  /** The day of the last planned InMail, null when nothing needs a credit. */
  byDay: string | null
  /** The seat's forecast balance on that day (renewals and expiries, no other sends). */
  available: number | null
  /** The first day the planned InMails would find no credit; null when they fit. */
  shortOn: string | null
  days: { date: string; newCredits: number; plannedCredits: number; available: number }[]
  /** People who will be enrolled (the left-out ones not counted). */
  people: number
  /** People not enrolled, and why; `overridable` ones come in with `includeAnswered`. */
  leftOut: LeftOut[]
  /** Said before a credit is spent: a step that would be a second InMail, an old answer. */
  warnings: { contactId: number; message: string }[]
  /** Profile URLs not in the ledger yet: enrolling adds them as contacts. */
  newContacts: string[]
  /** The credits sentence, then who is left out. */
  message: string
}

/** Why someone is not enrolled by default. */
export type LeftOutReason =
  /** Any response in the ledger (a reply, a decline, a meeting). */
  | 'answered'
  /** An InMail still in its refund window with no response: another one spends another credit. */
  | 'inmail-awaiting'
  /** Running in another sequence. */
  | 'in-sequence'
  /** Already in this sequence: never enrolled twice. */
  | 'already-enrolled'

export interface LeftOut {
  contactId: number
  contact: string
  why: LeftOutReason
  /** "answered on 21 Nov 2026" */
  reason: string
  overridable: boolean
}

export interface Enrolled {
  enrolmentIds: number[]
  /** The people left out (the same list the preview showed). */
  skipped: LeftOut[]
  warnings: { contactId: number; message: string }[]
  /** Contacts this enrolment added, from profile URLs the ledger did not know. */
  added: { contactId: number; contact: string }[]
  credits: CreditsAhead
}

/** A snoozed step's enrolment, with what to know about the new day. */
export interface Snoozed extends Enrolment {
  /** NOT_A_SEND_DAY: the day chosen is not one of the sequence's sending days. */
  warnings: { code: string; message: string }[]
}

export interface DoneResult {
  step: EnrolmentStep
  enrolment: Enrolment
  /** The send logged in the ledger (null for calls and tasks). */
  eventId: number | null
  creditSpent: boolean
  warnings: { code: string; message: string }[]
}

/** What the monthly report shows per sequence ("sequences run and their completion"). */
export interface SequenceRun {
  sequenceId: number
  sequence: string
  /** Enrolments that started in the period. */
  enrolled: number
  /** Still running at the end of the period. */
  active: number
  /** Ended in the period by their exit step (or their last step). */
  completed: number
  /** Stopped in the period by a response (or a meeting). */
  stoppedByResponse: number
  stepsDone: number
  stepsSkipped: number
}

/** Desktop reminders: with start-at-login the app starts hidden at login to remind you. */
export interface ReminderSettings {
  startAtLogin: boolean
}

export interface SequenceReport {
  from: string
  to: string
  sequences: SequenceRun[]
}

const id = (what: string) =>
  z
    .number({ error: `Say which ${what}: give its id.` })
    .int({ error: `A ${what} id is a whole number.` })
    .positive({ error: `A ${what} id is a positive number.` })

export const weekdays = z
  .array(
    z
      .number()
      .int()
      .min(1, { error: 'Weekdays are 1 (Monday) to 7 (Sunday).' })
      .max(7, { error: 'Weekdays are 1 (Monday) to 7 (Sunday).' }),
  )
  .max(7)
  .transform((days) => [...new Set(days)].sort() as Weekday[])

export const stepInput = z.object({
  dayOffset: z
    .number({ error: 'Give each step a day: 0 for the start day.' })
    .int({ error: 'Days are whole numbers.' })
    .min(0, { error: 'A step cannot come before the start day (day 0).' })
    .max(365, { error: 'Keep every step within a year of the start.' }),
  channel: z.enum(stepChannels, {
    error: 'A step is an InMail, connection request, message, email, WhatsApp, call or task.',
  }),
  templateId: id('template').nullable().optional(),
  note: z
    .string()
    .trim()
    .max(500, { error: 'Keep a step note under 500 characters.' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  condition: z
    .enum(stepConditions, { error: 'A condition is always, not-connected or connected.' })
    .default('always'),
  exit: z.boolean().default(false),
})

const sequenceFields = z.object({
  sequenceId: id('sequence').optional(),
  name: z
    .string({ error: 'Give the sequence a name.' })
    .trim()
    .min(1, { error: 'Give the sequence a name.' })
    .max(80, { error: 'Keep the name under 80 characters.' }),
  businessDays: z.boolean().default(false),
  preferredWeekdays: weekdays.default([2, 3, 4]),
  stopOn: z
    .enum(stopConditions, { error: 'Stop on any-response or meeting.' })
    .default('any-response'),
  steps: z
    .array(stepInput)
    .min(1, { error: 'A sequence needs at least one step.' })
    .max(20, { error: 'A sequence has at most 20 steps.' }),
})

export const sequenceInput = sequenceFields
  .superRefine((s, ctx) => {
    // Named by step number, as the editor numbers its rows.
    const early = s.steps.findIndex(
      (step, i) => i > 0 && step.dayOffset < s.steps[i - 1]!.dayOffset,
    )
    if (early > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['steps', early, 'dayOffset'],
        message: `Step ${early + 1} (day ${s.steps[early]!.dayOffset}) comes before step ${early} (day ${s.steps[early - 1]!.dayOffset}). Put the steps in order of their day.`,
      })
    const exit = s.steps.findIndex((step) => step.exit)
    if (exit >= 0 && exit < s.steps.length - 1)
      ctx.addIssue({
        code: 'custom',
        path: ['steps', exit + 1],
        message: `Step ${exit + 1} ends the sequence, so step ${exit + 2} would never be sent. Remove the steps after it, or untick "Exit" on step ${exit + 1}.`,
      })
  })
  .refine(
    (s) =>
      !s.businessDays ||
      s.preferredWeekdays.length === 0 ||
      s.preferredWeekdays.some((d) => d <= 5),
    {
      error: 'With working days only, prefer at least one weekday from Monday to Friday.',
    },
  )

const period = z
  .object({ from: calendarDay, to: calendarDay })
  .refine((p) => p.from <= p.to, { error: 'The period must start on or before its end.' })

const enrolTargets = {
  sequenceId: id('sequence'),
  seatId: seatId.optional(),
  contactIds: z
    .array(id('contact'))
    .max(1000, { error: 'Enrol at most 1,000 people at once.' })
    .default([]),
  to: z.array(recipient).max(1000, { error: 'Enrol at most 1,000 people at once.' }).default([]),
  /** Everyone an import wrote outreach to who has not answered. */
  importId: id('import').optional(),
  startOn: calendarDay,
  /** Also enrol people who answered, have an InMail awaiting a response, or run in another sequence. */
  includeAnswered: z.boolean().default(false),
}
const someone = (e: { contactIds: number[]; to: unknown[]; importId?: number | undefined }) =>
  e.contactIds.length + e.to.length > 0 || e.importId !== undefined

const instant = z.iso.datetime({
  error: 'Use a date and time like 2026-03-01T09:30:00Z.',
  offset: true,
})

export const sequences = {
  list: channel<Sequence[]>()(
    z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
  ),
  get: channel<Sequence>()(z.object({ sequenceId: id('sequence') })),
  /** Creates a sequence, or with sequenceId replaces one of the user's own. */
  save: channel<Sequence>()(sequenceInput),
  copy: channel<Sequence>()(
    z.object({ sequenceId: id('sequence'), name: sequenceFields.shape.name.optional() }),
  ),
  archive: channel<Sequence>()(z.object({ sequenceId: id('sequence') })),
  creditsAhead: channel<CreditsAhead>()(
    z.object(enrolTargets).refine(someone, { error: 'Choose at least one person to enrol.' }),
  ),
  enrol: channel<Enrolled>()(
    z.object(enrolTargets).refine(someone, { error: 'Choose at least one person to enrol.' }),
  ),
  enrolments: channel<Enrolment[]>()(
    z.object({
      sequenceId: id('sequence').optional(),
      contactId: id('contact').optional(),
      status: z.enum(['active', 'completed', 'stopped', 'cancelled']).optional(),
    }),
  ),
  agenda: channel<Agenda>()(
    z
      .object({
        at: calendarDay.optional(),
        days: z
          .number()
          .int({ error: 'Days are whole numbers.' })
          .min(0, { error: 'Look 0 days ahead (today only) or more.' })
          .max(90, { error: 'Look at most 90 days ahead.' })
          .default(14),
      })
      .default({ days: 14 }),
  ),
  done: channel<DoneResult>()(z.object({ stepId: id('step'), at: instant.optional() })),
  skip: channel<Enrolment>()(z.object({ stepId: id('step') })),
  snooze: channel<Snoozed>()(
    z
      .object({
        stepId: id('step'),
        to: calendarDay.optional(),
        days: z
          .number()
          .int({ error: 'Snooze by a whole number of days.' })
          .min(1, { error: 'Snooze by at least 1 day.' })
          .max(365, { error: 'Snooze by at most 365 days.' })
          .optional(),
      })
      .refine((s) => (s.to === undefined) !== (s.days === undefined), {
        error: 'Snooze to a date or by a number of days (one of the two).',
      }),
  ),
  resume: channel<Enrolment>()(z.object({ enrolmentId: id('enrolment') })),
  stop: channel<Enrolment>()(z.object({ enrolmentId: id('enrolment') })),
  /** The upcoming steps as an iCalendar file's text (`cancelled`: ended steps, as cancelled events). */
  exportIcs: channel<{ ics: string; events: number; cancelled: number }>()(
    z
      .object({
        at: calendarDay.optional(),
        days: z
          .number()
          .int({ error: 'Days are whole numbers.' })
          .min(1, { error: 'Export at least 1 day ahead.' })
          .max(365, { error: 'Export at most 365 days ahead.' })
          .default(60),
      })
      .default({ days: 60 }),
  ),
  reminders: channel<ReminderSettings>()(z.object({}).strict().default({})),
  setReminders: channel<ReminderSettings>()(
    z.object({
      startAtLogin: z.boolean({ error: 'Say whether to start at login: true or false.' }),
    }),
  ),
  /** Per sequence over a period: enrolled, active, completed, stopped by response, steps done. */
  report: channel<SequenceReport>()(period),
}

// Enrolments as stored, joined with what the ledger knows about the person: the response that
// stops them (so imported responses stop enrolments too) and an accepted connection request.
import { AppError } from '../../shared/contract/errors'
import type { Enrolment, EnrolmentStep, StopCondition } from '../../shared/contract/sequences'
import type { ScheduleOptions, Weekday } from '../../shared/domain/schedule'
import { startOfLocalDay } from '../credits/zone'
import type { Ledger } from '../ledger'
import { timeZoneOf } from '../settings/service'
import type { StepRow as SequenceStepRow } from './definitions'
import { progressOf, type PersonFacts, type Progress } from './progress'

interface EnrolmentRow {
  id: number
  sequence_id: number
  sequence: string
  stop_on: StopCondition
  business_days: number
  preferred_weekdays: string
  contact_id: number
  contact: string
  profile_url: string | null
  seat_id: number
  seat: string
  start_on: string
  cancelled_at: string | null
  resumed_at: string | null
  created_at: string
}

/** A row of `enrolment_steps`: the sequence's step as it was on enrolling, with its plan. */
export interface StepRow extends Omit<SequenceStepRow, 'sequence_id'> {
  id: number
  enrolment_id: number
  planned_on: string
  due_on: string
  state: 'pending' | 'done' | 'skipped'
  done_at: string | null
  event_id: number | null
  revision: number
}

export interface LoadedEnrolment {
  enrolment: Enrolment
  progress: Progress
  rows: StepRow[]
  /** The sequence's weekday rules, for moving steps after a snooze or a late send. */
  schedule: ScheduleOptions
}

// The person as they stand after merges: the contact the enrolled one was merged into, if any.
const enrolmentSql = `
  SELECT e.id, e.sequence_id, q.name AS sequence, q.stop_on, q.business_days, q.preferred_weekdays,
    k.id AS contact_id,
    coalesce(k.name, replace(k.profile_url, 'https://www.', ''), '(unknown)') AS contact,
    k.profile_url, e.seat_id, s.name AS seat, e.start_on, e.cancelled_at, e.resumed_at, e.created_at
  FROM enrolments e
  JOIN sequences q ON q.id = e.sequence_id
  JOIN seats s ON s.id = e.seat_id
  JOIN contacts c ON c.id = e.contact_id
  JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)`

const samePerson = `contact_id IN (SELECT id FROM contacts WHERE id = @contact OR merged_into = @contact)`

// A connection request accepted is not an answer to the outreach: it makes the person a
// connection (and skips the conditional InMail). Every other response stops the enrolment.
const isConnectionAccept = `(r.response_kind = 'accept' AND EXISTS (SELECT 1 FROM live_events m
  WHERE m.id = r.inmail_id AND m.channel = 'connection-note'))`

const stopSql: Record<StopCondition, string> = {
  'any-response': `SELECT r.id, r.at, r.kind, r.response_kind FROM live_events r
    WHERE r.${samePerson} AND r.at >= @since AND r.kind IN ('response', 'meeting')
      AND NOT ${isConnectionAccept}
    ORDER BY r.at, r.id LIMIT 1`,
  meeting: `SELECT r.id, r.at, r.kind, NULL AS response_kind FROM live_events r
    WHERE r.${samePerson} AND r.at >= @since AND r.kind = 'meeting'
    ORDER BY r.at, r.id LIMIT 1`,
}

const connectedSql = `SELECT 1 FROM live_events r WHERE r.kind = 'response' AND r.${samePerson}
  AND ${isConnectionAccept} LIMIT 1`

/**
 * Responses from this instant on stop the enrolment: the earlier of its start day (in the
 * user's zone) and when it was made, or when the user resumed it.
 */
function stopsSince(row: EnrolmentRow, timeZone: string): string {
  const startOfStart = startOfLocalDay(row.start_on, timeZone)
  const since = startOfStart < row.created_at ? startOfStart : row.created_at
  return row.resumed_at && row.resumed_at > since ? row.resumed_at : since
}

function factsFor(ledger: Ledger, row: EnrolmentRow, timeZone: string): PersonFacts {
  const stop = ledger.db.prepare(stopSql[row.stop_on]).get({
    contact: row.contact_id,
    since: stopsSince(row, timeZone),
  }) as { id: number; at: string; kind: string; response_kind: string | null } | undefined
  const connected = ledger.db.prepare(connectedSql).get({ contact: row.contact_id }) !== undefined
  return {
    stop: stop ? { eventId: stop.id, at: stop.at, kind: stop.response_kind ?? stop.kind } : null,
    connected,
    cancelledAt: row.cancelled_at,
  }
}

function load(ledger: Ledger, where: string, params: Record<string, unknown>): LoadedEnrolment[] {
  const timeZone = timeZoneOf(ledger)
  const rows = ledger.db
    .prepare(`${enrolmentSql} ${where} ORDER BY e.start_on, e.id`)
    .all(params) as EnrolmentRow[]
  const stepsOf = ledger.db.prepare(
    `SELECT s.*, t.name AS template FROM enrolment_steps s LEFT JOIN templates t ON t.id = s.template_id
     WHERE s.enrolment_id = ? ORDER BY s.position`,
  )
  return rows.map((row) => {
    const steps = stepsOf.all(row.id) as StepRow[]
    const facts = factsFor(ledger, row, timeZone)
    const progress = progressOf(
      steps.map((s) => ({
        id: s.id,
        position: s.position,
        channel: s.channel,
        condition: s.condition,
        exit: s.is_exit === 1,
        state: s.state,
        doneAt: s.done_at,
      })),
      facts,
    )
    const viewSteps: EnrolmentStep[] = steps.map((s, i) => ({
      id: s.id,
      position: s.position,
      channel: s.channel,
      dueOn: s.due_on,
      plannedOn: s.planned_on,
      state: progress.states[i]!,
      doneAt: s.done_at,
      eventId: s.event_id,
      note: s.note,
      template: s.template,
      condition: s.condition,
      exit: s.is_exit === 1,
    }))
    return {
      rows: steps,
      progress,
      schedule: {
        businessDays: row.business_days === 1,
        preferredWeekdays: JSON.parse(row.preferred_weekdays) as Weekday[],
      },
      enrolment: {
        id: row.id,
        sequenceId: row.sequence_id,
        sequence: row.sequence,
        contactId: row.contact_id,
        contact: row.contact,
        profileUrl: row.profile_url,
        seatId: row.seat_id,
        seat: row.seat,
        startOn: row.start_on,
        status: progress.status,
        stoppedBy: progress.status === 'stopped' ? facts.stop : null,
        connected: facts.connected,
        steps: viewSteps,
      },
    }
  })
}

/** Enrolments that may still have something to send (not stopped by hand, a step pending). */
export function openEnrolments(ledger: Ledger, seatId?: number): LoadedEnrolment[] {
  return load(
    ledger,
    `WHERE e.cancelled_at IS NULL AND (@seat IS NULL OR e.seat_id = @seat)
       AND EXISTS (SELECT 1 FROM enrolment_steps p WHERE p.enrolment_id = e.id AND p.state = 'pending')`,
    { seat: seatId ?? null },
  )
}

export function listEnrolments(
  ledger: Ledger,
  filter: { sequenceId?: number; contactId?: number; status?: Enrolment['status'] },
): Enrolment[] {
  return load(
    ledger,
    `WHERE (@sequence IS NULL OR e.sequence_id = @sequence) AND (@contact IS NULL OR k.id = @contact)`,
    { sequence: filter.sequenceId ?? null, contact: filter.contactId ?? null },
  )
    .map((l) => l.enrolment)
    .filter((e) => filter.status === undefined || e.status === filter.status)
}

export function loadEnrolment(ledger: Ledger, enrolmentId: number): LoadedEnrolment {
  const found = load(ledger, 'WHERE e.id = @id', { id: enrolmentId })[0]
  if (!found) throw new AppError('NOT_FOUND', `There is no enrolment #${enrolmentId}.`)
  return found
}

/** The enrolment a step belongs to, with the step's index in it. */
export function loadStep(
  ledger: Ledger,
  stepId: number,
): { loaded: LoadedEnrolment; index: number } {
  const row = ledger.db
    .prepare('SELECT enrolment_id FROM enrolment_steps WHERE id = ?')
    .get(stepId) as { enrolment_id: number } | undefined
  if (!row)
    throw new AppError('NOT_FOUND', `There is no step #${stepId}. The agenda lists each step's id.`)
  const loaded = loadEnrolment(ledger, row.enrolment_id)
  return { loaded, index: loaded.rows.findIndex((s) => s.id === stepId) }
}

/** Every enrolment with its progress, for reports over a period. */
export function allEnrolments(ledger: Ledger): LoadedEnrolment[] {
  return load(ledger, '', {})
}

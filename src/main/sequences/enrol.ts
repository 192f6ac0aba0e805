// Enrolling people in a sequence on a start day: each gets its own copy of the steps with their
// due days, after a look at the credits the plan needs.
import type * as z from 'zod'
import { AppError } from '../../shared/contract/errors'
import type { CreditsAhead, Enrolled, sequences } from '../../shared/contract/sequences'
import type { Seat } from '../../shared/contract'
import { addDays, scheduleSteps } from '../../shared/domain/schedule'
import { findContact, findOrCreateContact, type ContactRef } from '../contacts/service'
import type { Ledger } from '../ledger'
import { getSeat, listSeats } from '../seats/service'
import { timeZoneOf } from '../settings/service'
import { todayIn } from './clock'
import { creditsAhead, type PlannedCredit } from './credits-ahead'
import { getSequence } from './definitions'

type EnrolInput = z.output<(typeof sequences)['enrol']['input']>

/** The seat to send from: the one given, or the only one there is. */
export function resolveSeat(ledger: Ledger, seatId: number | undefined): Seat {
  if (seatId !== undefined) {
    const seat = getSeat(ledger, seatId)
    if (seat.archivedAt)
      throw new AppError('SEAT_ARCHIVED', `${seat.name} is archived. Restore it in Settings first.`)
    return seat
  }
  const seats = listSeats(ledger, false)
  if (seats.length === 1) return seats[0]!
  throw new AppError(
    seats.length === 0 ? 'SEAT_NOT_FOUND' : 'VALIDATION_FAILED',
    seats.length === 0
      ? 'Add a seat first: sequences send from one of your LinkedIn subscriptions.'
      : `You have ${seats.length} seats; say which one the InMails go from (--seat NAME).`,
  )
}

interface Person {
  contact: ContactRef
  openProfile: boolean
}

function describe(c: ContactRef): string {
  return c.name ?? c.profileUrl ?? `contact #${c.id}`
}

/** The people to enrol; with `create`, unknown profile URLs become contacts. */
function people(ledger: Ledger, input: EnrolInput, create: boolean): Person[] {
  const out = new Map<number, Person>()
  const openProfile = ledger.db.prepare('SELECT open_profile FROM contacts WHERE id = ?')
  const add = (contact: ContactRef) => {
    const row = openProfile.get(contact.id) as { open_profile: number } | undefined
    out.set(contact.id, { contact, openProfile: row?.open_profile === 1 })
  }
  const byId = ledger.db.prepare(
    `SELECT k.id, k.profile_url, k.name FROM contacts c JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)
     WHERE c.id = ?`,
  )
  for (const id of input.contactIds) {
    const row = byId.get(id) as
      { id: number; profile_url: string | null; name: string | null } | undefined
    if (!row) throw new AppError('NOT_FOUND', `There is no contact #${id}; nobody was enrolled.`)
    add({ id: row.id, profileUrl: row.profile_url, name: row.name })
  }
  if (input.importId !== undefined) {
    const rows = ledger.db
      .prepare(
        `SELECT DISTINCT k.id, k.profile_url, k.name FROM live_events m
         JOIN contacts c ON c.id = m.contact_id JOIN contacts k ON k.id = coalesce(c.merged_into, c.id)
         WHERE m.import_id = ? AND m.kind IN ('inmail-sent', 'message-sent')
           AND NOT EXISTS (SELECT 1 FROM live_events r WHERE r.kind = 'response'
             AND r.contact_id IN (SELECT id FROM contacts WHERE id = k.id OR merged_into = k.id))
         ORDER BY k.id`,
      )
      .all(input.importId) as { id: number; profile_url: string | null; name: string | null }[]
    for (const row of rows) add({ id: row.id, profileUrl: row.profile_url, name: row.name })
  }
  for (const who of input.to) {
    const found = create ? findOrCreateContact(ledger, who) : findContact(ledger, who)
    if (found) add(found)
    else if (!create)
      // Not in the ledger yet: counted as a new person with no Open Profile.
      out.set(-out.size - 1, {
        contact: { id: -out.size - 1, profileUrl: who.profileUrl ?? null, name: who.name ?? null },
        openProfile: false,
      })
  }
  return [...out.values()]
}

/** Already running in this sequence: enrolling them again would send everything twice. */
function alreadyEnrolled(ledger: Ledger, sequenceId: number, contactId: number): boolean {
  return (
    ledger.db
      .prepare(
        `SELECT 1 FROM enrolments e WHERE e.sequence_id = ? AND e.cancelled_at IS NULL
           AND e.contact_id IN (SELECT id FROM contacts WHERE id = ? OR merged_into = ?)
           AND EXISTS (SELECT 1 FROM enrolment_steps s WHERE s.enrolment_id = e.id AND s.state = 'pending')`,
      )
      .get(sequenceId, contactId, contactId) !== undefined
  )
}

function lastResponse(ledger: Ledger, contactId: number): string | null {
  const row = ledger.db
    .prepare(
      `SELECT max(at) AS at FROM live_events WHERE kind = 'response'
         AND contact_id IN (SELECT id FROM contacts WHERE id = ? OR merged_into = ?)`,
    )
    .get(contactId, contactId) as { at: string | null }
  return row.at
}

/**
 * How far back a start day may go: enough to enter a sequence begun by hand last month, with
 * only its next step due (the rest keep their gaps from the day it is done).
 */
export const oldestStartDays = 30

/** A start before the seat existed, or long past, would make every step due at once. */
function checkStart(seat: Seat, startOn: string, today: string): void {
  if (startOn < seat.startedOn)
    throw new AppError(
      'VALIDATION_FAILED',
      `${seat.name} started on ${seat.startedOn}; start the sequence on that day or later (today is ${today}).`,
    )
  if (startOn < addDays(today, -oldestStartDays))
    throw new AppError(
      'VALIDATION_FAILED',
      `${startOn} is more than ${oldestStartDays} days ago; pick today (${today}) or a later day.`,
    )
}

function plan(ledger: Ledger, input: EnrolInput, create: boolean) {
  const seat = resolveSeat(ledger, input.seatId)
  const today = todayIn(ledger.now(), timeZoneOf(ledger))
  checkStart(seat, input.startOn, today)
  const sequence = getSequence(ledger, input.sequenceId)
  if (sequence.archived)
    throw new AppError(
      'VALIDATION_FAILED',
      `"${sequence.name}" is archived. Restore or copy it first.`,
    )
  const due = scheduleSteps(input.startOn, sequence.steps, sequence)
  const everyone = people(ledger, input, create)
  const skipped: Enrolled['skipped'] = []
  const chosen: Person[] = []
  for (const person of everyone) {
    if (person.contact.id > 0 && alreadyEnrolled(ledger, sequence.id, person.contact.id))
      skipped.push({
        contactId: person.contact.id,
        contact: describe(person.contact),
        reason: `already in "${sequence.name}"`,
      })
    else chosen.push(person)
  }
  const wanted: PlannedCredit[] = []
  let openProfileFree = 0
  for (const person of chosen)
    sequence.steps.forEach((step, i) => {
      if (step.channel !== 'inmail') return
      if (person.openProfile) openProfileFree++
      else wanted.push({ day: due[i]!, conditional: step.condition !== 'always' })
    })
  const credits = creditsAhead(ledger, seat, today, wanted, openProfileFree)
  return { seat, sequence, due, chosen, skipped, credits }
}

export function previewCredits(ledger: Ledger, input: EnrolInput): CreditsAhead {
  return plan(ledger, input, false).credits
}

export function enrol(ledger: Ledger, input: EnrolInput): Enrolled {
  return ledger.db.transaction((): Enrolled => {
    const { seat, sequence, due, chosen, skipped, credits } = plan(ledger, input, true)
    const now = ledger.now().toISOString()
    const insertEnrolment = ledger.db.prepare(
      'INSERT INTO enrolments (sequence_id, contact_id, seat_id, start_on, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    const insertStep = ledger.db.prepare(
      `INSERT INTO enrolment_steps (enrolment_id, position, day_offset, channel, template_id, note,
         condition, is_exit, planned_on, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const enrolmentIds: number[] = []
    const warnings: Enrolled['warnings'] = []
    for (const { contact } of chosen) {
      const enrolmentId = Number(
        insertEnrolment.run(sequence.id, contact.id, seat.id, input.startOn, now).lastInsertRowid,
      )
      enrolmentIds.push(enrolmentId)
      sequence.steps.forEach((step, i) =>
        insertStep.run(
          enrolmentId,
          step.position,
          step.dayOffset,
          step.channel,
          step.templateId,
          step.note,
          step.condition,
          step.exit ? 1 : 0,
          due[i],
          due[i],
        ),
      )
      const answered = lastResponse(ledger, contact.id)
      if (answered)
        warnings.push({
          contactId: contact.id,
          message: `${describe(contact)} already answered on ${answered.slice(0, 10)}. Check the conversation before the first step goes out.`,
        })
    }
    return { enrolmentIds, skipped, warnings, credits }
  })()
}

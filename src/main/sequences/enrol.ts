// Enrolling people in a sequence on a start day: each gets its own copy of the steps with their
// due days, after a look at the credits the plan needs.
import type * as z from 'zod'
import { AppError } from '../../shared/contract/errors'
import type { CreditsAhead, Enrolled, LeftOut, sequences } from '../../shared/contract/sequences'
import type { Seat } from '../../shared/contract'
import { addDays, scheduleSteps, spokenDay } from '../../shared/domain/schedule'
import {
  findContact,
  findOrCreateContact,
  type ContactRef,
  type Recipient,
} from '../contacts/service'
import { expiryDays } from '../credits/engine/book'
import { dayInZone } from '../time/zoned'
import type { Ledger } from '../ledger'
import { getSeat, listSeats } from '../seats/service'
import { timeZoneOf } from '../settings/service'
import { todayIn } from './clock'
import { creditsAhead, type PlannedCredit } from './credits-ahead'
import { getSequence } from './definitions'
import { listEnrolments } from './enrolments'

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
  /** Not in the ledger yet: added from its profile URL on enrolling. */
  isNew: boolean
}

function describe(c: ContactRef): string {
  return c.name ?? c.profileUrl?.replace('https://www.', '') ?? `contact #${c.id}`
}

/** "#12" or "12": how the CLI and the agenda print ids, never a name. */
const looksLikeId = /^#?\d+$/

/**
 * The contact a `to` entry means. A name must match one contact exactly; only a LinkedIn
 * profile URL may stand for someone new, so a typo never becomes a person in the ledger.
 */
function resolveTo(ledger: Ledger, who: Recipient, create: boolean): Person | string {
  if (!who.profileUrl) {
    const name = who.name ?? ''
    const found = findContact(ledger, who)
    if (found) return { contact: found, openProfile: false, isNew: false }
    if (looksLikeId.test(name)) return `"${name}" is an id, not a name`
    return `nobody is named "${name}"`
  }
  const found = findContact(ledger, who)
  if (found) return { contact: found, openProfile: false, isNew: false }
  if (!create)
    return {
      contact: { id: -1, profileUrl: who.profileUrl, name: who.name ?? null },
      openProfile: false,
      isNew: true,
    }
  return { contact: findOrCreateContact(ledger, who), openProfile: false, isNew: true }
}

/** The people to enrol; with `create`, unknown profile URLs become contacts. */
function people(ledger: Ledger, input: EnrolInput, create: boolean): Person[] {
  const out = new Map<number, Person>()
  const openProfile = ledger.db.prepare('SELECT open_profile FROM contacts WHERE id = ?')
  const add = (contact: ContactRef, isNew = false) => {
    const row = openProfile.get(contact.id) as { open_profile: number } | undefined
    out.set(contact.id, { contact, openProfile: row?.open_profile === 1, isNew })
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
  const unknown: string[] = []
  for (const who of input.to) {
    const found = resolveTo(ledger, who, create)
    if (typeof found === 'string') unknown.push(found)
    else if (found.contact.id > 0) add(found.contact, found.isNew)
    // Not in the ledger yet: counted as a new person with no Open Profile.
    else out.set(-out.size - 1, { ...found, contact: { ...found.contact, id: -out.size - 1 } })
  }
  if (unknown.length > 0)
    throw new AppError(
      'NOT_FOUND',
      `Nobody was enrolled: ${unknown.join('; ')}. Give each person's exact name as the ledger has it, or their LinkedIn profile URL (a profile URL the ledger does not know adds them as a new contact).`,
      { unknown },
    )
  return [...out.values()]
}

/** Facts about a person that decide whether enrolling them now would waste a credit. */
function history(ledger: Ledger) {
  const same = `contact_id IN (SELECT id FROM contacts WHERE id = @contact OR merged_into = @contact)`
  // An accepted connection request is not an answer (the enrolments read it the same way).
  const answered = ledger.db.prepare(
    `SELECT max(r.at) AS at FROM live_events r WHERE r.${same} AND r.kind IN ('response', 'meeting')
       AND NOT (r.response_kind = 'accept' AND EXISTS (SELECT 1 FROM live_events m
         WHERE m.id = r.inmail_id AND m.channel = 'connection-note'))`,
  )
  const lastInmail = ledger.db.prepare(
    `SELECT max(s.at) AS at FROM live_events s WHERE s.${same} AND +s.kind = 'inmail-sent'
       AND NOT EXISTS (SELECT 1 FROM live_events r WHERE r.kind = 'response' AND r.inmail_id = s.id)`,
  )
  return (contactId: number) => ({
    answeredAt: (answered.get({ contact: contactId }) as { at: string | null }).at,
    unansweredInmailAt: (lastInmail.get({ contact: contactId }) as { at: string | null }).at,
  })
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
  const timeZone = timeZoneOf(ledger)
  const today = todayIn(ledger.now(), timeZone)
  checkStart(seat, input.startOn, today)
  const sequence = getSequence(ledger, input.sequenceId)
  if (sequence.archived)
    throw new AppError(
      'VALIDATION_FAILED',
      `"${sequence.name}" is archived. Restore or copy it first.`,
    )
  const due = scheduleSteps(input.startOn, sequence.steps, sequence)
  const sendsInmail = sequence.steps.some((s) => s.channel === 'inmail')
  const everyone = people(ledger, input, create)
  const facts = history(ledger)
  const leftOut: LeftOut[] = []
  const warnings: CreditsAhead['warnings'] = []
  const chosen: Person[] = []
  for (const person of everyone) {
    const { contact } = person
    if (person.isNew || contact.id < 0) {
      chosen.push(person)
      continue
    }
    const who = describe(contact)
    const leave = (why: LeftOut['why'], reason: string, overridable = true) =>
      leftOut.push({ contactId: contact.id, contact: who, why, reason, overridable })
    const running = listEnrolments(ledger, { contactId: contact.id }).filter(
      (e) => e.status === 'active' || (e.sequenceId === sequence.id && e.status === 'stopped'),
    )
    const here = running.find((e) => e.sequenceId === sequence.id)
    if (here) {
      leave(
        'already-enrolled',
        here.status === 'stopped'
          ? `already in "${sequence.name}", stopped by their response: resume it instead`
          : `already in "${sequence.name}"`,
        false,
      )
      continue
    }
    const { answeredAt, unansweredInmailAt } = facts(contact.id)
    const inmailDay = unansweredInmailAt
      ? dayInZone(Date.parse(unansweredInmailAt), timeZone)
      : null
    // Still in its refund window: LinkedIn may yet refund it, and another InMail costs again.
    const awaiting = inmailDay !== null && addDays(inmailDay, expiryDays) >= today
    const elsewhere = running[0]
    if (answeredAt) {
      const day = spokenDay(dayInZone(Date.parse(answeredAt), timeZone))
      if (!input.includeAnswered) {
        leave('answered', `answered on ${day}`)
        continue
      }
      warnings.push({
        contactId: contact.id,
        message: `${who} already answered on ${day}. Check the conversation before the first step goes out.`,
      })
    } else if (awaiting && sendsInmail && !input.includeAnswered) {
      leave('inmail-awaiting', `InMail of ${spokenDay(inmailDay)} still awaiting a response`)
      continue
    } else if (elsewhere && !input.includeAnswered) {
      leave('in-sequence', `running in "${elsewhere.sequence}"`)
      continue
    }
    if (inmailDay !== null && sendsInmail && !person.openProfile) {
      const first = sequence.steps.findIndex((s) => s.channel === 'inmail')
      warnings.push({
        contactId: contact.id,
        message: `${who} has had no response to the InMail of ${spokenDay(inmailDay)}: step ${first + 1}'s InMail spends another credit, and LinkedIn may not deliver it.`,
      })
    }
    chosen.push(person)
  }
  const wanted: PlannedCredit[] = []
  let openProfileFree = 0
  for (const person of chosen)
    sequence.steps.forEach((step, i) => {
      if (step.channel !== 'inmail') return
      if (person.openProfile) openProfileFree++
      else wanted.push({ day: due[i]!, conditional: step.condition !== 'always' })
    })
  const credits = creditsAhead(ledger, seat, today, wanted, openProfileFree, {
    people: chosen.length,
    leftOut,
    warnings,
    newContacts: chosen.filter((p) => p.isNew).map((p) => describe(p.contact)),
  })
  return { seat, sequence, due, chosen, leftOut, warnings, credits }
}

export function previewCredits(ledger: Ledger, input: EnrolInput): CreditsAhead {
  return plan(ledger, input, false).credits
}

export function enrol(ledger: Ledger, input: EnrolInput): Enrolled {
  return ledger.db.transaction((): Enrolled => {
    const { seat, sequence, due, chosen, leftOut, warnings, credits } = plan(ledger, input, true)
    const now = ledger.now().toISOString()
    const insertEnrolment = ledger.db.prepare(
      'INSERT INTO enrolments (sequence_id, contact_id, seat_id, start_on, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    const insertStep = ledger.db.prepare(
      `INSERT INTO enrolment_steps (enrolment_id, position, day_offset, channel, template_id, note,
         condition, is_exit, planned_on, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const enrolmentIds: number[] = []
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
    }
    const added = chosen
      .filter((p) => p.isNew)
      .map((p) => ({ contactId: p.contact.id, contact: describe(p.contact) }))
    return { enrolmentIds, skipped: leftOut, warnings, added, credits }
  })()
}

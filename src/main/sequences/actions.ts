// What the user does with a step: mark it done (which logs the send in the ledger, spending a
// credit for an InMail), skip it, or snooze it; and stopping or resuming a whole enrolment.
import { AppError } from '../../shared/contract/errors'
import type { DoneResult, Enrolment, Snoozed, StepChannel } from '../../shared/contract/sequences'
import {
  addDays,
  allowedWeekdays,
  daysBetween,
  nextAllowed,
  replanAfter,
  spokenDay,
  weekdayNames,
  weekdayOf,
} from '../../shared/domain/schedule'
import { send } from '../credits/service'
import type { Ledger } from '../ledger'
import { logMessage } from '../outreach/service'
import { timeZoneOf } from '../settings/service'
import { todayIn } from './clock'
import { loadEnrolment, loadStep, type LoadedEnrolment } from './enrolments'

/** How each step is logged in the ledger; calls and tasks log nothing. */
const loggedAs: Record<
  StepChannel,
  'inmail' | 'connection-note' | 'message' | 'email' | 'whatsapp' | null
> = {
  inmail: 'inmail',
  'connection-request': 'connection-note',
  message: 'message',
  email: 'email',
  whatsapp: 'whatsapp',
  call: null,
  task: null,
}

/** The step, refused with a reason the user can act on unless it is still to be sent. */
function pendingStep(ledger: Ledger, stepId: number): { loaded: LoadedEnrolment; index: number } {
  const found = loadStep(ledger, stepId)
  const { enrolment } = found.loaded
  const step = enrolment.steps[found.index]!
  if (step.state === 'pending') return found
  if (step.state === 'done' || step.state === 'skipped')
    throw new AppError(
      'VALIDATION_FAILED',
      `Step #${stepId} was already ${step.state === 'done' ? 'done' : 'skipped'}${step.doneAt ? ` on ${step.doneAt.slice(0, 10)}` : ''}.`,
    )
  if (step.state === 'not-needed')
    throw new AppError(
      'VALIDATION_FAILED',
      step.condition === 'not-connected'
        ? `Step #${stepId} is not needed: ${enrolment.contact} accepted the connection request.`
        : `Step #${stepId} is not needed: ${enrolment.contact} has not accepted the connection request.`,
    )
  if (enrolment.status === 'stopped' && enrolment.stoppedBy)
    throw new AppError(
      'VALIDATION_FAILED',
      `${enrolment.contact} responded on ${enrolment.stoppedBy.at.slice(0, 10)}, so "${enrolment.sequence}" stopped. Resume the enrolment to send this step anyway.`,
    )
  if (enrolment.status === 'cancelled')
    throw new AppError(
      'VALIDATION_FAILED',
      `You stopped ${enrolment.contact}'s enrolment in "${enrolment.sequence}". Resume it to send this step.`,
    )
  throw new AppError(
    'VALIDATION_FAILED',
    `"${enrolment.sequence}" has ended for ${enrolment.contact}; step #${stepId} will not be sent.`,
  )
}

/**
 * Moves the pending steps after step `index`, which was done, skipped or moved to `day`: each
 * keeps its gap from the step before (and moves `shift` days with a snoozed one), then snaps to
 * an allowed weekday. A step whose day changes gets a new revision, so calendars update it.
 */
function moveLaterSteps(
  ledger: Ledger,
  loaded: LoadedEnrolment,
  index: number,
  day: string,
  shift = 0,
): void {
  const later = loaded.rows.slice(index + 1)
  const days = replanAfter(
    { day, dayOffset: loaded.rows[index]!.day_offset },
    later.map((r) => ({ dayOffset: r.day_offset, dueOn: r.due_on })),
    loaded.schedule,
    shift,
  )
  const move = ledger.db.prepare(
    'UPDATE enrolment_steps SET due_on = ?, revision = revision + 1 WHERE id = ?',
  )
  later.forEach((row, i) => {
    if (row.state === 'pending' && days[i] !== row.due_on) move.run(days[i], row.id)
  })
}

function recipientOf(enrolment: Enrolment) {
  return enrolment.profileUrl ? { profileUrl: enrolment.profileUrl } : { name: enrolment.contact }
}

/** Logs the step's send and marks it done, in one transaction: a refused send changes nothing. */
export function markDone(
  ledger: Ledger,
  input: { stepId: number; at?: string | undefined },
): DoneResult {
  const at = new Date(input.at ?? ledger.now().toISOString()).toISOString()
  return ledger.db.transaction((): DoneResult => {
    const { loaded, index } = pendingStep(ledger, input.stepId)
    const { enrolment } = loaded
    const row = loaded.rows[index]!
    const channel = loggedAs[row.channel]
    let eventId: number | null = null
    let creditSpent = false
    let warnings: DoneResult['warnings'] = []
    const template = row.template ?? undefined
    // A later step on the channel of an earlier sent one goes in that thread (the day-3 bump):
    // the funnel counts the person once, and the step shows as a follow-up.
    const opening = loaded.rows.find(
      (r) => r.state === 'done' && r.event_id !== null && loggedAs[r.channel] === channel,
    )
    const thread = opening?.event_id ? { followupOf: opening.event_id } : undefined
    if (channel === 'inmail') {
      const openProfile = ledger.db
        .prepare('SELECT open_profile FROM contacts WHERE id = ?')
        .get(enrolment.contactId) as { open_profile: number }
      const sent = send(
        ledger,
        {
          seatId: enrolment.seatId,
          to: recipientOf(enrolment),
          at,
          openProfile: openProfile.open_profile === 1,
          ...(template ? { template } : {}),
        },
        thread,
      )
      eventId = sent.eventId
      creditSpent = sent.creditSpent
      warnings = sent.warnings
    } else if (channel !== null) {
      eventId = logMessage(
        ledger,
        {
          seatId: enrolment.seatId,
          channel,
          to: recipientOf(enrolment),
          at,
          ...(template ? { template } : {}),
        },
        thread,
      ).eventId
    }
    ledger.db
      .prepare("UPDATE enrolment_steps SET state = 'done', done_at = ?, event_id = ? WHERE id = ?")
      .run(at, eventId, input.stepId)
    // Sent later than planned: the rest keep their gaps from the day it went out.
    moveLaterSteps(ledger, loaded, index, todayIn(new Date(at), timeZoneOf(ledger)))
    const after = loadEnrolment(ledger, enrolment.id).enrolment
    return { step: after.steps[index]!, enrolment: after, eventId, creditSpent, warnings }
  })()
}

export function skipStep(ledger: Ledger, stepId: number): Enrolment {
  return ledger.db.transaction(() => {
    const { loaded, index } = pendingStep(ledger, stepId)
    ledger.db
      .prepare("UPDATE enrolment_steps SET state = 'skipped', done_at = ? WHERE id = ?")
      .run(ledger.now().toISOString(), stepId)
    moveLaterSteps(ledger, loaded, index, todayIn(ledger.now(), timeZoneOf(ledger)))
    return loadEnrolment(ledger, loaded.enrolment.id).enrolment
  })()
}

/**
 * Moves a step to a day: the one chosen, or N days after the later of today and its due day,
 * moved on to the sequence's next allowed weekday. The later steps move by as many days (then
 * snap), so the gaps between steps stay as they were.
 */
export function snoozeStep(
  ledger: Ledger,
  input: { stepId: number; to?: string | undefined; days?: number | undefined },
): Snoozed {
  return ledger.db.transaction((): Snoozed => {
    const { loaded, index } = pendingStep(ledger, input.stepId)
    const step = loaded.enrolment.steps[index]!
    const today = todayIn(ledger.now(), timeZoneOf(ledger))
    const allowed = allowedWeekdays(loaded.schedule)
    const to =
      input.to ??
      nextAllowed(addDays(step.dueOn > today ? step.dueOn : today, input.days ?? 1), allowed)
    if (to < today)
      throw new AppError(
        'VALIDATION_FAILED',
        `${to} has passed; snooze to today (${today}) or a later day.`,
      )
    if (to !== step.dueOn)
      ledger.db
        .prepare('UPDATE enrolment_steps SET due_on = ?, revision = revision + 1 WHERE id = ?')
        .run(to, input.stepId)
    moveLaterSteps(ledger, loaded, index, to, daysBetween(step.dueOn, to))
    // A day the user picked is kept as asked, but said aloud: the sequence would not send then.
    const warnings: Snoozed['warnings'] = allowed.has(weekdayOf(to))
      ? []
      : [
          {
            code: 'NOT_A_SEND_DAY',
            message: `${weekdayNames[weekdayOf(to)]} is not one of this sequence's sending days (${[
              ...allowed,
            ]
              .sort()
              .map((d) => weekdayNames[d])
              .join(', ')}); the step stays on ${spokenDay(to)} as you asked.`,
          },
        ]
    return { ...loadEnrolment(ledger, loaded.enrolment.id).enrolment, warnings }
  })()
}

/** Stops an enrolment by hand: nothing more is sent. */
export function stopEnrolment(ledger: Ledger, enrolmentId: number): Enrolment {
  const { enrolment } = loadEnrolment(ledger, enrolmentId)
  if (enrolment.status !== 'active')
    throw new AppError('VALIDATION_FAILED', `This enrolment is already ${enrolment.status}.`)
  ledger.db
    .prepare('UPDATE enrolments SET cancelled_at = ? WHERE id = ?')
    .run(ledger.now().toISOString(), enrolmentId)
  return loadEnrolment(ledger, enrolmentId).enrolment
}

/** Resumes a stopped enrolment: responses up to now no longer stop it. */
export function resumeEnrolment(ledger: Ledger, enrolmentId: number): Enrolment {
  const { enrolment } = loadEnrolment(ledger, enrolmentId)
  if (enrolment.status !== 'stopped' && enrolment.status !== 'cancelled')
    throw new AppError(
      'VALIDATION_FAILED',
      `Only a stopped enrolment can be resumed; this one is ${enrolment.status}.`,
    )
  // Just after the response that stopped it, even one logged with a time later than now.
  let resumedAt = ledger.now().toISOString()
  const stop = enrolment.stoppedBy?.at
  if (stop && stop >= resumedAt) resumedAt = new Date(Date.parse(stop) + 1).toISOString()
  ledger.db.transaction(() => {
    ledger.db
      .prepare('UPDATE enrolments SET cancelled_at = NULL, resumed_at = ? WHERE id = ?')
      .run(resumedAt, enrolmentId)
    // Exported as cancelled while it was stopped: a new revision puts the steps back.
    ledger.db
      .prepare(
        "UPDATE enrolment_steps SET revision = revision + 1 WHERE enrolment_id = ? AND state = 'pending'",
      )
      .run(enrolmentId)
  })()
  return loadEnrolment(ledger, enrolmentId).enrolment
}
